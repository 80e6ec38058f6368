package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The product kernel against EJML (the reference), at the RBM's shapes and at awkward edge sizes. */
class GemmTest {
    private static final int[][] SHAPES = { // m, n, k
        {20, 500, 784}, {20, 784, 500}, {784, 500, 20}, {1, 1, 1}, {3, 5, 7}, {4, 16, 8}, {5, 17, 9},
        {7, 33, 1}, {9, 15, 13}, {17, 40, 3}, {64, 64, 64}, {2, 100, 250}, {1, 300, 31}, {300, 1, 31}};

    @Test
    void productsMatchEjmlForEveryTransposeCombination() {
        Random rng = new Random(7);
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                int m = s[0], n = s[1], k = s[2];
                int ar = ta ? k : m, ac = ta ? m : k, br = tb ? n : k, bc = tb ? k : n;
                double[] a = random(rng, ar * ac), b = random(rng, br * bc);
                double[] got = new double[m * n], want = new double[m * n];
                Gemm.multiply(a, ar, ac, ta, b, br, bc, tb, got, m, n, k, new Gemm.Workspace());
                Gemm.ejml(a, ar, ac, ta, b, br, bc, tb, want, m, n);
                double[] scale = absProduct(a, ar, ac, ta, b, br, bc, tb, m, n);
                for (int i = 0; i < got.length; i++) {
                    assertTrue(Math.abs(got[i] - want[i]) <= 1e-12 * scale[i],
                            "shape " + m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb + " element " + i
                                    + ": " + got[i] + " vs EJML " + want[i]);
                }
            }
        }
    }

    @Test
    void readingBInPlaceOrAsStoredRowsGivesBitwiseThePackedNumbers() {
        assumeTrue(Gemm.VECTOR, "the Vector API kernel is not enabled");
        Random rng = new Random(13);
        int[][] shapes = {{20, 500, 784}, {20, 784, 500}, {784, 500, 20}, {5, 32, 3}, {6, 33, 7}, {25, 70, 9},
            {24, 8, 5}, {23, 9, 4}, {49, 17, 11}, {1, 1, 1}, {3, 40, 2},
            // 25-31 columns past the last whole 32: one more in-place tile over columns already done
            {20, 60, 30}, {7, 250, 13}, {6, 31, 5},
            // whole vectors past the last whole 32 (16 of 784): one vector wide, in place
            {6, 40, 7}, {11, 48, 5}, {20, 784, 9}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            double[] panel = new double[VectorGemm.panelSize(k)];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                double[] a = random(rng, m * k), b = random(rng, k * n);
                int ars = ta ? 1 : k, acs = ta ? m : 1, brs = tb ? 1 : n, bcs = tb ? k : 1;
                double[] fast = new double[m * n], packed = new double[m * n];
                Thread me = Thread.currentThread();
                VectorGemm.packed(a, ars, acs, b, brs, bcs, packed, k, n, 0, m, 0, n, panel, me);
                VectorGemm.multiply(a, ars, acs, b, brs, bcs, fast, k, n, 0, m, 0, n, panel, me);
                assertArrayEquals(packed, fast, m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb);
                // a block starting inside the matrix (as the second half of a split product)
                java.util.Arrays.fill(fast, 0.0);
                int i0 = m / 3, j0 = n / 3;
                VectorGemm.multiply(a, ars, acs, b, brs, bcs, fast, k, n, 0, i0, 0, n, panel, me);
                VectorGemm.multiply(a, ars, acs, b, brs, bcs, fast, k, n, i0, m, 0, j0, panel, me);
                VectorGemm.multiply(a, ars, acs, b, brs, bcs, fast, k, n, i0, m, j0, n, panel, me);
                assertArrayEquals(packed, fast, "blocks of " + m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb);
            }
        }
    }

    @Test
    void splittingTheOutputBetweenThreadsGivesBitwiseTheSameNumbers() {
        assumeTrue(Gemm.VECTOR, "the Vector API kernel is not enabled");
        Random rng = new Random(11);
        int m = 20, n = 500, k = 784;
        double[] panel = new double[VectorGemm.panelSize(k)];
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
            double[] a = random(rng, m * k), b = random(rng, k * n);
            int ars = ta ? 1 : k, acs = ta ? m : 1, brs = tb ? 1 : n, bcs = tb ? k : 1;
            // the whole product in one block on this thread, against the split (two-thread) path
            double[] whole = new double[m * n], split = new double[m * n];
            VectorGemm.multiply(a, ars, acs, b, brs, bcs, whole, k, n, 0, m, 0, n, panel, Thread.currentThread());
            Gemm.multiply(a, ta ? k : m, ta ? m : k, ta, b, tb ? n : k, tb ? k : n, tb, split, m, n, k, new Gemm.Workspace());
            assertArrayEquals(whole, split, "ta=" + ta + " tb=" + tb);
            // odd block boundaries (edge loops instead of full tiles) give the same numbers too
            double[] pieces = new double[m * n];
            VectorGemm.multiply(a, ars, acs, b, brs, bcs, pieces, k, n, 0, 7, 0, 123, panel, Thread.currentThread());
            VectorGemm.multiply(a, ars, acs, b, brs, bcs, pieces, k, n, 0, 7, 123, n, panel, Thread.currentThread());
            VectorGemm.multiply(a, ars, acs, b, brs, bcs, pieces, k, n, 7, m, 0, n, panel, Thread.currentThread());
            assertArrayEquals(whole, pieces, "ta=" + ta + " tb=" + tb);
        }
    }

    @Test
    void repeatedSplitProductsOnOneWorkspaceAreBitwiseTheSingleThreadedOnes() {
        assumeTrue(Gemm.VECTOR, "the Vector API kernel is not enabled");
        Random rng = new Random(13);
        Gemm.Workspace w = new Gemm.Workspace();
        // column splits and row splits alternate on the same workspace, so its hand-off is re-armed each time
        int[][] shapes = {{20, 500, 784}, {784, 500, 20}, {20, 784, 500}, {300, 40, 64}};
        for (int rep = 0; rep < 3; rep++) {
            for (int[] s : shapes) {
                int m = s[0], n = s[1], k = s[2];
                boolean ta = (rep & 1) != 0, tb = m == 784;
                double[] a = random(rng, m * k), b = random(rng, k * n);
                int ars = ta ? 1 : k, acs = ta ? m : 1, brs = tb ? 1 : n, bcs = tb ? k : 1;
                double[] whole = new double[m * n], split = new double[m * n];
                VectorGemm.multiply(a, ars, acs, b, brs, bcs, whole, k, n, 0, m, 0, n, new double[VectorGemm.panelSize(k)], Thread.currentThread());
                Gemm.multiply(a, ta ? k : m, ta ? m : k, ta, b, tb ? n : k, tb ? k : n, tb, split, m, n, k, w);
                assertArrayEquals(whole, split, m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb + " rep " + rep);
            }
        }
    }

    @Test
    void theFallbackProductInBlocksIsEjmlsAndStopsOnAnInterrupt() {
        // a JVM without the Vector API: EJML in blocks of rows, each checking the thread's interrupt
        Random rng = new Random(23);
        int m = 23, n = 17, k = 11;
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
            double[] a = random(rng, m * k), b = random(rng, k * n), whole = new double[m * n], blocks = new double[m * n];
            int ar = ta ? k : m, ac = ta ? m : k, br = tb ? n : k, bc = tb ? k : n;
            Gemm.ejml(a, ar, ac, ta, b, br, bc, tb, whole, m, n);
            Gemm.fallback(a, ar, ac, ta, b, br, bc, tb, blocks, m, n, k, 3L * n * k, Thread.currentThread()); // 3 rows a block
            for (int i = 0; i < whole.length; i++) assertEquals(whole[i], blocks[i], 1e-12 * (1 + Math.abs(whole[i])), "ta=" + ta + " tb=" + tb + " at " + i);
        }
        Thread.currentThread().interrupt();
        try {
            double[] a = random(rng, m * k), b = random(rng, k * n), c = new double[m * n];
            assertThrows(tdl.graph.GraphError.class, () -> Gemm.fallback(a, m, k, false, b, k, n, false, c, m, n, k, 1, Thread.currentThread()));
        } finally {
            Thread.interrupted();
        }
    }

    private static double[] random(Random rng, int size) {
        double[] d = new double[size];
        for (int i = 0; i < size; i++) d[i] = rng.nextGaussian();
        return d;
    }

    /** sum_p |A(i,p)| |B(p,j)|: the size a rounding error is relative to. */
    private static double[] absProduct(double[] a, int ar, int ac, boolean ta, double[] b, int br, int bc, boolean tb,
                                       int m, int n) {
        double[] aa = a.clone(), bb = b.clone();
        for (int i = 0; i < aa.length; i++) aa[i] = Math.abs(aa[i]);
        for (int i = 0; i < bb.length; i++) bb[i] = Math.abs(bb[i]);
        double[] out = new double[m * n];
        Gemm.ejml(aa, ar, ac, ta, bb, br, bc, tb, out, m, n);
        for (int i = 0; i < out.length; i++) out[i] = Math.max(out[i], Double.MIN_NORMAL);
        return out;
    }
}
