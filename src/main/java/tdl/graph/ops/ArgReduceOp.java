package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * argmax (max = true) or argmin along a non-negative {@code axis}, or over the flattened input when
 * axis is null. int64 output; no gradient flows (it is a constant for grad). First index on ties.
 */
public record ArgReduceOp(boolean max, Integer axis, boolean keepdims) implements Op {
    @Override
    public String name() { return (max ? "Argmax" : "Argmin") + "{" + (axis == null ? "all" : axis) + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity(max ? "argmax" : "argmin", in, 1);
        int r = in.get(0).rank();
        if (axis != null && (axis < 0 || axis >= r)) {
            throw new GraphError(ErrorKind.VALUE_ERROR, "axis " + axis + " is out of bounds for a tensor of rank " + r);
        }
        int outRank = keepdims ? r : axis == null ? 0 : r - 1;
        return List.of(new TensorType(DType.INT64, outRank));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) { return Arrays.asList((Variable) null); }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ArgReduceOp that
                && max == that.max
                && java.util.Objects.equals(axis, that.axis)
                && keepdims == that.keepdims;
    }

    @Override
    public int hashCode() {
        int h = Boolean.hashCode(max);
        h = 31 * h + java.util.Objects.hashCode(axis);
        h = 31 * h + Boolean.hashCode(keepdims);
        return h;
    }
}
