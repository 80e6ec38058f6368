package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * theano.tensor.slinalg.cholesky: L with L L^T = X (lower) or U with U^T U = X (upper), reading
 * only that triangle of X as scipy does; LinAlgError when X is not positive definite.
 */
public record CholeskyOp(boolean lower) implements Op {
    @Override
    public String name() { return "Cholesky{" + (lower ? "lower" : "upper") + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("cholesky", in, 1);
        TensorType x = LinalgTypes.matrix("cholesky", in.get(0));
        return List.of(x.withDtype(LinalgTypes.floatOf(x.dtype())));
    }

    /**
     * Theano's rule (Murray 2016, arXiv:1602.07527): with L the factor and P = tril(L^T dz) with
     * its diagonal halved, S = L^-T P L^-1 and the gradient is tril(S + S^T) - diag(diag(S))
     * (triu for the upper factor, computed on the transposes).
     */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable dz = outputGrads.get(0);
        if (dz == null || !node.inputs().get(0).dtype().isFloat()) return Arrays.asList((Variable) null);
        TensorOps t = new TensorOps(node::origin);
        ExtraOps e = new ExtraOps(t);
        Variable l = node.output();
        if (!lower) {
            l = t.transpose(l);
            dz = t.transpose(dz);
        }
        Variable m = t.dot(t.transpose(l), dz);
        Variable p = t.sub(e.tril(m, 0), e.allocDiag(t.trueDiv(e.extractDiag(m, 0), 2.0), 0));
        SolveOp upper = new SolveOp(SolveOp.Structure.UPPER_TRIANGULAR);
        Variable lt = t.transpose(l);
        Variable s = t.apply(upper, lt, t.transpose(t.apply(upper, lt, t.transpose(p))));
        Variable sym = t.add(s, t.transpose(s));
        Variable tri = lower ? e.tril(sym, 0) : e.triu(sym, 0);
        return List.of(t.sub(tri, e.allocDiag(e.extractDiag(s, 0), 0)));
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CholeskyOp that
                && lower == that.lower;
    }

    @Override
    public int hashCode() {
        int h = Boolean.hashCode(lower);
        return h;
    }
}
