package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * The adjoint of {@link TakeAlongAxisOp}: zeros of the shape of {@code like}, with each g[..., i,
 * ...] added at [..., idx[..., i, ...], ...] along {@code axis} (repeated indices accumulate).
 * Inputs: g, idx (g's shape), like (only its shape is read).
 */
public record PutAlongAxisOp(int axis) implements Op {
    @Override
    public String name() { return "PutAlongAxis{" + axis + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("put_along_axis", in, 3);
        TakeAlongAxisOp.check("put_along_axis", axis, in.get(0), in.get(1));
        return List.of(in.get(0).withRank(in.get(2).rank()));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        if (gz == null || !node.inputs().get(0).dtype().isFloat()) return Arrays.asList(null, null, null);
        TensorOps t = new TensorOps(node::origin);
        return Arrays.asList(t.apply(new TakeAlongAxisOp(axis), gz, node.inputs().get(1)), null, null);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PutAlongAxisOp that
                && axis == that.axis;
    }

    @Override
    public int hashCode() {
        int h = axis;
        return h;
    }
}
