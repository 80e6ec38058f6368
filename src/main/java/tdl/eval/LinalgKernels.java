package tdl.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.LUDecomposition;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.ops.CholeskyOp;
import tdl.graph.ops.SolveOp;
import tdl.vocab.ErrorKind;

/**
 * Kernels of the nlinalg/slinalg ops. Inverse, determinant and the general solve run on EJML
 * (LU with partial pivoting) over copies of the inputs; the triangular solves and the Cholesky
 * factor are written out here because they must read only one triangle, as scipy does.
 */
final class LinalgKernels {
    private LinalgKernels() {}

    private static int square(Apply node, NDArray a, String what) {
        if (a.dim(0) != a.dim(1)) {
            throw new GraphError(ErrorKind.LINALG_ERROR, what + ": last 2 dimensions of the array must be square, got shape "
                    + NDArray.shapeString(a.shape()), null, node);
        }
        return a.dim(0);
    }

    private static GraphError singular(Apply node) {
        return new GraphError(ErrorKind.LINALG_ERROR, "Singular matrix", "the matrix has no inverse (a zero pivot in its LU factorisation)", node);
    }

    /**
     * An LU solver over a copy of a, after checking the factorisation for a zero pivot (EJML's
     * invert/solve shortcuts for small matrices do not report singular inputs).
     */
    private static LinearSolverDense<DMatrixRMaj> lu(Apply node, NDArray a, int n) {
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
        if (!lu.setA(DMatrixRMaj.wrap(n, n, a.data().clone()))
                || ((LUDecomposition<DMatrixRMaj>) lu.getDecomposition()).isSingular()) throw singular(node);
        return lu;
    }

    private static NDArray finish(NDArray out, DType dtype) {
        if (dtype.needsCoerce()) for (int i = 0; i < out.size(); i++) out.data()[i] = dtype.coerce(out.data()[i]);
        return out;
    }

    static Kernel inverse(Apply node) {
        DType dtype = node.output().dtype();
        return (in, reuse) -> {
            int n = square(node, in[0], "matrix_inverse");
            NDArray out = Kernels.output(reuse, dtype, in[0].shape());
            if (n == 0) return out;
            lu(node, in[0], n).invert(DMatrixRMaj.wrap(n, n, out.data()));
            return finish(out, dtype);
        };
    }

    static Kernel pinv(Apply node) {
        return (in, reuse) -> Decompositions.pinv(in[0]);
    }

    /**
     * A decomposition with one or several outputs ({@link Decompositions} gives fresh arrays); errors
     * are blamed on the node. Each run allocates: these are not hot-loop ops. Float32-native:
     * {@link Decompositions} takes float32 input and returns float32 results (computed in double).
     */
    static Kernel decomposition(Apply node, java.util.function.Function<NDArray, NDArray[]> body) {
        if (node.outputs().size() == 1) return (Float32Native) (in, reuse) -> body.apply(in[0])[0];
        return new Decomposition(body);
    }

    private record Decomposition(java.util.function.Function<NDArray, NDArray[]> body) implements MultiKernel, Float32Native {
        @Override public NDArray[] runAll(NDArray[] in) { return body.apply(in[0]); }

        @Override public NDArray run(NDArray[] in, NDArray reuse) { return runAll(in)[0]; }
    }

    static Kernel det(Apply node) {
        DType dtype = node.output().dtype();
        return (in, reuse) -> {
            int n = square(node, in[0], "det");
            NDArray out = Kernels.output(reuse, dtype, new int[0]);
            out.data()[0] = n == 0 ? 1 : dtype.coerce(detFromLu(in[0].data(), n));
            return out;
        };
    }

