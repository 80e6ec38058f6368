package tdl.interp;

import java.util.List;

/**
 * The items of a Python list or tuple. Lists are {@code java.util.List}, tuples {@link TdlTuple};
 * library code that accepts "a list or a tuple" asks here instead of testing both types itself.
 */
public final class Sequences {
    private Sequences() {}

    /** True for a list or a tuple. */
    public static boolean isListOrTuple(Object v) {
        return v instanceof List<?> || v instanceof TdlTuple;
    }

    /** The items of a list or tuple (a view, not a copy), or null for anything else. */
    public static List<?> items(Object v) {
        if (v instanceof List<?> l) return l;
        if (v instanceof TdlTuple t) return t.items();
        return null;
    }

    /** The items of a list or tuple, or {@code [v]} for a single value (Theano's "one or many"). */
    public static List<?> itemsOrSingle(Object v) {
        List<?> items = items(v);
        return items != null ? items : List.of(v);
    }
}
