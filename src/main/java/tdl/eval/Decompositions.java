package tdl.eval;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.vocab.ErrorKind;

/**
 * The matrix decompositions behind nlinalg/slinalg and numpy.linalg, with numpy's output layout:
 * svd (U, s descending, Vh), eigh (w ascending, v), eig (w, v), qr (Householder, LAPACK's sign
 * rule, so R and Q match numpy's) and pinv (numpy's cutoff 1e-15 * max(s)). EJML computes the
 * SVD and eigensystems. Eigenvectors and singular vectors are unique only up to sign: TDL makes
 * the entry of largest magnitude of each eigenvector and left singular vector positive (numpy's
 * LAPACK may choose the other sign). Input and output buffers are never shared.
 */
public final class Decompositions {
    private Decompositions() {}

    private static DMatrixRMaj matrix(NDArray a) { return DMatrixRMaj.wrap(a.dim(0), a.dim(1), a.data().clone()); }

    private static NDArray array(DMatrixRMaj m, DType dtype) {
        NDArray out = new NDArray(dtype, new int[] {m.numRows, m.numCols}, m.data.length == m.numRows * m.numCols ? m.data
                : java.util.Arrays.copyOf(m.data, m.numRows * m.numCols));
        if (dtype.needsCoerce()) for (int i = 0; i < out.size(); i++) out.data()[i] = dtype.coerce(out.data()[i]);
        return out;
    }

    private static NDArray vector(double[] d, DType dtype) {
        NDArray out = new NDArray(dtype, new int[] {d.length}, d);
        if (dtype.needsCoerce()) for (int i = 0; i < d.length; i++) d[i] = dtype.coerce(d[i]);
        return out;
    }

    /**
     * float32 input is decomposed in double and each result rounded once (docs/decisions.md, "float32
     * values"): the arithmetic below reads and writes double storage only.
     */
    private static NDArray wide(NDArray a) { return a.dtype() == DType.FLOAT32 ? a.astype(DType.FLOAT64) : a; }

    private static NDArray[] narrow(NDArray[] out) {
        NDArray[] r = new NDArray[out.length];
        for (int i = 0; i < out.length; i++) r[i] = out[i].astype(DType.FLOAT32);
        return r;
    }

    private static DType floatOf(NDArray a) { return a.dtype().isFloat() ? a.dtype() : DType.FLOAT64; }

    private static void finite(NDArray a, String what) {
        for (double d : a.data()) {
            if (!Double.isFinite(d)) throw new GraphError(ErrorKind.LINALG_ERROR, what + ": Array must not contain infs or NaNs");
        }
    }

    private static int square(NDArray a, String what) {
        if (a.rank() != 2 || a.dim(0) != a.dim(1)) {
            throw new GraphError(ErrorKind.LINALG_ERROR, what + ": Last 2 dimensions of the array must be square, got shape "
                    + NDArray.shapeString(a.shape()));
        }
        return a.dim(0);
    }

    /** numpy.linalg.svd(a, full_matrices, compute_uv): {U, s, Vh} or {s}. */
    public static NDArray[] svd(NDArray a, boolean fullMatrices, boolean computeUv) {
        NDArray a64 = wide(a);
        NDArray[] out = svd64(a64, fullMatrices, computeUv);
        return a64 == a ? out : narrow(out);
    }

