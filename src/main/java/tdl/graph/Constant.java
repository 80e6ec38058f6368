package tdl.graph;

/**
 * A variable with a fixed value; host numbers and arrays mixed into expressions become these.
 * A scalar constant built by the graph code itself (a rule's {@code 1.0}, a gradient's zero) takes
 * the dtype of the other operands of an elementwise op, so float32 graphs stay float32; a
 * {@linkplain #typed typed} one, what a script's own number or array becomes, keeps the dtype
 * Theano's rules gave it.
 */
public final class Constant extends Variable {
    private final NDArray value;
    private final boolean typed;

    private Constant(NDArray value, String name, boolean typed) {
        super(value.type(), null, 0, name);
        this.value = value;
        this.typed = typed;
    }

    public Constant(NDArray value, String name) {
        this(value, name, false);
    }

    public Constant(NDArray value) {
        this(value, null, false);
    }

    /** A constant from a script value: its dtype is final (Theano's autocast decided it). */
    public static Constant typed(NDArray value) {
        return new Constant(value, null, true);
    }

    /** Whether this constant's dtype is final (see the class comment). */
    public boolean isTyped() { return typed; }

    /** The value; callers must not modify it. */
    public NDArray value() { return value; }

    @Override
    public String toString() {
        if (name() != null) return name();
        if (value.size() == 1) {
            double v = value.get(0);
            return value.dtype().isFloat() ? Double.toString(v) : Long.toString((long) v);
        }
        return "TensorConstant{" + value.dtype().pyName() + ", " + NDArray.shapeString(value.shape()) + "}";
    }
}
