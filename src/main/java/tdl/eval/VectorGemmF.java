package tdl.eval;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
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
    // quarter vectors (4 floats on AVX-512), for a strip of A's rows one vector and a quarter long:
    // a 20-row minibatch; null where a quarter would be under 128 bits
    private static final VectorSpecies<Float> Q = S.vectorBitSize() >= 512
            ? VectorSpecies.of(float.class, VectorShape.forBitSize(S.vectorBitSize() / 4)) : null;
    private static final int QL = Q == null ? 0 : Q.length();
    private static final Class<? extends FloatVector> EXACT_Q = Q == null ? null : Q.vectorType().asSubclass(FloatVector.class);

    static {
        VectorKernels.compileRootsProblem(); // the compile-root directive before any loop here runs
    }

    private VectorGemmF() {}

    static String description() { return "Vector API (" + L + " floats per vector)"; }

    /** Columns of B packed per strip: three vectors wide. */
    static final int STRIP = 3 * L;
    /** Columns of a strip read in place: four vectors wide. */
    static final int WIDE = 4 * L;
    // the in-place tile holds 20 accumulators: it needs AVX-512's 32 vector registers
    private static final boolean BIG_TILES = L >= 16;
    private static final int IN_PLACE_ROWS = 128;

    /** Scratch floats {@link #multiply} needs for a product with inner dimension k. */
    static int panelSize(int k) { return k * STRIP + 4 * STRIP; }

    /**
     * As {@link VectorGemm#multiply}, on floats: a B with contiguous rows is read where it is
     * ({@link #inPlace}) when A has few rows, a B whose columns are stored rows is read one stored
     * row per output column ({@link #transposedB}), any other B is packed ({@link #packed}); all
     * compute each element as the same multiply-add chain.
     */
    static void multiply(float[] a, int ars, int acs, float[] b, int brs, int bcs, float[] c, int k, int n,
                         int i0, int i1, int j0, int j1, float[] panel, Thread owner) {
        if (BIG_TILES && bcs == 1 && i1 - i0 <= IN_PLACE_ROWS) inPlace(a, ars, acs, b, brs, c, k, n, i0, i1, j0, j1, panel, owner);
        else if (brs == 1) transposedB(a, ars, acs, b, bcs, c, k, n, i0, i1, j0, j1, panel, owner);
        else packed(a, ars, acs, b, brs, bcs, c, k, n, i0, i1, j0, j1, panel, owner);
    }

    /**
     * As {@link VectorGemm#transposedB}: B's columns are stored rows (h·Wᵀ), read in place, one per
     * output column; up to STRIP rows of A packed as columns. With 16 lanes a 20-row A fills 20 of
     * a strip's 48 rows, as many useful multiply-adds per instruction as the float64 path's 20 of
     * 24, and W is never repacked (the packed path copied all of W for every product).
     */
    static void transposedB(float[] a, int ars, int acs, float[] b, int bcs, float[] c, int k, int n,
                            int i0, int i1, int j0, int j1, float[] panel, Thread owner) {
        int tile = k * STRIP; // after the packed rows of A: the 4 x STRIP scratch tile
        for (int i = i0; i < i1; i += STRIP) {
            int rows = Math.min(STRIP, i1 - i);
            if (rows < STRIP) java.util.Arrays.fill(panel, 0, tile, 0f);
            for (int r = 0; r < rows; r++) {
                for (int p = 0, ao = (i + r) * ars, po = r; p < k; p++, ao += acs, po += STRIP) panel[po] = a[ao];
            }
            // few rows (a minibatch of up to 20 with 16 lanes): one vector per column, and a
            // quarter vector for rows 16 to 19, not three whole vectors (20 of 48 lanes used)
            int shape = rows <= L ? 1 : Q != null && rows <= L + QL ? 2 : 3;
            int j = j0;
            for (int done = 0; j < j1; j += 4) {
                if ((done++ & 127) == 0) tdl.graph.Interrupts.check(owner);
                int cols = Math.min(4, j1 - j);
                if (cols == 4) {
                    if (shape == 1) tile4x1T(panel, b, bcs, k, j, panel, tile);
                    else if (shape == 2) tile4x1qT(panel, b, bcs, k, j, panel, tile);
                    else tile4x3T(panel, b, bcs, k, j, panel, tile);
                } else {
                    for (int q = 0; q < cols; q++) {
                        if (shape == 3) col3T(panel, b, bcs, k, j + q, panel, tile + q * STRIP);
                        else col1qT(panel, b, bcs, k, j + q, panel, tile + q * STRIP, shape == 2);
                    }
                }
                for (int q = 0; q < cols; q++) {
                    for (int r = 0, so = tile + q * STRIP, co = i * n + j + q; r < rows; r++, so++, co += n) c[co] = panel[so];
                }
            }
        }
    }

    /** As {@link VectorGemm}'s: columns j..j+3 of C for the packed rows of A, s(q*STRIP + r) = C(row r, column j + q). */
    private static void tile4x3T(float[] ap, float[] b, int bcs, int k, int j, float[] s, int so) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
        int b0 = j * bcs, b1 = b0 + bcs, b2 = b1 + bcs, b3 = b2 + bcs;
        for (int p = 0, po = 0; p < k; p++, po += STRIP) {
            FloatVector x0 = FloatVector.fromArray(S, ap, po);
            FloatVector x1 = FloatVector.fromArray(S, ap, po + L);
            FloatVector x2 = FloatVector.fromArray(S, ap, po + 2 * L);
            FloatVector y = FloatVector.broadcast(S, b[b0 + p]);
            c00 = y.fma(x0, c00);
            c01 = y.fma(x1, c01);
            c02 = y.fma(x2, c02);
            y = FloatVector.broadcast(S, b[b1 + p]);
            c10 = y.fma(x0, c10);
            c11 = y.fma(x1, c11);
            c12 = y.fma(x2, c12);
            y = FloatVector.broadcast(S, b[b2 + p]);
            c20 = y.fma(x0, c20);
            c21 = y.fma(x1, c21);
            c22 = y.fma(x2, c22);
            y = FloatVector.broadcast(S, b[b3 + p]);
            c30 = y.fma(x0, c30);
            c31 = y.fma(x1, c31);
            c32 = y.fma(x2, c32);
        }
        EXACT.cast(c00).intoArray(s, so);
        EXACT.cast(c01).intoArray(s, so + L);
        EXACT.cast(c02).intoArray(s, so + 2 * L);
        so += STRIP;
        EXACT.cast(c10).intoArray(s, so);
        EXACT.cast(c11).intoArray(s, so + L);
        EXACT.cast(c12).intoArray(s, so + 2 * L);
        so += STRIP;
        EXACT.cast(c20).intoArray(s, so);
        EXACT.cast(c21).intoArray(s, so + L);
        EXACT.cast(c22).intoArray(s, so + 2 * L);
        so += STRIP;
        EXACT.cast(c30).intoArray(s, so);
        EXACT.cast(c31).intoArray(s, so + L);
        EXACT.cast(c32).intoArray(s, so + 2 * L);
    }

    /** {@link #tile4x3T} for at most L packed rows: one vector per column (the same chain per element). */
    private static void tile4x1T(float[] ap, float[] b, int bcs, int k, int j, float[] s, int so) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        int b0 = j * bcs, b1 = b0 + bcs, b2 = b1 + bcs, b3 = b2 + bcs;
        for (int p = 0, po = 0; p < k; p++, po += STRIP) {
            FloatVector x = FloatVector.fromArray(S, ap, po);
            c0 = FloatVector.broadcast(S, b[b0 + p]).fma(x, c0);
            c1 = FloatVector.broadcast(S, b[b1 + p]).fma(x, c1);
            c2 = FloatVector.broadcast(S, b[b2 + p]).fma(x, c2);
            c3 = FloatVector.broadcast(S, b[b3 + p]).fma(x, c3);
        }
        EXACT.cast(c0).intoArray(s, so);
        EXACT.cast(c1).intoArray(s, so + STRIP);
        EXACT.cast(c2).intoArray(s, so + 2 * STRIP);
        EXACT.cast(c3).intoArray(s, so + 3 * STRIP);
    }

    /**
     * {@link #tile4x3T} for L to L + L/4 packed rows (a 20-row minibatch): a whole vector and a
     * quarter one per column, two multiply-adds per column and step where three whole ones were.
     */
    private static void tile4x1qT(float[] ap, float[] b, int bcs, int k, int j, float[] s, int so) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        FloatVector q0 = FloatVector.zero(Q), q1 = q0, q2 = q0, q3 = q0;
        int b0 = j * bcs, b1 = b0 + bcs, b2 = b1 + bcs, b3 = b2 + bcs;
        for (int p = 0, po = 0; p < k; p++, po += STRIP) {
            FloatVector x = FloatVector.fromArray(S, ap, po);
            FloatVector xq = FloatVector.fromArray(Q, ap, po + L);
            float v = b[b0 + p];
            c0 = FloatVector.broadcast(S, v).fma(x, c0);
            q0 = FloatVector.broadcast(Q, v).fma(xq, q0);
            v = b[b1 + p];
            c1 = FloatVector.broadcast(S, v).fma(x, c1);
            q1 = FloatVector.broadcast(Q, v).fma(xq, q1);
            v = b[b2 + p];
            c2 = FloatVector.broadcast(S, v).fma(x, c2);
            q2 = FloatVector.broadcast(Q, v).fma(xq, q2);
            v = b[b3 + p];
            c3 = FloatVector.broadcast(S, v).fma(x, c3);
            q3 = FloatVector.broadcast(Q, v).fma(xq, q3);
        }
        EXACT.cast(c0).intoArray(s, so);
        EXACT_Q.cast(q0).intoArray(s, so + L);
        so += STRIP;
        EXACT.cast(c1).intoArray(s, so);
        EXACT_Q.cast(q1).intoArray(s, so + L);
        so += STRIP;
        EXACT.cast(c2).intoArray(s, so);
        EXACT_Q.cast(q2).intoArray(s, so + L);
        so += STRIP;
        EXACT.cast(c3).intoArray(s, so);
        EXACT_Q.cast(q3).intoArray(s, so + L);
    }

    /** One output column of {@link #tile4x1T} ({@code quarter} false) or {@link #tile4x1qT} (true). */
    private static void col1qT(float[] ap, float[] b, int bcs, int k, int j, float[] s, int so, boolean quarter) {
        FloatVector c = FloatVector.zero(S);
        int bj = j * bcs;
        for (int p = 0, po = 0; p < k; p++, po += STRIP) c = FloatVector.broadcast(S, b[bj + p]).fma(FloatVector.fromArray(S, ap, po), c);
        EXACT.cast(c).intoArray(s, so);
        if (!quarter) return;
        FloatVector cq = FloatVector.zero(Q);
        for (int p = 0, po = L; p < k; p++, po += STRIP) cq = FloatVector.broadcast(Q, b[bj + p]).fma(FloatVector.fromArray(Q, ap, po), cq);
        EXACT_Q.cast(cq).intoArray(s, so + L);
    }

    /** One output column j of C for the packed rows of A, into s[so..so+STRIP). */
    private static void col3T(float[] ap, float[] b, int bcs, int k, int j, float[] s, int so) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0;
        int bj = j * bcs;
        for (int p = 0, po = 0; p < k; p++, po += STRIP) {
            FloatVector y = FloatVector.broadcast(S, b[bj + p]);
            c0 = y.fma(FloatVector.fromArray(S, ap, po), c0);
            c1 = y.fma(FloatVector.fromArray(S, ap, po + L), c1);
            c2 = y.fma(FloatVector.fromArray(S, ap, po + 2 * L), c2);
        }
        EXACT.cast(c0).intoArray(s, so);
        EXACT.cast(c1).intoArray(s, so + L);
        EXACT.cast(c2).intoArray(s, so + 2 * L);
    }

    /** As {@link VectorGemm#inPlace}: tiles of 5 rows x 4 vectors read B's rows where they are. */
    static void inPlace(float[] a, int ars, int acs, float[] b, int brs, float[] c, int k, int n,
                        int i0, int i1, int j0, int j1, float[] panel, Thread owner) {
        int j = j0;
        for (int done = 0; j < j1; j += WIDE) {
            if (j + WIDE > j1) {
                if (!overlapLast(j1 - j, j1 - j0)) break;
                j = j1 - WIDE;
            }
            int i = i0;
            for (; i + 5 <= i1; i += 5) {
                if ((done++ & 63) == 0) tdl.graph.Interrupts.check(owner);
                tile5x4(a, ars, acs, b, brs, j, k, i, c, i * n + j, n);
            }
            for (; i < i1; i++) row4(a, ars, acs, b, brs, j, k, i, c, i * n + j);
        }
        // whole vectors left (16 of 784 columns): a vector at a time, in place, not a packed strip
        // three times as wide (which cost more than a whole 4-vector tile)
        if (j < j1 && (j1 - j) % L == 0) {
            for (; j < j1; j += L) {
                int i = i0;
                for (; i + 5 <= i1; i += 5) tile5x1(a, ars, acs, b, brs, j, k, i, c, i * n + j, n);
                for (; i < i1; i++) row1(a, ars, acs, b, brs, j, k, i, c, i * n + j);
            }
        }
        if (j < j1) packed(a, ars, acs, b, brs, 1, c, k, n, i0, i1, j, j1, panel, owner);
    }

    /**
     * Whether the last {@code rest} columns of a block {@code width} wide (rest < WIDE) are done as
     * one more in-place tile ending at the block's last column: the columns it shares with the tile
     * before are computed again, to the same bits (each column's sum runs over p in the same
     * order), and written over themselves. Chosen when that costs less than the packed strips the
     * rest would take: 52 float columns (the second half of 500) cost a 64-wide tile instead of two
     * 48-wide strips.
     */
    static boolean overlapLast(int rest, int width) {
        return width >= WIDE && (rest + STRIP - 1) / STRIP * STRIP > WIDE;
    }

    /** B packed strip by strip: any strides (the general path, and narrow last strips). */
    static void packed(float[] a, int ars, int acs, float[] b, int brs, int bcs, float[] c, int k, int n,
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

    private static void tile5x4(float[] a, int ars, int acs, float[] b, int brs, int j, int k, int i, float[] c, int o, int n) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        FloatVector c40 = c00, c41 = c00, c42 = c00, c43 = c00;
        int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars, a4 = a3 + ars;
        for (int p = 0, bo = j, ap = 0; p < k; p++, bo += brs, ap += acs) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bo + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
            x = FloatVector.broadcast(S, a[a4 + ap]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            c43 = x.fma(b3, c43);
        }
        EXACT.cast(c00).intoArray(c, o);
        EXACT.cast(c01).intoArray(c, o + L);
        EXACT.cast(c02).intoArray(c, o + 2 * L);
        EXACT.cast(c03).intoArray(c, o + 3 * L);
        o += n;
        EXACT.cast(c10).intoArray(c, o);
        EXACT.cast(c11).intoArray(c, o + L);
        EXACT.cast(c12).intoArray(c, o + 2 * L);
        EXACT.cast(c13).intoArray(c, o + 3 * L);
        o += n;
        EXACT.cast(c20).intoArray(c, o);
        EXACT.cast(c21).intoArray(c, o + L);
        EXACT.cast(c22).intoArray(c, o + 2 * L);
        EXACT.cast(c23).intoArray(c, o + 3 * L);
        o += n;
        EXACT.cast(c30).intoArray(c, o);
        EXACT.cast(c31).intoArray(c, o + L);
        EXACT.cast(c32).intoArray(c, o + 2 * L);
        EXACT.cast(c33).intoArray(c, o + 3 * L);
        o += n;
        EXACT.cast(c40).intoArray(c, o);
        EXACT.cast(c41).intoArray(c, o + L);
        EXACT.cast(c42).intoArray(c, o + 2 * L);
        EXACT.cast(c43).intoArray(c, o + 3 * L);
    }

    private static void tile5x1(float[] a, int ars, int acs, float[] b, int brs, int j, int k, int i, float[] c, int o, int n) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0;
        int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars, a4 = a3 + ars;
        for (int p = 0, bo = j, ap = 0; p < k; p++, bo += brs, ap += acs) {
            FloatVector bv = FloatVector.fromArray(S, b, bo);
            c0 = FloatVector.broadcast(S, a[a0 + ap]).fma(bv, c0);
            c1 = FloatVector.broadcast(S, a[a1 + ap]).fma(bv, c1);
            c2 = FloatVector.broadcast(S, a[a2 + ap]).fma(bv, c2);
            c3 = FloatVector.broadcast(S, a[a3 + ap]).fma(bv, c3);
            c4 = FloatVector.broadcast(S, a[a4 + ap]).fma(bv, c4);
        }
        EXACT.cast(c0).intoArray(c, o);
        EXACT.cast(c1).intoArray(c, o + n);
        EXACT.cast(c2).intoArray(c, o + 2 * n);
        EXACT.cast(c3).intoArray(c, o + 3 * n);
        EXACT.cast(c4).intoArray(c, o + 4 * n);
    }

    private static void row1(float[] a, int ars, int acs, float[] b, int brs, int j, int k, int i, float[] c, int o) {
        FloatVector c0 = FloatVector.zero(S);
        int ai = i * ars;
        for (int p = 0, bo = j; p < k; p++, bo += brs) c0 = FloatVector.broadcast(S, a[ai + p * acs]).fma(FloatVector.fromArray(S, b, bo), c0);
        EXACT.cast(c0).intoArray(c, o);
    }

    private static void row4(float[] a, int ars, int acs, float[] b, int brs, int j, int k, int i, float[] c, int o) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        int ai = i * ars;
        for (int p = 0, bo = j; p < k; p++, bo += brs) {
            FloatVector x = FloatVector.broadcast(S, a[ai + p * acs]);
            c0 = x.fma(FloatVector.fromArray(S, b, bo), c0);
            c1 = x.fma(FloatVector.fromArray(S, b, bo + L), c1);
            c2 = x.fma(FloatVector.fromArray(S, b, bo + 2 * L), c2);
            c3 = x.fma(FloatVector.fromArray(S, b, bo + 3 * L), c3);
        }
        EXACT.cast(c0).intoArray(c, o);
        EXACT.cast(c1).intoArray(c, o + L);
        EXACT.cast(c2).intoArray(c, o + 2 * L);
        EXACT.cast(c3).intoArray(c, o + 3 * L);
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
