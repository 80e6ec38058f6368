package tdl.graph.ops;

/**
 * The scalar functions an {@link ElemwiseOp} maps over arrays (with numpy broadcasting). This is
 * the shared vocabulary of ops, kernels, rewrites and fusion: a fused loop is a small expression
 * over these. Arity: unary ops take 1 input, binary 2, SWITCH and CLIP 3.
 */
public enum Scalar {
    // unary
    NEG, ABS, EXP, LOG, LOG1P, SQRT, SQR, TANH, SIGMOID, SOFTPLUS, FLOOR, CEIL, ROUND, SGN,
    ISNAN, ISINF, NOT, SIN, COS, INV,
    // binary
    ADD, SUB, MUL, TRUE_DIV, INT_DIV, MOD, POW, MAXIMUM, MINIMUM,
    LT, LE, GT, GE, EQ, NEQ, AND, OR, XOR,
    // ternary
    SWITCH, CLIP;

    public int arity() {
        if (this == SWITCH || this == CLIP) return 3;
        return ordinal() >= ADD.ordinal() ? 2 : 1;
    }

    /** Comparison and logical ops produce bool. */
    public boolean isPredicate() {
        return switch (this) {
            case LT, LE, GT, GE, EQ, NEQ, AND, OR, XOR, NOT, ISNAN, ISINF -> true;
            default -> false;
        };
    }

    /** The infix operator Python writes for this op ("+", "<=", "&"), or null for a function-style op. */
    public String infix() {
        return switch (this) {
            case ADD -> "+";
            case SUB -> "-";
            case MUL -> "*";
            case TRUE_DIV -> "/";
            case INT_DIV -> "//";
            case MOD -> "%";
            case POW -> "**";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case EQ -> "==";
            case NEQ -> "!=";
            case AND -> "&";
            case OR -> "|";
            case XOR -> "^";
            default -> null;
        };
    }

    /** The lower-case name Theano prints: Elemwise{exp}. */
    public String pyName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
