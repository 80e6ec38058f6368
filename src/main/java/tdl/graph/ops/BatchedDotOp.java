package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * Theano's BatchedDot on rank-3 operands: out[i] = dot(a[i], b[i]) for a (B, n, k) and b (B, k, m),
 * giving (B, n, m). The other ranks of T.batched_dot and batched_tensordot reshape to this one
 * ({@link Products}), so only this op needs a gradient.
 */
public record BatchedDotOp() implements Op {
    @Override
    public String name() { return "BatchedDot"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("batched_dot", in, 2);
        TensorType a = in.get(0), b = in.get(1);
        if (a.rank() != 3 || b.rank() != 3) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "BatchedDot takes two rank-3 operands, got " + a + " and " + b,
                    "use T.batched_dot, which accepts ranks 1 to 4");
        }
        if (a.dtype() == DType.BOOL || b.dtype() == DType.BOOL) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "batched_dot of a bool operand (" + a + ", " + b + ")",
                    "cast it first with T.cast(x, 'float64')");
        }
        return List.of(new TensorType(DType.upcast(a.dtype(), b.dtype()), 3));
    }

    /** d out[i] = da[i] b[i] + a[i] db[i]: ga[i] = g[i] b[i]^T, gb[i] = a[i]^T g[i]. */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        Variable a = node.inputs().get(0), b = node.inputs().get(1);
        List<Variable> res = new ArrayList<>();
        res.add(null);
        res.add(null);
        if (g == null) return res;
        TensorOps t = new TensorOps(node::origin);
        if (a.dtype().isFloat()) res.set(0, t.apply(this, g, t.dimshuffle(b, 0, 2, 1)));
        if (b.dtype().isFloat()) res.set(1, t.apply(this, t.dimshuffle(a, 0, 2, 1), g));
        return res;
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) { return o instanceof BatchedDotOp; }

    @Override
    public int hashCode() { return 790181713; }
}
