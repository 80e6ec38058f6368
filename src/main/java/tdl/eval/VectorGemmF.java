package tdl.eval;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorGemm} on float lanes: the same register tiling (4 rows x 3 vectors of C, a packed
 * strip of B), on FloatVector.SPECIES_PREFERRED, so a vector holds twice as many elements (16 on
 * AVX-512, 8 on AVX2) and a strip of B is half the bytes. Each output element is one float fused
 * multiply-add chain over k in increasing order, whatever tile, edge loop or thread computes it:
 * results are bitwise the same for any partition of the output. Follows {@link VectorKernels}' rules
 * (no vector crosses a call of ours, stores through the exact class).
 */
final class VectorGemmF {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final Class<? extends FloatVector> EXACT = S.vectorType().asSubclass(FloatVector.class);

    private VectorGemmF() {}

    static String description() { return "Vector API (" + L + " floats per vector)"; }

    /** Columns of B packed per strip: three vectors wide. */
    static final int STRIP = 3 * L;

    /** Scratch floats {@link #multiply} needs for a product with inner dimension k. */
    static int panelSize(int k) { return k * STRIP + 4 * STRIP; }

    /** As {@link VectorGemm#multiply}, on floats. */
    static void multiply(float[] a, int ars, int acs, float[] b, int brs, int bcs, float[] c, int k, int n,
                         int i0, int i1, int j0, int j1, float[] panel, Thread owner) {
        int tmp = k * STRIP;
        for (int j = j0; j < j1; j += STRIP) {
            int w = Math.min(STRIP, j1 - j);
            if (w < STRIP) java.util.Arrays.fill(panel, 0, tmp, 0f);
            if (bcs == 1) {
                for (int p = 0, bo = j, po = 0; p < k; p++, bo += brs, po += STRIP) System.arraycopy(b, bo, panel, po, w);
            } else {
                // Bᵀ: one stored row at a time, read in order and written down a panel column: a
                // strip is 48 floats wide, and 48 interleaved read streams (the float64 kernel's
                // order) outrun the prefetchers
                for (int v = 0; v < w; v++) {
                    for (int p = 0, bo = (j + v) * bcs, po = v; p < k; p++, bo += brs, po += STRIP) panel[po] = b[bo];
                }
            }
            int i = i0;
            for (; i + 4 <= i1; i += 4) {
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

    private static void tile4x3(float[] a, int ars, int acs, float[] b, int k, int i, float[] c, int o, int n) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
        int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        for (int p = 0, bo = 0, ap = 0; p < k; p++, bo += STRIP, ap += acs) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, a[a3 + ap]);
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

    private static void row3(float[] a, int ars, int acs, float[] b, int k, int i, float[] c, int o) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0;
        int ai = i * ars;
        for (int p = 0, bo = 0; p < k; p++, bo += STRIP) {
            FloatVector x = FloatVector.broadcast(S, a[ai + p * acs]);
            c0 = x.fma(FloatVector.fromArray(S, b, bo), c0);
            c1 = x.fma(FloatVector.fromArray(S, b, bo + L), c1);
            c2 = x.fma(FloatVector.fromArray(S, b, bo + 2 * L), c2);
        }
        EXACT.cast(c0).intoArray(c, o);
        EXACT.cast(c1).intoArray(c, o + L);
        EXACT.cast(c2).intoArray(c, o + 2 * L);
    }
}
