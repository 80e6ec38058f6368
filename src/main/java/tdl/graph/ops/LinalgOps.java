package tdl.graph.ops;

import java.util.List;
import tdl.graph.GraphError;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/**
 * The graph-building vocabulary of theano.tensor.nlinalg and slinalg: the four EJML-backed ops
 * (inverse, det, solve, cholesky) and compositions (matrix_dot, matrix_power, norm).
 */
public final class LinalgOps {
    private final TensorOps t;

    public LinalgOps(TensorOps t) {
        this.t = t;
    }

    public Variable inverse(Variable x) { return t.apply(new MatrixInverseOp(), x); }

    public Variable det(Variable x) { return t.apply(new DetOp(), x); }

    public Variable solve(Variable a, Variable b, SolveOp.Structure s) { return t.apply(new SolveOp(s), a, b); }

    public Variable cholesky(Variable x, boolean lower) { return t.apply(new CholeskyOp(lower), x); }

    public Variable pinv(Variable x) { return t.apply(new PinvOp(), x); }

    private List<Variable> outputs(tdl.graph.Op op, Variable x) { return t.applyAll(op, x); }

    /** eigh(a, UPLO): [w ascending, v]. */
    public List<Variable> eigh(Variable x, boolean lower) { return outputs(new EighOp(lower, true), x); }

    /** slinalg.eigvalsh(a, None, lower): w ascending. */
    public Variable eigvalsh(Variable x, boolean lower) { return t.apply(new EighOp(lower, false), x); }

    /** svd(a, full_matrices, compute_uv): [U, s, Vh], or [s]. */
    public List<Variable> svd(Variable x, boolean fullMatrices, boolean computeUv) {
        return outputs(new DecompositionOp(DecompositionOp.Kind.SVD, fullMatrices, !computeUv), x);
    }

    /** eig(a): [w, v] (real eigenvalues only). */
    public List<Variable> eig(Variable x) { return outputs(new DecompositionOp(DecompositionOp.Kind.EIG, false, false), x); }

    /** qr(a, mode): 'reduced'/'complete' give [Q, R], 'r' gives [R]. */
    public List<Variable> qr(Variable x, String mode) {
        return outputs(new DecompositionOp(DecompositionOp.Kind.QR, mode.equals("complete"), mode.equals("r")), x);
    }

    /** dot(dot(a, b), c) ... */
    public Variable matrixDot(List<Variable> xs) {
        if (xs.isEmpty()) throw new GraphError(ErrorKind.TYPE_ERROR, "matrix_dot needs at least one argument");
        Variable r = xs.get(0);
        for (int i = 1; i < xs.size(); i++) r = t.dot(r, xs.get(i));
        return r;
    }

    /** M^n by repeated squaring, n >= 0 (M^0 is the identity of M's size). */
    public Variable matrixPower(Variable m, int n) {
        if (m.rank() != 2) throw new GraphError(ErrorKind.TYPE_ERROR, "matrix_power needs a matrix, got " + m.type());
        if (n < 0) {
            throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR, "matrix_power with a negative exponent",
                    "use matrix_power(matrix_inverse(M), -n)");
        }
        Variable result = null, base = m;
        for (int k = n; k > 0; k >>= 1) {
            if ((k & 1) == 1) result = result == null ? base : t.dot(result, base);
            if (k > 1) base = t.dot(base, base);
        }
        if (result != null) return result;
        return t.cast(t.eye(t.shapeAt(m, 0), t.shapeAt(m, 1), 0), m.dtype());
    }

    /**
     * Theano's nlinalg.norm(x, ord): vectors take None (2-norm), +-inf, 0 (count of non-zeros) or a
     * number p; matrices None/'fro', +-inf (max/min row sum), +-1 (max/min column sum).
     */
    public Variable norm(Variable x, Object ord) {
        ExtraOps e = new ExtraOps(t);
        double p = ord instanceof Number n ? n.doubleValue() : ord == null ? Double.NaN
                : "inf".equals(ord) ? Double.POSITIVE_INFINITY : "-inf".equals(ord) ? Double.NEGATIVE_INFINITY : Double.NaN;
        boolean fro = ord == null || "fro".equals(ord);
        if (x.rank() == 1) {
            if (ord == null) return t.sqrt(t.sum(t.sqr(x)));
            if (p == Double.POSITIVE_INFINITY) return t.max(t.abs(x), null, false);
            if (p == Double.NEGATIVE_INFINITY) return t.min(t.abs(x), null, false);
            if (p == 0) return t.cast(t.shapeAt(e.flatnonzero(x), 0), LinalgTypes.floatOf(x.dtype()));
            if (Double.isNaN(p)) throw new GraphError(ErrorKind.VALUE_ERROR, "Invalid norm order for vectors.");
            return t.pow(t.sum(t.pow(t.abs(x), p)), 1.0 / p);
        }
        if (x.rank() == 2) {
            if (fro) return t.sqrt(t.sum(t.sqr(t.abs(x))));
            Variable a = t.abs(x);
            if (p == Double.POSITIVE_INFINITY) return t.max(t.sum(a, new int[] {1}, false), null, false);
            if (p == Double.NEGATIVE_INFINITY) return t.min(t.sum(a, new int[] {1}, false), null, false);
            if (p == 1) return t.max(t.sum(a, new int[] {0}, false), null, false);
            if (p == -1) return t.min(t.sum(a, new int[] {0}, false), null, false);
            throw new GraphError(ErrorKind.VALUE_ERROR, "Invalid norm order for matrices: " + ord,
                    "use None or 'fro', 'inf', '-inf', 1 or -1 (2-norms need an SVD, which TDL does not have)");
        }
        throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR, "norm of a rank-" + x.rank() + " tensor", "norm takes vectors and matrices");
    }
}
