package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.FusedElemwiseOp;
import tdl.graph.ops.Scalar;

/**
 * A fused expression with a row operand (a bias) reads long rows in place, its chunks ending at
 * each row's end, and spreads short ones: every shape around those boundaries (rows shorter and
 * longer than a chunk, than the in-place threshold, halves meeting mid-row, one row or many) gives
 * every element the numbers of the expression written out, in both dtypes, with the arithmetic's
 * vector loops reading three arrays at three offsets.
 */
class FusedRowsTest {
    // (x + row) * x - s / row: a full, a row and a scalar operand; all four vector operations
    private static final FusedElemwiseOp OP = new FusedElemwiseOp(List.of(
            new FusedElemwiseOp.Instr(Scalar.ADD, new int[] {0, 1}),
            new FusedElemwiseOp.Instr(Scalar.MUL, new int[] {FusedElemwiseOp.ref(0), 0}),
            new FusedElemwiseOp.Instr(Scalar.TRUE_DIV, new int[] {2, 1}),
            new FusedElemwiseOp.Instr(Scalar.SUB, new int[] {FusedElemwiseOp.ref(1), FusedElemwiseOp.ref(2)})));
    private static final int[][] SHAPES = {
        {1, 5}, {7, 3}, {3, 63}, {2, 64}, {9, 65}, {4, 256}, {3, 257}, {20, 784}, {20, 500}, {41, 300}, {1, 9000}, {2, 3, 130}};

    private static Variable var(DType d, int rank) { return new Variable(new TensorType(d, rank), null); }

    private static double[] values(Random rng, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = rng.nextGaussian() * 3;
        return d;
    }

    @Test
    void float64RowsGiveTheWrittenOutExpressionAtEveryShape() {
        Random rng = new Random(21);
        for (int[] shape : SHAPES) {
            int cols = shape[shape.length - 1], n = (int) NDArray.sizeOf(shape);
            double[] x = values(rng, n), r = values(rng, cols);
            double s = 0.75;
            Apply node = Apply.make(OP, List.of(var(DType.FLOAT64, shape.length), var(DType.FLOAT64, 1), var(DType.FLOAT64, 0)), null);
            FusedKernel k = new FusedKernel(node, new Team());
            NDArray out = null;
            for (int call = 0; call < 2; call++) { // a second call reuses the output and scratch rows
                out = k.run(new NDArray[] {NDArray.of(x, shape), NDArray.of(r, cols), NDArray.scalar(s)}, out);
                for (int i = 0; i < n; i++) {
                    double rv = r[i % cols], want = (x[i] + rv) * x[i] - s / rv;
                    assertEquals(want, out.data()[i], 0.0, java.util.Arrays.toString(shape) + " element " + i);
                }
            }
        }
    }

    @Test
    void float32RowsGiveTheWrittenOutFloatArithmeticAtEveryShape() {
        Random rng = new Random(22);
        for (int[] shape : SHAPES) {
            int cols = shape[shape.length - 1], n = (int) NDArray.sizeOf(shape);
            NDArray x = NDArray.of(DType.FLOAT32, shape, values(rng, n)), r = NDArray.of(DType.FLOAT32, new int[] {cols}, values(rng, cols));
            NDArray s = NDArray.scalar(DType.FLOAT32, 0.75);
            Apply node = Apply.make(OP, List.of(var(DType.FLOAT32, shape.length), var(DType.FLOAT32, 1), var(DType.FLOAT32, 0)), null);
            FloatFusedKernel k = FloatFusedKernel.fused(node, new Team());
            NDArray out = null;
            for (int call = 0; call < 2; call++) {
                out = k.run(new NDArray[] {x, r, s}, out);
                float[] xf = x.floats(), rf = r.floats();
                for (int i = 0; i < n; i++) {
                    float rv = rf[i % cols], want = (xf[i] + rv) * xf[i] - 0.75f / rv;
                    assertEquals(want, out.floats()[i], 0.0f, java.util.Arrays.toString(shape) + " element " + i);
                }
            }
        }
    }

    @Test
    void theOutputMayBeTheFullInputsOwnBuffer() {
        // the memory planner hands a dead input's buffer to the output: in place, element by element
        int[] shape = {20, 784};
        int n = 20 * 784;
        double[] x = values(new Random(23), n), r = values(new Random(24), 784);
        double[] want = new double[n];
        for (int i = 0; i < n; i++) want[i] = (x[i] + r[i % 784]) * x[i] - 2 / r[i % 784];
        NDArray xa = NDArray.of(x.clone(), shape);
        Apply node = Apply.make(OP, List.of(var(DType.FLOAT64, 2), var(DType.FLOAT64, 1), var(DType.FLOAT64, 0)), null);
        NDArray out = new FusedKernel(node, new Team()).run(new NDArray[] {xa, NDArray.of(r, 784), NDArray.scalar(2)}, xa);
        assertSame(xa.data(), out.data(), "written into the input's buffer");
        for (int i = 0; i < n; i++) assertEquals(want[i], out.data()[i], 0.0, "element " + i);
    }
}
