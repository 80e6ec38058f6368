package tdl.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-tiled double products on the JDK Vector API. Loaded only when the incubator module is
 * present ({@link Gemm} checks first). Every output element is one fused multiply-add chain over k
 * in increasing order, whatever tile, edge loop or thread computes it: results are bitwise the same
 * for any partition of the output.
 */
final class VectorGemm {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final Class<? extends DoubleVector> EXACT = VectorKernels.exact(S); // stores: see VectorKernels

    private VectorGemm() {}

    static String description() { return "Vector API (" + L + " doubles per vector)"; }

    /** Columns of B packed per strip: three vectors wide. */
    static final int STRIP = 3 * L;

    /** Scratch doubles {@link #nn} needs for a product with inner dimension k. */
    static int panelSize(int k) { return k * STRIP + 4 * STRIP; }

    /**
     * Rows [i0, i1) and columns [j0, j1) of C = A·B (C row-major, n columns) with
     * A(i, p) = a[i * ars + p * acs] and B(p, j) = b[p * brs + j * bcs]: strides express plain
     * operands and transposed stored ones alike, so one kernel serves A·B, Aᵀ·B, A·Bᵀ and Aᵀ·Bᵀ. Each strip of B's columns is first copied into
     * {@code panel} (k rows of STRIP contiguous doubles) so the tile loop reads memory in order
     * instead of striding a row of B per multiply-add. Stops (GraphError) when {@code owner} is interrupted.
     */
    static void multiply(double[] a, int ars, int acs, double[] b, int brs, int bcs, double[] c, int k, int n,
                         int i0, int i1, int j0, int j1, double[] panel, Thread owner) {
        int tmp = k * STRIP; // after the packed strip: a 4 x STRIP tile for the last, narrower strip
        for (int j = j0; j < j1; j += STRIP) {
            int w = Math.min(STRIP, j1 - j);
            if (w < STRIP) java.util.Arrays.fill(panel, 0, tmp, 0.0);
            if (bcs == 1) {
                for (int p = 0, bo = j, po = 0; p < k; p++, bo += brs, po += STRIP) System.arraycopy(b, bo, panel, po, w);
            } else {
                // Bᵀ: written in order, read as w sequential streams (one stored row each)
                for (int p = 0, po = 0; p < k; p++, po += STRIP) {
                    for (int v = 0, bo = j * bcs + p * brs; v < w; v++, bo += bcs) panel[po + v] = b[bo];
                }
            }
            // a narrow strip is computed full width on zero columns (lanes are independent, so the
            // real columns get the same numbers) into the scratch tile, then its w columns copied out
            int i = i0;
            for (; i + 4 <= i1; i += 4) {
                // an interrupt of the thread the product works for stops it within 256 rows of a strip
                if ((i & 255) == 0) tdl.graph.Interrupts.check(owner);
                if (w == STRIP) tile4x3(a, ars, acs, panel, k, i, c, i * n + j, n);
                else {
                    tile4x3(a, ars, acs, panel, k, i, panel, tmp, STRIP);
                    for (int r = 0; r < 4; r++) System.arraycopy(panel, tmp + r * STRIP, c, (i + r) * n + j, w);
                }
            }
            for (; i < i1; i++) {
                if (w == STRIP) row3(a, ars, acs, panel, k, i, c, i * n + j);
                else {
                    row3(a, ars, acs, panel, k, i, panel, tmp);
                    System.arraycopy(panel, tmp, c, i * n + j, w);
                }
            }
        }
    }

    private static void tile4x3(double[] a, int ars, int acs, double[] b, int k, int i, double[] c, int o, int n) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
        DoubleVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
        int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        for (int p = 0, bo = 0, ap = 0; p < k; p++, bo += STRIP, ap += acs) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bo + 2 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = DoubleVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = DoubleVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = DoubleVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
        }
        EXACT.cast(c00).intoArray(c, o);
        EXACT.cast(c01).intoArray(c, o + L);
        EXACT.cast(c02).intoArray(c, o + 2 * L);
        o += n;
        EXACT.cast(c10).intoArray(c, o);
        EXACT.cast(c11).intoArray(c, o + L);
        EXACT.cast(c12).intoArray(c, o + 2 * L);
        o += n;
        EXACT.cast(c20).intoArray(c, o);
        EXACT.cast(c21).intoArray(c, o + L);
        EXACT.cast(c22).intoArray(c, o + 2 * L);
        o += n;
        EXACT.cast(c30).intoArray(c, o);
        EXACT.cast(c31).intoArray(c, o + L);
        EXACT.cast(c32).intoArray(c, o + 2 * L);
    }

    private static void row3(double[] a, int ars, int acs, double[] b, int k, int i, double[] c, int o) {
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0;
        int ai = i * ars;
        for (int p = 0, bo = 0; p < k; p++, bo += STRIP) {
            DoubleVector x = DoubleVector.broadcast(S, a[ai + p * acs]);
            c0 = x.fma(DoubleVector.fromArray(S, b, bo), c0);
            c1 = x.fma(DoubleVector.fromArray(S, b, bo + L), c1);
            c2 = x.fma(DoubleVector.fromArray(S, b, bo + 2 * L), c2);
        }
        EXACT.cast(c0).intoArray(c, o);
        EXACT.cast(c1).intoArray(c, o + L);
        EXACT.cast(c2).intoArray(c, o + 2 * L);
    }
}
