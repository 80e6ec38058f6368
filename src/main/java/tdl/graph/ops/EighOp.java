package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * theano.tensor.nlinalg.eigh (outputs w ascending, v) and slinalg.eigvalsh (w only, {@code
 * vectors} false) of the symmetric matrix read from one triangle ({@code lower}: UPLO='L').
 */
public record EighOp(boolean lower, boolean vectors) implements Op {
    @Override
    public String name() { return vectors ? "Eigh{UPLO='" + (lower ? "L" : "U") + "'}" : "Eigvalsh{lower=" + (lower ? "True" : "False") + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity(vectors ? "eigh" : "eigvalsh", in, 1);
        DType d = LinalgTypes.floatOf(LinalgTypes.matrix(vectors ? "eigh" : "eigvalsh", in.get(0)).dtype());
        return vectors ? List.of(new TensorType(d, 1), new TensorType(d, 2)) : List.of(new TensorType(d, 1));
    }

    /**
     * Theano 1.0's EighGrad (perturbation theory; eigenvalues assumed distinct), written as a graph:
     * g = v (diag(gw) + (F o (v^T gv))^T) v^T with F[m, n] = 1/(w[n] - w[m]) off the diagonal, then
     * folded onto the triangle eigh reads: tril(g) + triu(g, 1)^T (UPLO='L'; the mirror for 'U').
     */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gw = outputGrads.get(0), gv = vectors ? outputGrads.get(1) : null;
        Variable x = node.inputs().get(0);
        if ((gw == null && gv == null) || !x.dtype().isFloat()) return Arrays.asList((Variable) null);
        TensorOps t = new TensorOps(node::origin);
        Variable w = node.outputs().get(0);
        // eigvalsh has no vectors output: take them from an eigh of the same matrix
        Variable v = vectors ? node.outputs().get(1) : Apply.make(new EighOp(lower, true), List.of(x), node.origin()).outputs().get(1);
        Variable n = t.shapeAt(x, 0);
        Variable idx = t.arange(n);
        Variable rows = t.dimshuffle(idx, 0, -1), cols = t.dimshuffle(idx, -1, 0);
        Variable eye = t.cast(t.eq(rows, cols), w.dtype());
        Variable inner = null;
        if (gw != null) inner = t.mul(eye, t.dimshuffle(gw, -1, 0)); // diag(gw)
        if (gv != null) {
            // F[m, n] = (1 - [m == n]) / (w[n] - w[m] + [m == n]): 0 on the diagonal without dividing by 0
            Variable f = t.trueDiv(t.sub(1.0, eye), t.add(t.sub(t.dimshuffle(w, -1, 0), t.dimshuffle(w, 0, -1)), eye));
            Variable term = t.transpose(t.mul(f, t.dot(t.transpose(v), gv)));
            inner = inner == null ? term : t.add(inner, term);
        }
        Variable g = t.dot(t.dot(v, inner), t.transpose(v));
        Variable keep = t.cast(lower ? t.ge(rows, cols) : t.le(rows, cols), w.dtype());
        Variable strict = t.sub(1.0, keep);
        return List.of(t.add(t.mul(g, keep), t.transpose(t.mul(g, strict))));
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof EighOp that
                && lower == that.lower
                && vectors == that.vectors;
    }

    @Override
    public int hashCode() {
        int h = Boolean.hashCode(lower);
        h = 31 * h + Boolean.hashCode(vectors);
        return h;
    }
}
