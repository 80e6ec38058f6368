package tdl.graph.ops;

import java.util.List;

/**
 * Input x, output x unchanged: checks at run time that x's shape agrees with a shape the user
 * promised when building the graph ({@code dims}, -1 for an entry left as None), such as conv2d's
 * input_shape/filter_shape. Theano 1.0 uses those hints to infer shapes without checking them, so a
 * wrong hint silently gives wrong shapes there; its old ConvOp raised, and so does this.
 */
public record ShapeHintOp(String what, String hint, List<Integer> dims) implements ValueCheckOp {
    public ShapeHintOp {
        dims = List.copyOf(dims);
    }

    @Override
    public String name() { return "ShapeHint{" + what + " " + hint + "}"; }

    @Override
    public String checkedFunction() { return what; }

    @Override
    public int arity() { return 1; }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ShapeHintOp that && what.equals(that.what) && hint.equals(that.hint)
                && dims.equals(that.dims);
    }

    @Override
    public int hashCode() { return (31 * what.hashCode() + hint.hashCode()) * 31 + dims.hashCode(); }
}
