package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/**
 * numpy.repeat(x, repeats, axis): each element along {@code axis} (of the flattened x when axis is
 * null) repeated; {@code repeats} is an integer scalar or a vector with one count per element (or
 * of length 1). Inputs: x, repeats.
 */
public record RepeatOp(Integer axis) implements Op {
    @Override
    public String name() { return "Repeat{" + (axis == null ? "None" : axis) + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("repeat", in, 2);
        TensorType x = in.get(0), r = in.get(1);
        if (r.rank() > 1 || r.dtype().isFloat()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "repeat: repeats must be an integer scalar or vector, got " + r,
                    "cast it with T.cast(r, 'int64')");
        }
        if (axis != null && (axis < 0 || axis >= x.rank())) {
            throw new GraphError(ErrorKind.AXIS_ERROR, "axis " + axis + " is out of bounds for a tensor of rank " + x.rank());
        }
        return List.of(x.withRank(axis == null ? 1 : x.rank()));
    }

    /** The gradient sums each run of copies back into its source: an inc_subtensor at repeat(arange(n), repeats). */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        Variable x = node.inputs().get(0), reps = node.inputs().get(1);
        if (g == null || !x.dtype().isFloat()) return Arrays.asList(null, null);
        TensorOps t = new TensorOps(node::origin);
        ExtraOps e = new ExtraOps(t);
        Variable xa = axis == null ? t.flatten(x, 1) : x;
        int ax = axis == null ? 0 : axis;
        Variable source = t.apply(new RepeatOp(0), t.arange(t.shapeAt(xa, ax)), reps);
        Variable gFront = e.moveAxis(g, ax, 0);
        Variable gx = t.incSubtensor(t.zerosLike(e.moveAxis(xa, ax, 0)), List.of(new Index.Vector(source)), gFront);
        gx = e.moveAxis(gx, 0, ax);
        if (axis == null) gx = t.reshape(gx, t.shape(x), x.rank());
        return Arrays.asList(gx, null);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RepeatOp that
                && java.util.Objects.equals(axis, that.axis);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(axis);
        return h;
    }
}