    private static NDArray[] svd64(NDArray a, boolean fullMatrices, boolean computeUv) {
        finite(a, "svd");
        int m = a.dim(0), n = a.dim(1), k = Math.min(m, n);
        DType dt = floatOf(a);
        if (k == 0) {
            NDArray s = NDArray.zeros(dt, 0);
            if (!computeUv) return new NDArray[] {s};
            NDArray u = eye(dt, m, fullMatrices ? m : 0), vh = eye(dt, fullMatrices ? n : 0, n);
            return new NDArray[] {u, s, vh};
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, computeUv, computeUv, !fullMatrices);
        if (!svd.decompose(matrix(a))) throw new GraphError(ErrorKind.LINALG_ERROR, "SVD did not converge");
        double[] s = java.util.Arrays.copyOf(svd.getSingularValues(), k);
        if (!computeUv) {
            java.util.Arrays.sort(s);
            for (int i = 0; i < k / 2; i++) { double t = s[i]; s[i] = s[k - 1 - i]; s[k - 1 - i] = t; }
            return new NDArray[] {vector(s, dt)};
        }
        DMatrixRMaj u = svd.getU(null, false), v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, s, k, v, false);
        // sign rule: each of the first k left singular vectors has its largest-magnitude entry positive
        for (int j = 0; j < k; j++) {
            if (largestEntry(u, j) < 0) {
                for (int i = 0; i < u.numRows; i++) u.set(i, j, 0.0 - u.get(i, j)); // 0.0 - x: no -0
                for (int i = 0; i < v.numRows; i++) v.set(i, j, 0.0 - v.get(i, j));
            }
        }
        DMatrixRMaj vh = new DMatrixRMaj(v.numCols, v.numRows);
        org.ejml.dense.row.CommonOps_DDRM.transpose(v, vh);
        return new NDArray[] {array(u, dt), vector(s, dt), array(vh, dt)};
    }

    private static NDArray eye(DType dt, int r, int c) {
        NDArray e = NDArray.zeros(dt, r, c);
        for (int i = 0; i < Math.min(r, c); i++) e.data()[i * c + i] = 1;
        return e;
    }

    /** The entry of largest magnitude in column j (the first such). */
    private static double largestEntry(DMatrixRMaj m, int j) {
        double best = 0;
        for (int i = 0; i < m.numRows; i++) if (Math.abs(m.get(i, j)) > Math.abs(best)) best = m.get(i, j);
        return best;
    }

    /** numpy.linalg.pinv(a): Vh^T diag(1/s) U^T over the singular values above 1e-15 * max(s). */
    public static NDArray pinv(NDArray a) {
        NDArray a64 = wide(a);
        NDArray out = pinv64(a64);
        return a64 == a ? out : out.astype(DType.FLOAT32);
    }

    private static NDArray pinv64(NDArray a) {
        int m = a.dim(0), n = a.dim(1);
        DType dt = floatOf(a);
        NDArray out = NDArray.zeros(dt, n, m);
        if (Math.min(m, n) == 0) return out;
        NDArray[] usv = svd64(a, false, true);
        double[] u = usv[0].data(), s = usv[1].data(), vh = usv[2].data();
        int k = s.length;
        double cutoff = 1e-15 * s[0];
        double[] o = out.data();
        for (int p = 0; p < k; p++) {
            if (!(s[p] > cutoff)) continue;
            double inv = 1 / s[p];
            for (int i = 0; i < n; i++) {
                double vi = vh[p * n + i] * inv;
                for (int j = 0; j < m; j++) o[i * m + j] += vi * u[j * k + p];
            }
        }
        if (dt.needsCoerce()) for (int i = 0; i < o.length; i++) o[i] = dt.coerce(o[i]);
        return out;
    }

    /**
     * numpy.linalg.eigh(a, UPLO): eigenvalues ascending and unit eigenvectors (columns) of the
     * symmetric matrix read from the lower (or upper) triangle only, as LAPACK reads it.
     */
    public static NDArray[] eigh(NDArray a, boolean lower, boolean vectors) {
        NDArray a64 = wide(a);
        NDArray[] out = eigh64(a64, lower, vectors);
        return a64 == a ? out : narrow(out);
    }

    private static NDArray[] eigh64(NDArray a, boolean lower, boolean vectors) {
        finite(a, "eigh");
        int n = square(a, "eigh");
        DType dt = floatOf(a);
        double[] x = a.data(), sym = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean inTriangle = lower ? i >= j : i <= j;
                sym[i * n + j] = inTriangle ? x[i * n + j] : x[j * n + i];
            }
        }
        if (n == 0) return vectors ? new NDArray[] {NDArray.zeros(dt, 0), NDArray.zeros(dt, 0, 0)} : new NDArray[] {NDArray.zeros(dt, 0)};
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, vectors, true);
        if (!eig.decompose(DMatrixRMaj.wrap(n, n, sym))) throw new GraphError(ErrorKind.LINALG_ERROR, "Eigenvalues did not converge");
        Integer[] order = new Integer[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            w[i] = eig.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(w[p], w[q]));
        double[] ws = new double[n];
        for (int i = 0; i < n; i++) ws[i] = w[order[i]];
        if (!vectors) return new NDArray[] {vector(ws, dt)};
        NDArray v = NDArray.zeros(dt, n, n);
        for (int c = 0; c < n; c++) putVector(v, c, eig.getEigenVector(order[c]), n);
        return new NDArray[] {vector(ws, dt), v};
    }

    /** Column c of v := vec, scaled to unit length with its largest-magnitude entry positive. */
    private static void putVector(NDArray v, int c, DMatrixRMaj vec, int n) {
        double norm = 0, big = 0;
        for (int i = 0; i < n; i++) {
            double e = vec.get(i);
            norm += e * e;
            if (Math.abs(e) > Math.abs(big)) big = e;
        }
        double scale = (big < 0 ? -1 : 1) / Math.sqrt(norm);
        DType dt = v.dtype();
        for (int i = 0; i < n; i++) v.data()[i * n + c] = dt.coerce(vec.get(i) * scale) + 0.0; // + 0.0: no -0 in the output
    }

    /**
     * numpy.linalg.eig(a) for matrices with real eigenvalues: w and unit eigenvectors (columns) in
     * EJML's order (numpy's LAPACK order may differ). Complex eigenvalues are an error: TDL has no
     * complex dtype, and dropping the imaginary parts (as Theano's Eig does) would be wrong.
     */
    public static NDArray[] eig(NDArray a, boolean vectors) {
        NDArray a64 = wide(a);
        NDArray[] out = eig64(a64, vectors);
        return a64 == a ? out : narrow(out);
    }

    private static NDArray[] eig64(NDArray a, boolean vectors) {
        finite(a, "eig");
        int n = square(a, "eig");
        DType dt = floatOf(a);
        if (n == 0) return vectors ? new NDArray[] {NDArray.zeros(dt, 0), NDArray.zeros(dt, 0, 0)} : new NDArray[] {NDArray.zeros(dt, 0)};
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, false);
        if (!eig.decompose(matrix(a))) throw new GraphError(ErrorKind.LINALG_ERROR, "Eigenvalues did not converge");
        double[] w = new double[n];
        NDArray v = NDArray.zeros(dt, n, n);
        for (int i = 0; i < n; i++) {
            Complex_F64 c = eig.getEigenvalue(i);
            DMatrixRMaj vec = eig.getEigenVector(i);
            if (c.imaginary != 0 || vec == null) {
                throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR, "eig: the matrix has complex eigenvalues (" + c.real
                        + (c.imaginary < 0 ? " - " : " + ") + Math.abs(c.imaginary) + "j), and TDL has no complex dtype",
                        "for a symmetric matrix use eigh; otherwise the eigensystem cannot be represented");
            }
            w[i] = c.real;
            putVector(v, i, vec, n);
        }
        return vectors ? new NDArray[] {vector(w, dt), v} : new NDArray[] {vector(w, dt)};
    }

    /**
     * numpy.linalg.qr(a, mode) by Householder reflections with LAPACK's dlarfg rule (beta =
     * -sign(alpha) * norm; no reflection where the column below the diagonal is already 0), so the
     * signs of R and Q are numpy's. mode 'reduced' {Q (m, k), R (k, n)}, 'complete' {Q (m, m), R
     * (m, n)}, 'r' {R (k, n)}.
     */
    public static NDArray[] qr(NDArray a, String mode) {
        NDArray a64 = wide(a);
        NDArray[] out = qr64(a64, mode);
        return a64 == a ? out : narrow(out);
    }

    private static NDArray[] qr64(NDArray a, String mode) {
        finite(a, "qr");
        int m = a.dim(0), n = a.dim(1), k = Math.min(m, n);
        DType dt = floatOf(a);
        double[] r = a.data().clone();
        double[] tau = new double[k];
        for (int j = 0; j < k; j++) {
            double alpha = r[j * n + j], xnorm = 0;
            for (int i = j + 1; i < m; i++) xnorm = Math.hypot(xnorm, r[i * n + j]);
            if (xnorm == 0) continue; // H = I
            double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
            tau[j] = (beta - alpha) / beta;
            double scale = 1 / (alpha - beta);
            for (int i = j + 1; i < m; i++) r[i * n + j] *= scale;
            r[j * n + j] = beta;
            // apply H = I - tau v v^T (v = [1, r[j+1.., j]]) to the columns right of j
            for (int c = j + 1; c < n; c++) {
                double dot = r[j * n + c];
                for (int i = j + 1; i < m; i++) dot += r[i * n + j] * r[i * n + c];
                dot *= tau[j];
                r[j * n + c] -= dot;
                for (int i = j + 1; i < m; i++) r[i * n + c] -= dot * r[i * n + j];
            }
        }
        boolean complete = mode.equals("complete");
        int rRows = complete ? m : k;
        NDArray rOut = NDArray.zeros(dt, rRows, n);
        for (int i = 0; i < Math.min(rRows, m); i++) {
            for (int c = i; c < n; c++) rOut.data()[i * n + c] = dt.coerce(r[i * n + c]);
        }
        if (mode.equals("r")) return new NDArray[] {rOut};
        int qCols = complete ? m : k;
        double[] q = new double[m * qCols];
        for (int i = 0; i < Math.min(m, qCols); i++) q[i * qCols + i] = 1;
        for (int j = k - 1; j >= 0; j--) { // Q = H_0 H_1 ... H_{k-1} I
            if (tau[j] == 0) continue;
            for (int c = 0; c < qCols; c++) {
                double dot = q[j * qCols + c];
                for (int i = j + 1; i < m; i++) dot += r[i * n + j] * q[i * qCols + c];
                dot *= tau[j];
                q[j * qCols + c] -= dot;
                for (int i = j + 1; i < m; i++) q[i * qCols + c] -= dot * r[i * n + j];
            }
        }
        NDArray qOut = new NDArray(dt, new int[] {m, qCols}, q);
        if (dt.needsCoerce()) for (int i = 0; i < q.length; i++) q[i] = dt.coerce(q[i]);
        return new NDArray[] {qOut, rOut};
    }
}
