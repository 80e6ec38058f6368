package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.FusedElemwiseOp;
import tdl.graph.ops.RandomCounter;
import tdl.graph.ops.RandomOp;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.ScalarMath;
import tdl.vocab.ErrorKind;

/**
 * Large sigmoids and Bernoulli draws run in two halves on a team's threads: every element gets
 * the bits the one-thread loop gives it, and a bad probability is still reported.
 */
class ElementHalvesTest {
    // 20 x 787: above the split threshold, halves not a multiple of the vector width (tails run)
    private static final int ROWS = 20, COLS = 787, N = ROWS * COLS;

    private static Variable var(DType d, int rank) { return new Variable(new TensorType(d, rank), null); }

    @Test
    void aLargeLoopRunsAsTwoAlignedHalvesCoveringEveryElementOnce() {
        Team team = new Team();
        int[] count = new int[N];
        int[][] ranges = new int[2][];
        ElementHalves halves = new ElementHalves(team, (part, from, to) -> {
            ranges[part] = new int[] {from, to};
            for (int i = from; i < to; i++) count[i]++;
        });
        halves.run(N);
        for (int i = 0; i < N; i++) assertEquals(1, count[i], "element " + i);
        assertEquals(0, ranges[0][0]);
        assertEquals(ranges[0][1], ranges[1][0], "the halves meet");
        assertEquals(N, ranges[1][1]);
        assertEquals(0, ranges[0][1] % 16, "the split falls on a whole vector of floats");
        assertTrue(Math.abs(ranges[1][1] - 2 * ranges[0][1]) <= 32, "the halves are even");

        ranges[0] = ranges[1] = null;
        int small = ElementHalves.MIN_PARALLEL - 1;
        java.util.Arrays.fill(count, 0);
        halves.run(small);
        assertArrayEquals(new int[] {0, small}, ranges[0], "a small loop runs whole, as part 0");
        assertEquals(null, ranges[1]);
    }

    @Test
    void aLargeFloat64SigmoidGivesEveryElementTheScalarFunctionsBits() {
        NDArray x = NDArray.of(inputs(new Random(11)), ROWS, COLS);
        Apply node = Apply.make(new ElemwiseOp(Scalar.SIGMOID), List.of(var(DType.FLOAT64, 2)), null);
        double[] got = new ElemwiseKernel(node, new Team()).run(new NDArray[] {x}, null).data();
        for (int i = 0; i < N; i++) assertEquals(ScalarMath.sigmoid(x.data()[i]), got[i], 0.0, "element " + i);
    }

    @Test
    void aLargeFloat32SigmoidGivesEveryElementTheScalarFunctionsBits() {
        NDArray x = NDArray.of(DType.FLOAT32, new int[] {ROWS, COLS}, inputs(new Random(12)));
        Apply node = Apply.make(new ElemwiseOp(Scalar.SIGMOID), List.of(var(DType.FLOAT32, 2)), null);
        float[] got = FloatFusedKernel.single(node, new Team()).run(new NDArray[] {x}, null).floats();
        float[] in = x.floats();
        for (int i = 0; i < N; i++) assertEquals(FloatMath.sigmoid(in[i]), got[i], 0.0f, "element " + i);
    }

