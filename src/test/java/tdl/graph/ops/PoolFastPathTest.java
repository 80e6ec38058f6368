package tdl.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import tdl.eval.Eager;
import tdl.graph.NDArray;
import tdl.graph.ops.Pool2dOp.Mode;

/**
 * The pooling kernel's direct loop for 2x2 max pooling with stride 2, and its split of large
 * inputs between two threads: inputs with ties in most windows (Theano's MaxPoolGrad gives each
 * tied maximum the whole gradient), an odd last row or column no window covers, and inputs large
 * enough to be split. Expected values: weighted sums of numpy's results
 * (src/test/resources/reference/pool_max22.py, output pasted below); inputs come from closed
 * formulas both sides compute.
 */
class PoolFastPathTest {
    private final TensorOps t = new TensorOps(() -> "test");

    private static NDArray data(double a, double b, DoubleUnaryOperator f, int... shape) {
        double[] d = new double[(int) NDArray.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) d[i] = f.applyAsDouble(a * i + b);
        return NDArray.of(d, shape);
    }

    private static double check(NDArray a) {
        double s = 0;
        double[] d = a.data();
        for (int i = 0; i < d.length; i++) s += d[i] * Math.cos(0.11 * i);
        return s;
    }

    private void assertPool(int[] shape, double out, double grad, int nonZero) {
        NDArray x = data(0.37, 0.1, v -> Math.floor(4 * (Math.sin(v) + 1)), shape);
        NDArray z = Eager.evaluate(t.apply(new Pool2dOp(Mode.MAX, false, 2, 2, 2, 2, 0, 0, true), t.constant(x)));
        assertEquals(out, check(z), 1e-9, "pool " + NDArray.shapeString(shape));
        NDArray g = data(0.19, 0.3, Math::sin, z.shape());
        NDArray gx = Eager.evaluate(t.apply(new Pool2dOp(Mode.MAX, true, 2, 2, 2, 2, 0, 0, true), t.constant(x), t.constant(g)));
        assertEquals(grad, check(gx), 1e-9, "MaxPoolGrad " + NDArray.shapeString(shape));
        int n = 0;
        for (double v : gx.data()) if (v != 0) n++;
        assertEquals(nonZero, n, "elements that get a gradient");
    }

    @Test
    void maxPoolingAndItsGradientMatchNumpyWithTiesAndUncoveredEdges() {
        // python3 src/test/resources/reference/pool_max22.py (numpy 2.4): shape, check(z), check(gx), nonzero(gx)
        assertPool(new int[] {4, 8, 33, 34}, 30.752772381416108, 3.295607534869368, 23064);
        assertPool(new int[] {4, 8, 34, 35}, -17.083381419569385, 1.816740847548159, 17581);
        assertPool(new int[] {1, 1, 3, 3}, 7.0, 0.5469470273618412, 2);
    }
}
