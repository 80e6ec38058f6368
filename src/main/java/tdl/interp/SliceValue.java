package tdl.interp;

/**
 * A slice lo:hi:step as evaluated inside a subscript. Each part is null (absent), a Long, or a
 * symbolic scalar (a {@code tdl.graph.Variable}).
 */
public record SliceValue(Object lo, Object hi, Object step) {}
