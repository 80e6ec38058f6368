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

    public Variable(TensorType type, Apply owner, int index, String name) {
        this.type = type;
        this.owner = owner;
        this.index = index;
        this.name = name;
    }

    /** A free input variable, as T.matrix('x') makes. */
    public Variable(TensorType type, String name) {
        this(type, null, 0, name);
    }

    public TensorType type() { return type; }

    public DType dtype() { return type.dtype(); }

    public int rank() { return type.rank(); }

    public Apply owner() { return owner; }

    public int index() { return index; }

    public String name() { return name; }

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
