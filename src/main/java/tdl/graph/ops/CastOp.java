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

/** x.astype(to): rounds toward zero for integer targets, as numpy does. */
public record CastOp(DType to) implements Op {
    @Override
    public String name() { return "Cast{" + to.pyName() + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        if (in.size() != 1) throw new GraphError(ErrorKind.TYPE_ERROR, "cast takes 1 input, got " + in.size());
        return List.of(in.get(0).withDtype(to));
    }

    /** Float to float passes the gradient (cast back to the input's dtype); integers get none. */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        Variable x = node.inputs().get(0);
        if (g == null || !to.isFloat() || !x.dtype().isFloat()) return Arrays.asList((Variable) null);
        TensorOps t = new TensorOps(node::origin);
        return List.of(g.dtype() == x.dtype() ? g : t.cast(g, x.dtype()));
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CastOp that
                && java.util.Objects.equals(to, that.to);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(to);
        return h;
    }
}
