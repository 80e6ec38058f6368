package tdl.interp;

import java.util.Iterator;

/** What iter() returns; next() advances it. */
record TdlIterator(Iterator<Object> it) {
    @Override
    public String toString() { return "<iterator>"; }
}