    /**
     * numpy's det: an LU factorisation with partial pivoting, then sign * exp(sum log|u_ii|) (numpy
     * goes through slogdet), so results round as numpy's do; 0 for a singular matrix.
     */
    private static double detFromLu(double[] x, int n) {
        LUDecomposition_F64<DMatrixRMaj> lu = DecompositionFactory_DDRM.lu(n, n);
        if (!lu.decompose(DMatrixRMaj.wrap(n, n, x.clone()))) return 0;
        DMatrixRMaj u = lu.getUpper(null);
        int[] pivot = lu.getRowPivotV(null);
        double sign = 1, logdet = 0;
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) { // the permutation's parity from its cycles
            if (seen[i]) continue;
            int len = 0;
            for (int j = i; !seen[j]; j = pivot[j]) { seen[j] = true; len++; }
            if (len % 2 == 0) sign = -sign;
        }
        for (int i = 0; i < n; i++) {
            double d = u.get(i, i);
            if (d == 0) return 0;
            if (d < 0) sign = -sign;
            logdet += Math.log(Math.abs(d));
        }
        return sign * Math.exp(logdet);
    }

    static Kernel solve(Apply node) {
        SolveOp.Structure s = ((SolveOp) node.op()).structure();
        DType dtype = node.output().dtype();
        return (in, reuse) -> {
            NDArray a = in[0], b = in[1];
            int n = square(node, a, "solve");
            if (b.dim(0) != n) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "solve: incompatible dimensions, a has shape " + NDArray.shapeString(a.shape())
                        + " and b has shape " + NDArray.shapeString(b.shape()), null, node);
            }
            int k = b.rank() == 1 ? 1 : b.dim(1);
            NDArray out = Kernels.output(reuse, dtype, b.shape());
            if (n == 0 || k == 0) return out;
            if (s == SolveOp.Structure.LOWER_TRIANGULAR || s == SolveOp.Structure.UPPER_TRIANGULAR) {
                triangular(node, a.data(), n, b.data(), k, out.data(), s == SolveOp.Structure.LOWER_TRIANGULAR);
            } else {
                lu(node, a, n).solve(DMatrixRMaj.wrap(n, k, b.data().clone()), DMatrixRMaj.wrap(n, k, out.data()));
            }
            return finish(out, dtype);
        };
    }

    /** Forward (lower) or back (upper) substitution for each of the k right-hand columns. */
    private static void triangular(Apply node, double[] a, int n, double[] b, int k, double[] x, boolean lower) {
        for (int c = 0; c < k; c++) {
            for (int step = 0; step < n; step++) {
                int i = lower ? step : n - 1 - step;
                double acc = b[i * k + c];
                if (lower) for (int j = 0; j < i; j++) acc -= a[i * n + j] * x[j * k + c];
                else for (int j = i + 1; j < n; j++) acc -= a[i * n + j] * x[j * k + c];
                double d = a[i * n + i];
                if (d == 0) {
                    throw new GraphError(ErrorKind.LINALG_ERROR, "singular matrix: resolution failed at diagonal " + i, null, node);
                }
                x[i * k + c] = acc / d;
            }
        }
    }

    /** Cholesky-Banachiewicz on the lower triangle (the upper factor is the transpose of X^T's). */
    static Kernel cholesky(Apply node) {
        boolean lower = ((CholeskyOp) node.op()).lower();
        DType dtype = node.output().dtype();
        return (in, reuse) -> {
            int n = square(node, in[0], "cholesky");
            double[] x = in[0].data();
            NDArray out = Kernels.output(reuse, dtype, in[0].shape());
            double[] l = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = lower ? x[i * n + j] : x[j * n + i];
                    for (int p = 0; p < j; p++) s -= l[i * n + p] * l[j * n + p];
                    if (i == j) {
                        if (!(s > 0)) {
                            throw new GraphError(ErrorKind.LINALG_ERROR, (i + 1) + "-th leading minor of the array is not positive definite",
                                    "cholesky needs a symmetric positive-definite matrix", node);
                        }
                        l[i * n + i] = Math.sqrt(s);
                    } else {
                        l[i * n + j] = s / l[j * n + j];
                    }
                }
            }
            double[] o = out.data();
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) o[i * n + j] = lower ? l[i * n + j] : l[j * n + i];
            return finish(out, dtype);
        };
    }
}
