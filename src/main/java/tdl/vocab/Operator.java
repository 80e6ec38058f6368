package tdl.vocab;

/**
 * Python's operators, from the parser to the ops: each carries the symbol it is written with,
 * the method Python calls for it ({@code __add__}), the method tried on the right operand when the
 * left one has none or returns NotImplemented ({@code __radd__}; for a comparison its mirror,
 * {@code __gt__} for {@code <}) and the in-place method of an augmented assignment
 * ({@code __iadd__}). Null where Python has none. Switches over it have no default branch, so an
 * operator added here is a compile error wherever it is not handled yet.
 */
public enum Operator {
    // ---- binary arithmetic and bitwise (x op y, x op= y) ----
    ADD("+", "__add__", "__radd__", "__iadd__"),
    SUB("-", "__sub__", "__rsub__", "__isub__"),
    MUL("*", "__mul__", "__rmul__", "__imul__"),
    TRUE_DIV("/", "__truediv__", "__rtruediv__", "__itruediv__"),
    FLOOR_DIV("//", "__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    MOD("%", "__mod__", "__rmod__", "__imod__"),
    POW("**", "__pow__", "__rpow__", "__ipow__"),
    MATMUL("@", "__matmul__", "__rmatmul__", "__imatmul__"),
    AND("&", "__and__", "__rand__", "__iand__"),
    OR("|", "__or__", "__ror__", "__ior__"),
    XOR("^", "__xor__", "__rxor__", "__ixor__"),
    LSHIFT("<<", "__lshift__", "__rlshift__", "__ilshift__"),
    RSHIFT(">>", "__rshift__", "__rrshift__", "__irshift__"),

    // ---- rich comparisons: the reflection of a < b is b > a ----
    LT("<", "__lt__", "__gt__", null),
    LE("<=", "__le__", "__ge__", null),
    GT(">", "__gt__", "__lt__", null),
    GE(">=", "__ge__", "__le__", null),
    EQ("==", "__eq__", "__eq__", null),
    NE("!=", "__ne__", "__ne__", null),

    // ---- membership and identity (comparisons in the grammar; `in` asks the container) ----
    IN("in", "__contains__", null, null),
    NOT_IN("not in", "__contains__", null, null),
    IS("is", null, null, null),
    IS_NOT("is not", null, null, null),

    // ---- unary ----
    NEG("-", "__neg__", null, null),
    POS("+", "__pos__", null, null),
    INVERT("~", "__invert__", null, null),
    NOT("not", null, null, null),
    /** abs(x): a builtin function, but dispatched like a unary operator (operator.abs). */
    ABS("abs", "__abs__", null, null);

    private final String symbol;
    private final String dunder;
    private final String reflected;
    private final String inPlace;

    Operator(String symbol, String dunder, String reflected, String inPlace) {
        this.symbol = symbol;
        this.dunder = dunder;
        this.reflected = reflected;
        this.inPlace = inPlace;
    }

    /** How Python writes it: "+", "<=", "not in", "abs". */
    public String symbol() { return symbol; }

    /** The method on the left (or only) operand: "__add__"; null for not, is, is not. */
    public String dunder() { return dunder; }

    /** The method tried on the right operand: "__radd__", "__gt__" for <; null where none. */
    public String reflected() { return reflected; }

    /** The method of the augmented assignment x op= y: "__iadd__"; null for non-arithmetic ops. */
    public String inPlace() { return inPlace; }

    public boolean isComparison() { return ordinal() >= LT.ordinal() && ordinal() <= NE.ordinal(); }

    public boolean isUnary() { return ordinal() >= NEG.ordinal(); }

    /** The binary operator written {@code symbol} (the parser's: "+", "//", "@"). */
    public static Operator binary(String symbol) { return find(symbol, ADD, RSHIFT); }

    /** The comparison written {@code symbol}: "<", "==", "in", "is not". */
    public static Operator comparison(String symbol) { return find(symbol, LT, IS_NOT); }

    /** The unary operator written {@code symbol}: "-", "+", "~". */
    public static Operator unary(String symbol) { return find(symbol, NEG, ABS); }

    private static Operator find(String symbol, Operator first, Operator last) {
        for (Operator o : values()) {
            if (o.ordinal() >= first.ordinal() && o.ordinal() <= last.ordinal() && o.symbol.equals(symbol)) return o;
        }
        throw new IllegalArgumentException("not an operator: " + symbol);
    }
}
