package tdl.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-tiled double products on the JDK Vector API. Loaded only when the incubator module is
 * present ({@link Gemm} checks first). Every output element is one fused multiply-add chain over k
 * in increasing order (and, for the A·Bᵀ form, a fixed-order sum of the lanes), whatever tile or
 * thread computes it: results are bitwise the same for any partition of the output.
 */
final class VectorGemm {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorGemm() {}

    static String description() { return "Vector API (" + L + " doubles per vector)"; }

    /**
     * Rows [i0, i1) and columns [j0, j1) of C = A·B with B row-major (k x n, leading dimension n);
     * A(i, p) = a[i * ars + p * acs], so plain A (ars = k, acs = 1) and Aᵀ of a stored (k x m)
     * matrix (ars = 1, acs = m) share this kernel.
     */
    static void nn(double[] a, int ars, int acs, double[] b, double[] c, int k, int n, int i0, int i1, int j0, int j1) {
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int j = j0;
            for (; j + 2 * L <= j1; j += 2 * L) tile4x2(a, ars, acs, b, c, k, n, i, j);
            for (; j + L <= j1; j += L) {
                for (int r = i; r < i + 4; r++) row1(a, ars, acs, b, c, k, n, r, j);
            }
            for (; j < j1; j++) for (int r = i; r < i + 4; r++) scalar(a, ars, acs, b, c, k, n, r, j);
        }
        for (; i < i1; i++) {
            int j = j0;
            for (; j + L <= j1; j += L) row1(a, ars, acs, b, c, k, n, i, j);
            for (; j < j1; j++) scalar(a, ars, acs, b, c, k, n, i, j);
        }
    }

    private static void tile4x2(double[] a, int ars, int acs, double[] b, double[] c, int k, int n, int i, int j) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        int bo = j;
        for (int p = 0; p < k; p++, bo += n) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + L);
            int ap = p * acs;
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        int o = i * n + j;
        c00.intoArray(c, o);
        c01.intoArray(c, o + L);
        c10.intoArray(c, o + n);
        c11.intoArray(c, o + n + L);
        c20.intoArray(c, o + 2 * n);
        c21.intoArray(c, o + 2 * n + L);
        c30.intoArray(c, o + 3 * n);
        c31.intoArray(c, o + 3 * n + L);
    }

    private static void row1(double[] a, int ars, int acs, double[] b, double[] c, int k, int n, int i, int j) {
        DoubleVector acc = DoubleVector.zero(S);
        int ai = i * ars;
        for (int p = 0, bo = j; p < k; p++, bo += n) {
            acc = DoubleVector.broadcast(S, a[ai + p * acs]).fma(DoubleVector.fromArray(S, b, bo), acc);
        }
        acc.intoArray(c, i * n + j);
    }

    private static void scalar(double[] a, int ars, int acs, double[] b, double[] c, int k, int n, int i, int j) {
        double s = 0;
        int ai = i * ars;
        for (int p = 0, bo = j; p < k; p++, bo += n) s = Math.fma(a[ai + p * acs], b[bo], s);
        c[i * n + j] = s;
    }

    /**
     * Rows [i0, i1) and columns [j0, j1) of C = A·Bᵀ with A (m x k) and B (n x k) row-major: dot
     * products along k, L lanes at a time, then the lanes summed in index order and the k tail added.
     */
    static void nt(double[] a, double[] b, double[] c, int k, int n, int i0, int i1, int j0, int j1) {
        double[] lanes = new double[L];
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int j = j0;
            for (; j + 2 <= j1; j += 2) tileDot4x2(a, b, c, k, n, i, j, lanes);
            for (; j < j1; j++) for (int r = i; r < i + 4; r++) c[r * n + j] = dot(a, r * k, b, j * k, k, lanes);
        }
        for (; i < i1; i++) for (int j = j0; j < j1; j++) c[i * n + j] = dot(a, i * k, b, j * k, k, lanes);
    }

    private static void tileDot4x2(double[] a, double[] b, double[] c, int k, int n, int i, int j, double[] lanes) {
        DoubleVector s00 = DoubleVector.zero(S), s01 = s00, s10 = s00, s11 = s00, s20 = s00, s21 = s00, s30 = s00, s31 = s00;
        int a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k, b0 = j * k, b1 = b0 + k;
        int kv = k - k % L;
        for (int p = 0; p < kv; p += L) {
            DoubleVector y0 = DoubleVector.fromArray(S, b, b0 + p);
            DoubleVector y1 = DoubleVector.fromArray(S, b, b1 + p);
            DoubleVector x = DoubleVector.fromArray(S, a, a0 + p);
            s00 = x.fma(y0, s00);
            s01 = x.fma(y1, s01);
            x = DoubleVector.fromArray(S, a, a1 + p);
            s10 = x.fma(y0, s10);
            s11 = x.fma(y1, s11);
            x = DoubleVector.fromArray(S, a, a2 + p);
            s20 = x.fma(y0, s20);
            s21 = x.fma(y1, s21);
            x = DoubleVector.fromArray(S, a, a3 + p);
            s30 = x.fma(y0, s30);
            s31 = x.fma(y1, s31);
        }
        int o = i * n + j;
        c[o] = finish(s00, a, a0, b, b0, kv, k, lanes);
        c[o + 1] = finish(s01, a, a0, b, b1, kv, k, lanes);
        c[o + n] = finish(s10, a, a1, b, b0, kv, k, lanes);
        c[o + n + 1] = finish(s11, a, a1, b, b1, kv, k, lanes);
        c[o + 2 * n] = finish(s20, a, a2, b, b0, kv, k, lanes);
        c[o + 2 * n + 1] = finish(s21, a, a2, b, b1, kv, k, lanes);
        c[o + 3 * n] = finish(s30, a, a3, b, b0, kv, k, lanes);
        c[o + 3 * n + 1] = finish(s31, a, a3, b, b1, kv, k, lanes);
    }

    private static double dot(double[] a, int ao, double[] b, int bo, int k, double[] lanes) {
        DoubleVector s = DoubleVector.zero(S);
        int kv = k - k % L;
        for (int p = 0; p < kv; p += L) s = DoubleVector.fromArray(S, a, ao + p).fma(DoubleVector.fromArray(S, b, bo + p), s);
        return finish(s, a, ao, b, bo, kv, k, lanes);
    }

    /** The lanes summed in index order (reduceLanes leaves the order open), then the k tail. */
    private static double finish(DoubleVector s, double[] a, int ao, double[] b, int bo, int kv, int k, double[] lanes) {
        s.intoArray(lanes, 0);
        double t = 0;
        for (int l = 0; l < L; l++) t += lanes[l];
        for (int p = kv; p < k; p++) t = Math.fma(a[ao + p], b[bo + p], t);
        return t;
    }
}
