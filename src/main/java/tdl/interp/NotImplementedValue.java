package tdl.interp;

/**
 * Python's NotImplemented: what an operator method returns to pass the turn to the other
 * operand's reflected method (see {@link Protocol}); an enum so it is one immutable singleton.
 */
enum NotImplementedValue {
    NOT_IMPLEMENTED;

    @Override public String toString() { return "NotImplemented"; }
}