    @Test
    void aLargeFusedExpressionGivesEveryElementTheUnfusedNumbers() {
        // softplus(x + row) * s - y over 20 x 787: full, row and scalar operands, each half with its own scratch rows
        FusedElemwiseOp op = new FusedElemwiseOp(List.of(new FusedElemwiseOp.Instr(Scalar.ADD, new int[] {0, 1}),
                new FusedElemwiseOp.Instr(Scalar.SOFTPLUS, new int[] {FusedElemwiseOp.ref(0)}),
                new FusedElemwiseOp.Instr(Scalar.MUL, new int[] {FusedElemwiseOp.ref(1), 2}),
                new FusedElemwiseOp.Instr(Scalar.SUB, new int[] {FusedElemwiseOp.ref(2), 3})));
        Random rng = new Random(14);
        NDArray x = NDArray.of(inputs(rng), ROWS, COLS), y = NDArray.of(inputs(rng), ROWS, COLS);
        double[] r = new double[COLS];
        for (int j = 0; j < COLS; j++) r[j] = rng.nextGaussian();
        NDArray row = NDArray.of(r, 1, COLS), s = NDArray.scalar(0.75);
        Apply node = Apply.make(op, List.of(var(DType.FLOAT64, 2), var(DType.FLOAT64, 2), var(DType.FLOAT64, 0), var(DType.FLOAT64, 2)), null);
        FusedKernel k = new FusedKernel(node, new Team());
        for (int call = 0; call < 2; call++) { // a second call reuses the output and the scratch rows
            double[] got = k.run(new NDArray[] {x, row, s, y}, null).data();
            for (int i = 0; i < N; i++) {
                double want = ScalarMath.softplus(x.data()[i] + r[i % COLS]) * 0.75 - y.data()[i];
                assertEquals(want, got[i], 0.0, "element " + i);
            }
        }
    }

    @Test
    void aLargeFloat32FusedExpressionGivesEveryElementTheFloatArithmetic() {
        // x * row - s over 20 x 787 in float32, each half with its own scratch rows
        FusedElemwiseOp op = new FusedElemwiseOp(List.of(new FusedElemwiseOp.Instr(Scalar.MUL, new int[] {0, 1}),
                new FusedElemwiseOp.Instr(Scalar.SUB, new int[] {FusedElemwiseOp.ref(0), 2})));
        Random rng = new Random(15);
        NDArray x = NDArray.of(DType.FLOAT32, new int[] {ROWS, COLS}, inputs(rng));
        double[] r = new double[COLS];
        for (int j = 0; j < COLS; j++) r[j] = rng.nextGaussian();
        NDArray row = NDArray.of(DType.FLOAT32, new int[] {1, COLS}, r), s = NDArray.scalar(DType.FLOAT32, 0.75);
        Apply node = Apply.make(op, List.of(var(DType.FLOAT32, 2), var(DType.FLOAT32, 2), var(DType.FLOAT32, 0)), null);
        float[] got = FloatFusedKernel.fused(node, new Team()).run(new NDArray[] {x, row, s}, null).floats();
        float[] xf = x.floats(), rf = row.floats();
        for (int i = 0; i < N; i++) assertEquals(xf[i] * rf[i % COLS] - 0.75f, got[i], 0.0f, "element " + i);
    }

