package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.Allocations;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.FusedElemwiseOp;
import tdl.graph.ops.FusedElemwiseOp.Instr;
import tdl.graph.ops.Scalar;

/**
 * Large fused loops split in two halves on the team give the bits of one thread: the RBM's weight
 * update (784x500), odd sizes (the split lands mid-array, the last chunk is short), broadcast inputs
 * (scalar, row, and a column that is expanded), float64 and float32, and a second call allocates nothing.
 */
class FusedHalvesTest {
    private final Random rng = new Random(15);

    // sub(i0, mul(add(i1, i2), i3)): the W and bias updates of the RBM
    private static final FusedElemwiseOp UPDATE = new FusedElemwiseOp(List.of(
            new Instr(Scalar.ADD, new int[] {1, 2}),
            new Instr(Scalar.MUL, new int[] {FusedElemwiseOp.ref(0), 3}),
            new Instr(Scalar.SUB, new int[] {0, FusedElemwiseOp.ref(1)})));
    // softplus(add(i0, i1)) then a sigmoid and an exp of it: the unary vector paths inside a split
    private static final FusedElemwiseOp UNARIES = new FusedElemwiseOp(List.of(
            new Instr(Scalar.ADD, new int[] {0, 1}),
            new Instr(Scalar.SOFTPLUS, new int[] {FusedElemwiseOp.ref(0)}),
            new Instr(Scalar.SIGMOID, new int[] {FusedElemwiseOp.ref(0)}),
            new Instr(Scalar.MUL, new int[] {FusedElemwiseOp.ref(1), FusedElemwiseOp.ref(2)})));

    private NDArray random(DType dtype, int... shape) {
        double[] d = new double[(int) NDArray.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) d[i] = 4 * rng.nextGaussian();
        return NDArray.of(dtype, shape, d);
    }

    private static Apply node(FusedElemwiseOp op, DType dtype, NDArray... in) {
        Variable[] vars = new Variable[in.length];
        for (int i = 0; i < in.length; i++) vars[i] = new Variable(new TensorType(dtype, in[i].rank()), "i" + i);
        return Apply.make(op, List.of(vars), null);
    }

    private static Kernel kernel(Apply node, Team team) {
        InnerCompiler inner = new InnerCompiler() {
            @Override public InnerPlan compile(Apply owner, tdl.graph.InnerGraph graph) { return NONE.compile(owner, graph); }
            @Override public Team team() { return team; }
        };
        return Kernels.forApply(node, inner);
    }

    /** Runs the node on one thread and split (three times, reusing the output), compares the bits. */
    private void sameBits(FusedElemwiseOp op, DType dtype, NDArray... in) {
        Apply node = node(op, dtype, in);
        NDArray one = kernel(node, null).run(in, null);
        Kernel split = kernel(node, new Team());
        NDArray out = split.run(in, null);
        for (int r = 0; r < 2; r++) assertSame(out, split.run(in, out), "the output is reused");
        if (dtype == DType.FLOAT32) assertArrayEquals(bits(one.floats()), bits(out.floats()));
        else assertArrayEquals(bits(one.data()), bits(out.data()));
    }

    private static long[] bits(double[] d) {
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) b[i] = Double.doubleToRawLongBits(d[i]);
        return b;
    }

    private static long[] bits(float[] d) {
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) b[i] = Float.floatToRawIntBits(d[i]);
        return b;
    }

    @Test
    void theWeightUpdateSplitGivesTheBitsOfOneThread() {
        for (DType dt : List.of(DType.FLOAT64, DType.FLOAT32)) {
            sameBits(UPDATE, dt, random(dt, 784, 500), random(dt, 784, 500), random(dt, 784, 500), random(dt, 784, 500));
            // a learning rate as a scalar, a bias-like row, a column that is expanded
            sameBits(UPDATE, dt, random(dt, 784, 500), random(dt, 784, 500), random(dt, 1, 500), NDArray.of(dt, new int[0], new double[] {0.01}));
            sameBits(UPDATE, dt, random(dt, 784, 500), random(dt, 784, 1), random(dt, 784, 500), random(dt, 500));
        }
    }

    @Test
    void oddSizesAndUnaryVectorPathsSplitExactly() {
        for (DType dt : List.of(DType.FLOAT64, DType.FLOAT32)) {
            sameBits(UPDATE, dt, random(dt, 257, 131), random(dt, 257, 131), random(dt, 131), random(dt, 257, 131));
            sameBits(UPDATE, dt, random(dt, 32 * 1024 + 3), random(dt, 32 * 1024 + 3), random(dt, 1), random(dt, 32 * 1024 + 3));
            sameBits(UNARIES, dt, random(dt, 301, 223), random(dt, 223));
            sameBits(UNARIES, dt, random(dt, 300), random(dt, 300)); // below the threshold: one thread
        }
    }

    @Test
    void aSplitCallAllocatesNothingOnTheCaller() {
        NDArray[] in = {random(DType.FLOAT64, 784, 500), random(DType.FLOAT64, 784, 500), random(DType.FLOAT64, 500),
                random(DType.FLOAT64, 784, 500)};
        Kernel k = kernel(node(UPDATE, DType.FLOAT64, in), new Team());
        NDArray out = k.run(in, null);
        long least = Long.MAX_VALUE;
        for (int r = 0; r < 20; r++) least = Math.min(least, Allocations.during(() -> k.run(in, out)));
        assertEquals(0, least, "bytes allocated by a split fused call");
    }
}
