package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * reshape(x, shape): inputs x and an int64 vector of {@code ndim} entries (one may be -1, inferred
 * from the size at run time).
 */
public record ReshapeOp(int ndim) implements Op {
    @Override
    public String name() { return "Reshape{" + ndim + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("reshape", in, 2);
        Ops.intVector("reshape", "the shape", in.get(1));
        if (ndim < 0 || ndim > TensorType.MAX_RANK) {
            throw new GraphError(ErrorKind.VALUE_ERROR, "reshape to rank " + ndim + " is not supported (rank 0 to 4)");
        }
        return List.of(in.get(0).withRank(ndim));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        Variable x = node.inputs().get(0);
        if (g == null || !x.dtype().isFloat()) return Arrays.asList(null, null);
        TensorOps t = new TensorOps(node::origin);
        return Arrays.asList(t.reshape(g, t.shape(x), x.rank()), null);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ReshapeOp that
                && ndim == that.ndim;
    }

    @Override
    public int hashCode() {
        int h = ndim;
        return h;
    }
}
