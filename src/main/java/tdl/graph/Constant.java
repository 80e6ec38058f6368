package tdl.graph;

/** A variable with a fixed value; host numbers and arrays mixed into expressions become these. */
public final class Constant extends Variable {
    private final NDArray value;

    public Constant(NDArray value, String name) {
        super(value.type(), null, 0, name);
        this.value = value;
    }

    public Constant(NDArray value) {
        this(value, null);
    }

    /** The value; callers must not modify it. */
    public NDArray value() { return value; }

    @Override
    public String toString() {
        if (name() != null) return name();
        if (value.size() == 1) {
            double v = value.data()[0];
            return value.dtype().isFloat() ? Double.toString(v) : Long.toString((long) v);
        }
        return "TensorConstant{" + value.dtype().pyName() + ", " + NDArray.shapeString(value.shape()) + "}";
    }
}
