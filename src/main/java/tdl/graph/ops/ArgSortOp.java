package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/**
 * argsort along a non-negative {@code axis}: int64 indices that sort each lane, stably, NaN last
 * (numpy's order). No gradient flows (it is integer-valued). Sorting with axis=None flattens first
 * (done by the builder).
 */
public record ArgSortOp(int axis) implements Op {
    @Override
    public String name() { return "ArgSort{" + axis + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("argsort", in, 1);
        TensorType x = in.get(0);
        if (axis < 0 || axis >= x.rank()) {
            throw new GraphError(ErrorKind.AXIS_ERROR, "axis " + axis + " is out of bounds for a tensor of rank " + x.rank());
        }
        return List.of(new TensorType(DType.INT64, x.rank()));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) { return Arrays.asList((Variable) null); }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ArgSortOp that
                && axis == that.axis;
    }

    @Override
    public int hashCode() {
        int h = axis;
        return h;
    }
}
