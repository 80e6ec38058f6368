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

    static String description() {
        String problem = VectorKernels.compileRootsProblem();
        return "Vector API (" + L + " doubles per vector)" + (problem == null ? "" : "; " + problem);
    }

    /** Columns of B packed per strip: three vectors wide. */
    static final int STRIP = 3 * L;
    /** Columns of a strip read in place: four vectors wide. */
    static final int WIDE = 4 * L;
    // the in-place tile holds 20 accumulators: it needs the 32 vector registers of AVX-512 (with 16,
    // as on AVX2, it spills and ran 1.3x slower than packing B), so narrower machines pack; the
    // transposed-operand tile (12 accumulators) serves every width (AVX2: 1.45x faster than packing)
    private static final boolean BIG_TILES = L >= 8;
    private static final int IN_PLACE_ROWS = 128;

    /** Whether a B with contiguous rows is read in place (for a few rows of A) rather than packed. */
    static boolean readsBInPlace() { return BIG_TILES; }

    /** Scratch doubles {@link #multiply} needs for a product with inner dimension k. */
    static int panelSize(int k) { return k * STRIP + 4 * STRIP; }

    /**
     * Rows [i0, i1) and columns [j0, j1) of C = A·B (C row-major, n columns) with
     * A(i, p) = a[i * ars + p * acs] and B(p, j) = b[p * brs + j * bcs]: strides express plain
     * operands and transposed stored ones alike, so one kernel serves A·B, Aᵀ·B, A·Bᵀ and Aᵀ·Bᵀ.
     * A B with contiguous rows is read where it is ({@link #inPlace}); a B whose columns are stored
     * rows (a transposed weight matrix, as in h·Wᵀ) is read one stored row per output column
     * ({@link #transposedB}); any other B is packed strip by strip ({@link #packed}). Every path
     * computes each element as the same multiply-add chain, so they agree bitwise. Stops
     * (GraphError) when {@code owner} is interrupted.
     */
    static void multiply(double[] a, int ars, int acs, double[] b, int brs, int bcs, double[] c, int k, int n,
                         int i0, int i1, int j0, int j1, double[] panel, Thread owner) {
        // with many rows the packed strip is reused by many tiles and beats reading B in place
        if (BIG_TILES && bcs == 1 && i1 - i0 <= IN_PLACE_ROWS) inPlace(a, ars, acs, b, brs, c, k, n, i0, i1, j0, j1, panel, owner);
        else if (brs == 1) transposedB(a, ars, acs, b, bcs, c, k, n, i0, i1, j0, j1, panel, owner);
        else packed(a, ars, acs, b, brs, bcs, c, k, n, i0, i1, j0, j1, panel, owner);
    }

    /**
     * B's rows are contiguous: no copy of B at all (packing it cost as much as the multiply-adds at
     * the RBM's 20-row products: every element of W copied once per product). Tiles of 5 rows x 4
     * vectors; the columns left of a last, narrower strip go through {@link #packed}.
     */
    static void inPlace(double[] a, int ars, int acs, double[] b, int brs, double[] c, int k, int n,
                        int i0, int i1, int j0, int j1, double[] panel, Thread owner) {
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

    /**
     * B(p, j) = b[j * bcs + p]: column j of B is a stored row. C's block is computed as its
     * transpose, Bᵀ·Aᵀ, with up to 24 rows of A packed as columns (a small copy) and B read in
     * place one stored row per output column, each element once per product; a tile of 4 output
     * columns x 24 rows goes through a small scratch to be stored row-major.
     */
    static void transposedB(double[] a, int ars, int acs, double[] b, int bcs, double[] c, int k, int n,
                            int i0, int i1, int j0, int j1, double[] panel, Thread owner) {
        int tile = k * STRIP; // after the packed rows of A: the 4 x STRIP scratch tile
        for (int i = i0; i < i1; i += STRIP) {
            int rows = Math.min(STRIP, i1 - i);
            if (rows < STRIP) java.util.Arrays.fill(panel, 0, tile, 0.0);
            for (int r = 0; r < rows; r++) {
                for (int p = 0, ao = (i + r) * ars, po = r; p < k; p++, ao += acs, po += STRIP) panel[po] = a[ao];
            }
            int j = j0;
            for (int done = 0; j < j1; j += 4) {
                if ((done++ & 127) == 0) tdl.graph.Interrupts.check(owner);
                int cols = Math.min(4, j1 - j);
                if (cols == 4) tile4x3T(panel, b, bcs, k, j, panel, tile);
                else for (int q = 0; q < cols; q++) col3T(panel, b, bcs, k, j + q, panel, tile + q * STRIP);
                for (int q = 0; q < cols; q++) {
                    for (int r = 0, so = tile + q * STRIP, co = i * n + j + q; r < rows; r++, so++, co += n) c[co] = panel[so];
                }
            }
        }
    }

    /** B packed strip by strip: any strides (the general path, and narrow last strips). */
    static void packed(double[] a, int ars, int acs, double[] b, int brs, int bcs, double[] c, int k, int n,
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

    private static void tile5x4(double[] a, int ars, int acs, double[] b, int brs, int j, int k, int i, double[] c, int o, int n) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        DoubleVector c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        DoubleVector c40 = c00, c41 = c00, c42 = c00, c43 = c00;
        int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars, a4 = a3 + ars;
        for (int p = 0, bo = j, ap = 0; p < k; p++, bo += brs, ap += acs) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bo + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, b, bo + 3 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = DoubleVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = DoubleVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = DoubleVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
            x = DoubleVector.broadcast(S, a[a4 + ap]);
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

    private static void tile5x1(double[] a, int ars, int acs, double[] b, int brs, int j, int k, int i, double[] c, int o, int n) {
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0;
        int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars, a4 = a3 + ars;
        for (int p = 0, bo = j, ap = 0; p < k; p++, bo += brs, ap += acs) {
            DoubleVector bv = DoubleVector.fromArray(S, b, bo);
            c0 = DoubleVector.broadcast(S, a[a0 + ap]).fma(bv, c0);
            c1 = DoubleVector.broadcast(S, a[a1 + ap]).fma(bv, c1);
            c2 = DoubleVector.broadcast(S, a[a2 + ap]).fma(bv, c2);
            c3 = DoubleVector.broadcast(S, a[a3 + ap]).fma(bv, c3);
            c4 = DoubleVector.broadcast(S, a[a4 + ap]).fma(bv, c4);
        }
        EXACT.cast(c0).intoArray(c, o);
        EXACT.cast(c1).intoArray(c, o + n);
        EXACT.cast(c2).intoArray(c, o + 2 * n);
        EXACT.cast(c3).intoArray(c, o + 3 * n);
        EXACT.cast(c4).intoArray(c, o + 4 * n);
    }

    private static void row1(double[] a, int ars, int acs, double[] b, int brs, int j, int k, int i, double[] c, int o) {
        DoubleVector c0 = DoubleVector.zero(S);
        int ai = i * ars;
        for (int p = 0, bo = j; p < k; p++, bo += brs) c0 = DoubleVector.broadcast(S, a[ai + p * acs]).fma(DoubleVector.fromArray(S, b, bo), c0);
        EXACT.cast(c0).intoArray(c, o);
    }

    private static void row4(double[] a, int ars, int acs, double[] b, int brs, int j, int k, int i, double[] c, int o) {
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        int ai = i * ars;
        for (int p = 0, bo = j; p < k; p++, bo += brs) {
            DoubleVector x = DoubleVector.broadcast(S, a[ai + p * acs]);
            c0 = x.fma(DoubleVector.fromArray(S, b, bo), c0);
            c1 = x.fma(DoubleVector.fromArray(S, b, bo + L), c1);
            c2 = x.fma(DoubleVector.fromArray(S, b, bo + 2 * L), c2);
            c3 = x.fma(DoubleVector.fromArray(S, b, bo + 3 * L), c3);
        }
        EXACT.cast(c0).intoArray(c, o);
        EXACT.cast(c1).intoArray(c, o + L);
        EXACT.cast(c2).intoArray(c, o + 2 * L);
        EXACT.cast(c3).intoArray(c, o + 3 * L);
    }

    /**
     * Columns j..j+3 of C for the packed rows of A (panel): s(q*STRIP + r) = C(row r, column j + q).
     * Twelve accumulators, not 24: a CI failure's report named the 8-column tile this replaced
     * (28 live vectors, 60 Vector API calls) as boxed, though that report's recording deoptimized
     * every method first, so it may have shown the re-warm-up; the small tile is the conservative
     * choice, fits AVX2's 16 registers, and cost about 10% of an NT product.
     */
    private static void tile4x3T(double[] ap, double[] b, int bcs, int k, int j, double[] s, int so) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
        DoubleVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
        int b0 = j * bcs, b1 = b0 + bcs, b2 = b1 + bcs, b3 = b2 + bcs;
        for (int p = 0, po = 0; p < k; p++, po += STRIP) {
            DoubleVector x0 = DoubleVector.fromArray(S, ap, po);
            DoubleVector x1 = DoubleVector.fromArray(S, ap, po + L);
            DoubleVector x2 = DoubleVector.fromArray(S, ap, po + 2 * L);
            DoubleVector y = DoubleVector.broadcast(S, b[b0 + p]);
            c00 = y.fma(x0, c00);
            c01 = y.fma(x1, c01);
            c02 = y.fma(x2, c02);
            y = DoubleVector.broadcast(S, b[b1 + p]);
            c10 = y.fma(x0, c10);
            c11 = y.fma(x1, c11);
            c12 = y.fma(x2, c12);
            y = DoubleVector.broadcast(S, b[b2 + p]);
            c20 = y.fma(x0, c20);
            c21 = y.fma(x1, c21);
            c22 = y.fma(x2, c22);
            y = DoubleVector.broadcast(S, b[b3 + p]);
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

    /** One output column j of C for the packed rows of A, into s[so..so+STRIP). */
    private static void col3T(double[] ap, double[] b, int bcs, int k, int j, double[] s, int so) {
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0;
        int bj = j * bcs;
        for (int p = 0, po = 0; p < k; p++, po += STRIP) {
            DoubleVector y = DoubleVector.broadcast(S, b[bj + p]);
            c0 = y.fma(DoubleVector.fromArray(S, ap, po), c0);
            c1 = y.fma(DoubleVector.fromArray(S, ap, po + L), c1);
            c2 = y.fma(DoubleVector.fromArray(S, ap, po + 2 * L), c2);
        }
        EXACT.cast(c0).intoArray(s, so);
        EXACT.cast(c1).intoArray(s, so + L);
        EXACT.cast(c2).intoArray(s, so + 2 * L);
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
