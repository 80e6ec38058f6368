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
 * numpy.take_along_axis(x, idx, axis) for idx of x's shape: out[..., i, ...] = x[..., idx[..., i,
 * ...], ...] along {@code axis}. sort(x) is take_along_axis(x, argsort(x)), so sort's gradient is
 * this op's: the output gradient routed back to the positions the values came from.
 */
public record TakeAlongAxisOp(int axis) implements Op {
    @Override
    public String name() { return "TakeAlongAxis{" + axis + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("take_along_axis", in, 2);
        check("take_along_axis", axis, in.get(0), in.get(1));
        return List.of(in.get(0));
    }

    static void check(String op, int axis, TensorType x, TensorType idx) {
        if (idx.rank() != x.rank() || idx.dtype().isFloat()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, op + ": the indices must be integers of x's rank " + x.rank() + ", got " + idx);
        }
        if (axis < 0 || axis >= x.rank()) {
            throw new GraphError(ErrorKind.AXIS_ERROR, "axis " + axis + " is out of bounds for a tensor of rank " + x.rank());
        }
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        Variable x = node.inputs().get(0);
        if (g == null || !x.dtype().isFloat()) return Arrays.asList(null, null);
        TensorOps t = new TensorOps(node::origin);
        return Arrays.asList(t.apply(new PutAlongAxisOp(axis), g, node.inputs().get(1), x), null);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TakeAlongAxisOp that
                && axis == that.axis;
    }

    @Override
    public int hashCode() {
        int h = axis;
        return h;
    }
}
