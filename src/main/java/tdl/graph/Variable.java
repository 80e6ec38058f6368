package tdl.graph;

/**
 * A symbolic value: either an input (no owner), a {@link Constant}, a {@link SharedVariable}, or
 * output {@code index} of an {@link Apply}. Equality is identity, as in Theano.
 */
public class Variable {
    private final TensorType type;
    private final Apply owner;
    private final int index;
    private String name;
    /**
     * Axes declared broadcastable (T.row, T.col, broadcastable=): they must have length 1 in every
     * value given. Kept beside the type, not in it: TDL types carry no flags (docs/decisions.md), so
     * only the variables a pattern was declared for check it; null when none was (the common case).
     */
    private final boolean[] broadcastable;

    public Variable(TensorType type, Apply owner, int index, String name) {
        this(type, owner, index, name, null);
    }

    protected Variable(TensorType type, Apply owner, int index, String name, boolean[] broadcastable) {
        if (broadcastable != null && broadcastable.length != type.rank()) {
            throw new GraphError(tdl.vocab.ErrorKind.TYPE_ERROR, "a broadcastable pattern needs one flag per axis: "
                    + broadcastable.length + " flags for a rank-" + type.rank() + " type");
        }
        this.type = type;
        this.owner = owner;
        this.index = index;
        this.name = name;
        this.broadcastable = broadcastable == null ? null : broadcastable.clone();
    }

    /** A free input variable, as T.matrix('x') makes. */
    public Variable(TensorType type, String name) {
        this(type, null, 0, name);
    }

    /** A free input whose values must have length 1 on the axes {@code broadcastable} marks (T.row('x')). */
    public Variable(TensorType type, String name, boolean[] broadcastable) {
        this(type, null, 0, name, broadcastable);
    }

    public TensorType type() { return type; }

    public DType dtype() { return type.dtype(); }

    public int rank() { return type.rank(); }

    public Apply owner() { return owner; }

    public int index() { return index; }

    public String name() { return name; }

    /** The declared broadcastable pattern (a copy), or null when none was declared. */
    public boolean[] broadcastable() { return broadcastable == null ? null : broadcastable.clone(); }

    /** Whether a pattern was declared (no copy: the input filter asks on every call). */
    public boolean hasPattern() { return broadcastable != null; }

    /** Whether {@code v} has length 1 on every declared broadcastable axis (true without a pattern); allocates nothing. */
    public boolean fitsPattern(NDArray v) {
        if (broadcastable == null || v.rank() != broadcastable.length) return true;
        for (int i = 0; i < broadcastable.length; i++) if (broadcastable[i] && v.dim(i) != 1) return false;
        return true;
    }

    /**
     * Throws Theano's TypeError (TensorType.filter's "Non-unit value on shape on a broadcastable
     * dimension") unless {@code v} has length 1 on every declared broadcastable axis; {@code who}
     * starts the message (which argument, which shared variable). No pattern: nothing to check.
     */
    public void checkPattern(NDArray v, String who, String hint) {
        if (broadcastable == null || v.rank() != broadcastable.length) return;
        for (int i = 0; i < broadcastable.length; i++) {
            if (broadcastable[i] && v.dim(i) != 1) {
                throw new GraphError(tdl.vocab.ErrorKind.TYPE_ERROR, who + ": axis " + i + " is broadcastable (must have length 1) but the value has shape "
                        + NDArray.shapeString(v.shape()), hint);
            }
        }
    }

    /** A pattern as Python prints the tuple: (True, False). */
    public static String patternString(boolean[] p) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < p.length; i++) b.append(i > 0 ? ", " : "").append(p[i] ? "True" : "False");
        return b.append(p.length == 1 ? ",)" : ")").toString();
    }

    public void setName(String name) { this.name = name; }

    /** True for variables a compiled function must be given a value for (not constants, not shared). */
    public boolean isInput() { return owner == null && !(this instanceof Constant) && !(this instanceof SharedVariable); }

    @Override
    public String toString() {
        if (name != null) return name;
        if (owner != null) return owner.op().name() + ".out" + (owner.outputs().size() > 1 ? index : "");
        return "<" + type + ">";
    }
}
