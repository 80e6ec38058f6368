package tdl.interp;

import java.util.List;

/** The items of a script's list or tuple: the one place that knows both spellings of a sequence literal. */
public final class Sequences {
    private Sequences() {}

    /** True for a list or a tuple value. */
    public static boolean isListOrTuple(Object value) {
        return value instanceof List<?> || value instanceof TdlTuple;
    }

    /** The items of a list or tuple value (a view, not a copy), or null for anything else. */
    public static List<?> items(Object value) {
        if (value instanceof List<?> l) return l;
        if (value instanceof TdlTuple t) return t.items();
        return null;
    }

    /** The items of a list or tuple value; any other value is one item (as {@code size=5} means {@code (5,)}). */
    public static List<?> itemsOrSingle(Object value) {
        List<?> items = items(value);
        return items != null ? items : List.of(value);
    }
}
