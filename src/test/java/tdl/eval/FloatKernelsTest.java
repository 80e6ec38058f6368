package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The float32 kernels against float64 computations on the same (float) inputs: a float product is
 * within a few float ulps of the exact one, scaled by the reduction length; exp, sigmoid and tanh
 * within a few ulps of the double functions rounded.
 */
class FloatKernelsTest {
    private static final int[][] SHAPES = { // m, n, k
        {20, 500, 784}, {20, 784, 500}, {784, 500, 20}, {1, 1, 1}, {3, 5, 7}, {4, 16, 8}, {5, 17, 9},
        {7, 49, 1}, {9, 15, 13}, {17, 40, 3}, {64, 64, 64}, {2, 100, 250}, {1, 300, 31}, {300, 1, 31}, {6, 0, 3}, {3, 4, 0}};
    private static final double F32_EPS = Math.ulp(1f); // 2^-23

    @Test
    void productsMatchDoubleProductsForEveryTransposeCombination() {
        Random rng = new Random(7);
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                int m = s[0], n = s[1], k = s[2];
                int ar = ta ? k : m, ac = ta ? m : k, br = tb ? n : k, bc = tb ? k : n;
                float[] a = random(rng, ar * ac), b = random(rng, br * bc);
                float[] got = new float[m * n], viaEjml = new float[m * n];
                java.util.Arrays.fill(got, Float.NaN); // k = 0 must write zeros
                FloatGemm.multiply(a, ar, ac, ta, b, br, bc, tb, got, m, n, k, new FloatGemm.Workspace());
                FloatGemm.ejml(a, ar, ac, ta, b, br, bc, tb, viaEjml, m, n);
                double[] want = new double[m * n], scale = new double[m * n];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double acc = 0, abs = 0;
                        for (int p = 0; p < k; p++) {
                            double x = a[ta ? p * ac + i : i * ac + p], y = b[tb ? j * bc + p : p * bc + j];
                            acc += x * y;
                            abs += Math.abs(x * y);
                        }
                        want[i * n + j] = acc;
                        scale[i * n + j] = abs;
                    }
                }
                for (int i = 0; i < got.length; i++) {
                    double tol = 2 * (k + 1) * F32_EPS * scale[i];
                    String where = "shape " + m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb + " element " + i;
                    assertTrue(Math.abs(got[i] - want[i]) <= tol, where + ": " + got[i] + " vs " + want[i]);
                    assertTrue(Math.abs(viaEjml[i] - want[i]) <= tol, where + " (EJML fdense): " + viaEjml[i] + " vs " + want[i]);
                }
            }
        }
    }

    @Test
    void readingBInPlaceGivesBitwiseThePackedNumbers() {
        assumeTrue(Gemm.VECTOR, "the Vector API kernel is not enabled");
        Random rng = new Random(13);
        int[][] shapes = {{20, 500, 784}, {20, 784, 500}, {784, 500, 20}, {5, 64, 3}, {6, 65, 7}, {25, 140, 9}, {1, 1, 1}, {3, 70, 2},
            {18, 9, 6}, {20, 6, 4}, {12, 7, 5}, {68, 9, 5}, {53, 10, 4}, {16, 5, 3}, {17, 4, 2},
            // 49-63 columns past the last whole 64: one more in-place tile over columns already done
            {20, 116, 30}, {7, 244, 13}, {6, 63, 5},
            // whole vectors past the last whole 64 (16 of 784): one vector wide, in place
            {6, 80, 7}, {11, 96, 5}, {20, 784, 9}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            float[] panel = new float[VectorGemmF.panelSize(k)];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                float[] a = random(rng, m * k), b = random(rng, k * n);
                int ars = ta ? 1 : k, acs = ta ? m : 1, brs = tb ? 1 : n, bcs = tb ? k : 1;
                float[] fast = new float[m * n], packed = new float[m * n];
                Thread me = Thread.currentThread();
                VectorGemmF.packed(a, ars, acs, b, brs, bcs, packed, k, n, 0, m, 0, n, panel, me);
                VectorGemmF.multiply(a, ars, acs, b, brs, bcs, fast, k, n, 0, m, 0, n, panel, me);
                assertArrayEquals(packed, fast, m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb);
                java.util.Arrays.fill(fast, 0f);
                int i0 = m / 3, j0 = n / 3;
                VectorGemmF.multiply(a, ars, acs, b, brs, bcs, fast, k, n, 0, i0, 0, n, panel, me);
                VectorGemmF.multiply(a, ars, acs, b, brs, bcs, fast, k, n, i0, m, 0, j0, panel, me);
                VectorGemmF.multiply(a, ars, acs, b, brs, bcs, fast, k, n, i0, m, j0, n, panel, me);
                assertArrayEquals(packed, fast, "blocks of " + m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb);
            }
        }
    }

    @Test
    void splittingTheOutputBetweenThreadsGivesBitwiseTheSameNumbers() {
        assumeTrue(Gemm.VECTOR, "the Vector API kernel is not enabled");
        Random rng = new Random(11);
        int m = 20, n = 500, k = 784;
        float[] panel = new float[VectorGemmF.panelSize(k)];
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
            float[] a = random(rng, m * k), b = random(rng, k * n);
            int ars = ta ? 1 : k, acs = ta ? m : 1, brs = tb ? 1 : n, bcs = tb ? k : 1;
            float[] whole = new float[m * n], split = new float[m * n], pieces = new float[m * n];
            VectorGemmF.multiply(a, ars, acs, b, brs, bcs, whole, k, n, 0, m, 0, n, panel, Thread.currentThread());
            FloatGemm.multiply(a, ta ? k : m, ta ? m : k, ta, b, tb ? n : k, tb ? k : n, tb, split, m, n, k, new FloatGemm.Workspace());
            assertArrayEquals(whole, split, "ta=" + ta + " tb=" + tb);
            VectorGemmF.multiply(a, ars, acs, b, brs, bcs, pieces, k, n, 0, 7, 0, 123, panel, Thread.currentThread());
            VectorGemmF.multiply(a, ars, acs, b, brs, bcs, pieces, k, n, 0, 7, 123, n, panel, Thread.currentThread());
            VectorGemmF.multiply(a, ars, acs, b, brs, bcs, pieces, k, n, 7, m, 0, n, panel, Thread.currentThread());
            assertArrayEquals(whole, pieces, "ta=" + ta + " tb=" + tb);
        }
    }

    /** Inputs across the whole range: tiny, ordinary, near the cuts, beyond overflow, NaN, infinities. */
    private static float[] mathInputs() {
        Random rng = new Random(3);
        float[] x = new float[20_000];
        for (int i = 0; i < x.length; i++) x[i] = (float) ((rng.nextDouble() * 2 - 1) * (i % 4 == 0 ? 120 : i % 4 == 1 ? 10 : i % 4 == 2 ? 1 : 1e-3));
        float[] special = {0f, -0f, 1e-30f, -1e-30f, 0.625f, -0.625f, 9f, -9f, 87f, -87f, 88f, -88f, 88.7f, 89f, -100f, 100f,
            -103f, -104f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, -Float.MAX_VALUE};
        System.arraycopy(special, 0, x, 0, special.length);
        return x;
    }

    @Test
    void expMatchesTheDoubleFunctionRounded() {
        float[] x = mathInputs(), got = new float[x.length];
        FloatMath.exp(x, 0, got, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            float want = (float) Math.exp(x[i]);
            assertEquals(FloatMath.exp(x[i]), got[i], 0f, "vector and scalar paths at " + x[i]);
            assertClose(want, got[i], 2, "exp(" + x[i] + ")");
        }
    }

    @Test
    void sigmoidMatchesTheDoubleFunctionRounded() {
        float[] x = mathInputs(), got = new float[x.length];
        FloatMath.sigmoid(x, 0, got, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(FloatMath.sigmoid(x[i]), got[i], 0f, "vector and scalar paths at " + x[i]);
            float want = (float) (1 / (1 + Math.exp(-(double) x[i])));
            if (want < Float.MIN_NORMAL) assertEquals(want, got[i], 0f, "subnormal sigmoid(" + x[i] + ")"); // rounded once
            else assertClose(want, got[i], 3, "sigmoid(" + x[i] + ")");
        }
    }

    @Test
    void tanhMatchesTheDoubleFunctionRounded() {
        float[] x = mathInputs(), got = new float[x.length];
        FloatMath.tanh(x, 0, got, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(FloatMath.tanh(x[i]), got[i], 0f, "vector and scalar paths at " + x[i]);
            assertClose((float) Math.tanh(x[i]), got[i], 3, "tanh(" + x[i] + ")");
        }
    }

    @Test
    void unaryLoopsGiveTheTableRuleInBothDtypes() {
        // the functions the loops write out (and any other) give what the Scalar table's rule gives:
        // rounded to float for float32, the same double for float64, so fused or not is the same
        float[] x = mathInputs(), got = new float[x.length];
        double[] xd = new double[x.length], gotD = new double[x.length];
        for (int i = 0; i < x.length; i++) xd[i] = x[i];
        for (tdl.graph.ops.Scalar s : tdl.graph.ops.Scalar.values()) {
            if (!(s.numeric() instanceof tdl.graph.ops.Scalar.Numeric.Unary u) || s.isPredicate() || FloatLoops.ownUnary(s)) continue;
            java.util.function.DoubleUnaryOperator f = u.forOutput(tdl.graph.DType.FLOAT32);
            FloatLoops.unary(s, f, x, 0, got, 0, x.length);
            float[] gotWide = new float[x.length];
            FloatLoops.unary(s, f, x, 0, gotWide, 0, x.length, new double[2][FusedKernel.CHUNK]); // softplus widened
            FusedLoops.unary(s, u.forOutput(tdl.graph.DType.FLOAT64), xd, 0, gotD, 0, xd.length);
            for (int i = 0; i < x.length; i++) {
                float want = (float) f.applyAsDouble(x[i]);
                assertTrue(Float.isNaN(want) ? Float.isNaN(got[i]) : want == got[i], s + "(" + x[i] + "): " + want + " but " + got[i]);
                assertTrue(Float.isNaN(want) ? Float.isNaN(gotWide[i]) : want == gotWide[i], s + "(" + x[i] + ") widened: " + gotWide[i]);
                double wantD = u.forOutput(tdl.graph.DType.FLOAT64).applyAsDouble(xd[i]);
                if (s != tdl.graph.ops.Scalar.SIGMOID) { // float64 sigmoid: SigmoidTest checks its vector path
                    assertTrue(Double.isNaN(wantD) ? Double.isNaN(gotD[i]) : wantD == gotD[i], s + "(" + xd[i] + ") in float64");
                }
            }
        }
    }

    @Test
    void binaryLoopsGiveTheTableRuleInBothDtypes() {
        // as the unary loops: the functions written out (arithmetic, maximum, minimum) and the rest
        float[] x = mathInputs(), y = new float[x.length], got = new float[x.length];
        Random rng = new Random(9);
        for (int i = 0; i < y.length; i++) y[i] = i % 7 == 0 ? x[(i + 3) % x.length] : (float) (rng.nextGaussian() * 10);
        y[1] = Float.NaN;
        y[2] = -0f;
        double[] xd = new double[x.length], yd = new double[x.length], gotD = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xd[i] = x[i];
            yd[i] = y[i];
        }
        for (tdl.graph.ops.Scalar s : tdl.graph.ops.Scalar.values()) {
            if (!(s.numeric() instanceof tdl.graph.ops.Scalar.Numeric.Binary b) || s.isPredicate()) continue;
            java.util.function.DoubleBinaryOperator f32 = b.forOutput(tdl.graph.DType.FLOAT32), f64 = b.forOutput(tdl.graph.DType.FLOAT64);
            FloatLoops.binary(s, f32, x, 0, y, 0, got, 0, x.length);
            FusedLoops.binary(s, f64, xd, 0, yd, 0, gotD, 0, xd.length);
            for (int i = 0; i < x.length; i++) {
                float want = (float) f32.applyAsDouble(x[i], y[i]);
                assertTrue(Float.isNaN(want) ? Float.isNaN(got[i]) : Float.floatToIntBits(want) == Float.floatToIntBits(got[i]),
                        s + "(" + x[i] + ", " + y[i] + "): " + want + " but " + got[i]);
                double wantD = f64.applyAsDouble(xd[i], yd[i]);
                assertTrue(Double.isNaN(wantD) ? Double.isNaN(gotD[i]) : Double.doubleToLongBits(wantD) == Double.doubleToLongBits(gotD[i]),
                        s + "(" + xd[i] + ", " + yd[i] + ") in float64: " + wantD + " but " + gotD[i]);
            }
        }
    }

    @Test
    void theFallbackFloatProductInBlocksIsEjmls() {
        Random rng = new Random(24);
        int m = 23, n = 17, k = 11;
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
            float[] a = random(rng, m * k), b = random(rng, k * n), whole = new float[m * n], blocks = new float[m * n];
            int ar = ta ? k : m, ac = ta ? m : k, br = tb ? n : k, bc = tb ? k : n;
            FloatGemm.ejml(a, ar, ac, ta, b, br, bc, tb, whole, m, n);
            FloatGemm.fallback(a, ar, ac, ta, b, br, bc, tb, blocks, m, n, k, 3L * n * k, Thread.currentThread());
            for (int i = 0; i < whole.length; i++) assertEquals(whole[i], blocks[i], 1e-5f * (1 + Math.abs(whole[i])), "ta=" + ta + " tb=" + tb + " at " + i);
        }
    }

    @Test
    void bernoulliDrawsAreTheFloat64StreamsDraws() {
        Random rng = new Random(5);
        float[] p = random(rng, 10_007);
        for (int i = 0; i < p.length; i++) p[i] = Math.abs(p[i]);
        p[0] = 0f;
        p[1] = 1f;
        p[2] = -0f; // valid: the vector loop's bit test hands it to the scalar loop, same numbers
        long key = 0x1234_5678_9ABCL, golden = 0x9E3779B97F4A7C15L;
        double scale = 1.0 / (1L << 53);
        float[] got = new float[p.length];
        assertEquals(got.length, FloatRandom.bernoulli(key, golden, scale, p, got, 0, got.length));
        int ones = 0;
        for (int i = 0; i < p.length; i++) {
            double u = (RandomKernel.mix(RandomKernel.mix(key + i * golden)) >>> 11) * scale;
            assertEquals(u < (double) p[i] ? 1f : 0f, got[i], 0f, "element " + i);
            ones += (int) got[i];
        }
        assertEquals(0f, got[0]);
        assertEquals(1f, got[1]);
        assertTrue(ones > 4_000 && ones < 6_000, "about half of the draws hit: " + ones);
    }

    static void assertClose(float want, float got, int ulps, String what) {
        if (Float.isNaN(want)) {
            assertTrue(Float.isNaN(got), what + " should be NaN, got " + got);
            return;
        }
        if (Float.isInfinite(want) || want == 0f) {
            assertEquals(want, got, Float.MIN_NORMAL, what);
            return;
        }
        assertTrue(Math.abs(got - want) <= ulps * Math.ulp(want), what + ": " + got + " vs " + want);
    }

    static float[] random(Random rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (rng.nextDouble() * 2 - 1);
        return a;
    }
}
