package tdl.interp;

import java.util.List;

/** An immutable sequence (Python tuple). Lists are {@code java.util.ArrayList<Object>}. */
public record TdlTuple(List<Object> items) {
    public TdlTuple {
        items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }

    public static TdlTuple of(Object... items) {
        return new TdlTuple(java.util.Arrays.asList(items));
    }

    public int size() { return items.size(); }

    public Object get(int i) { return items.get(i); }
}