    @Test
    void aLargeTransposeIsTheMatrixTransposedInBothDtypes() {
        // 784 x 500 (W of the RBM) in two halves of its rows; odd sizes leave partial blocks
        for (int[] rc : new int[][] {{784, 500}, {131, 67}, {3, 5000}, {0, 4}}) {
            int r = rc[0], c = rc[1];
            double[] x = new double[r * c];
            for (int i = 0; i < x.length; i++) x[i] = i * 0.5 - 7;
            Apply node = Apply.make(tdl.graph.ops.DimShuffleOp.of(1, 0), List.of(var(DType.FLOAT64, 2)), null);
            NDArray t = new TransposeKernel(node, new Team()).run(new NDArray[] {NDArray.of(x, r, c)}, null);
            assertArrayEquals(new int[] {c, r}, t.shape());
            for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) assertEquals(x[i * c + j], t.data()[j * r + i], 0.0, r + "x" + c + " at " + i + "," + j);
            Apply node32 = Apply.make(tdl.graph.ops.DimShuffleOp.of(1, 0), List.of(var(DType.FLOAT32, 2)), null);
            NDArray x32 = NDArray.of(DType.FLOAT32, new int[] {r, c}, x);
            NDArray t32 = new TransposeKernel(node32, new Team()).run(new NDArray[] {x32}, null);
            for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) assertEquals(x32.floats()[i * c + j], t32.floats()[j * r + i], 0.0f);
        }
    }

    /** Gaussian activations with both tails far out (where exp overflows or underflows) mixed in. */
    private static double[] inputs(Random rng) {
        double[] d = new double[N];
        for (int i = 0; i < N; i++) d[i] = i % 97 == 0 ? (i % 2 == 0 ? 800 : -800) : rng.nextGaussian() * 8;
        return d;
    }

    @Test
    void largeBernoulliDrawsAreTheOneThreadDrawsInBothDtypes() {
        double[] p = new double[N];
        Random rng = new Random(13);
        for (int i = 0; i < N; i++) p[i] = rng.nextDouble();
        NDArray size = NDArray.of(new double[] {ROWS, COLS}, 2), one = NDArray.scalar(1);
        NDArray p64 = NDArray.of(p, ROWS, COLS), p32 = NDArray.of(DType.FLOAT32, new int[] {ROWS, COLS}, p);
        for (int evaluation = 0; evaluation < 3; evaluation++) {
            double[] oneThread = draw(new RandomKernel(node(DType.FLOAT64, DType.FLOAT64, evaluation), null), size, one, p64).data();
            double[] halves = draw(new RandomKernel(node(DType.FLOAT64, DType.FLOAT64, evaluation), new Team()), size, one, p64).data();
            assertArrayEquals(oneThread, halves, "float64 draws, evaluation " + evaluation);
            // float32 draws are the float64 kernel's draws from the same probabilities rounded to float32
            double[] wide = draw(new RandomKernel(node(DType.FLOAT64, DType.FLOAT64, evaluation), null), size, one,
                    NDArray.of(widened(p32.floats()), ROWS, COLS)).data();
            float[] narrow = draw(new FloatBernoulliKernel(node(DType.FLOAT32, DType.FLOAT32, evaluation), new Team()), size, one, p32).floats();
            for (int i = 0; i < N; i++) assertEquals(wide[i], narrow[i], 0.0, "float32 draw " + i + ", evaluation " + evaluation);
            double ones = 0;
            for (double v : halves) ones += v;
            assertEquals(N / 2.0, ones, 300, "about half the draws of p ~ U(0,1) are 1");
        }
    }

    @Test
    void aBadProbabilityInEitherHalfIsReportedTheFirstOneFirst() {
        NDArray size = NDArray.of(new double[] {ROWS, COLS}, 2), one = NDArray.scalar(1);
        double[] p = new double[N];
        java.util.Arrays.fill(p, 0.5);
        p[N - 3] = 1.5; // in the second half only
        GraphError late = assertThrows(GraphError.class,
                () -> draw(new RandomKernel(node(DType.FLOAT64, DType.FLOAT64, 0), new Team()), size, one, NDArray.of(p, ROWS, COLS)));
        assertEquals(ErrorKind.VALUE_ERROR, late.kind());
        assertTrue(late.getMessage().contains("got 1.5"), late.getMessage());
        p[5] = -0.25; // and one in the first half
        GraphError first = assertThrows(GraphError.class,
                () -> draw(new FloatBernoulliKernel(node(DType.FLOAT32, DType.FLOAT32, 0), new Team()), size, one,
                        NDArray.of(DType.FLOAT32, new int[] {ROWS, COLS}, p)));
        assertTrue(first.getMessage().contains("got -0.25"), first.getMessage());
    }

    /** binomial(size, n=1, p) of a stream seeded 7, on evaluation {@code evaluation} of its draw. */
    private static Apply node(DType out, DType pType, int evaluation) {
        RandomCounter counter = new RandomCounter(7, 2);
        for (int i = 0; i < evaluation; i++) counter.next();
        RandomOp op = new RandomOp(RandomOp.Kind.BINOMIAL, out, 2, counter);
        return Apply.make(op, List.of(var(DType.INT64, 1), var(DType.FLOAT64, 0), var(pType, 2)), null);
    }

    private static NDArray draw(Kernel k, NDArray size, NDArray n, NDArray p) {
        return k.run(new NDArray[] {size, n, p}, null);
    }

    private static double[] widened(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
