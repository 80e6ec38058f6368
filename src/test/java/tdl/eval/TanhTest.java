package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.ScalarMath;

/**
 * float64 tanh with TDL's own expm1: within 5 ulps of Math.tanh everywhere (near 0 too, where
 * 1 - e^(-2|x|) would cancel), odd to the sign of zero, and the vector loop, fused or as its own
 * node on two threads, gives every element the scalar function's bits.
 */
class TanhTest {
    private static double[] inputs() {
        Random rng = new Random(41);
        double[] x = new double[20_011];
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (i % 4) {
                case 0 -> rng.nextGaussian() * 2;
                case 1 -> (rng.nextDouble() * 2 - 1) * 30;
                case 2 -> (rng.nextDouble() * 2 - 1) * 1e-5;
                default -> (rng.nextDouble() * 2 - 1) * 0.5;
            };
        }
        double[] special = {0, -0.0, 1e-300, -1e-300, Double.MIN_VALUE, 0.34657359027997264, 19, 22, -22, 354, -354, 355, 800, -800,
            Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        System.arraycopy(special, 0, x, 0, special.length);
        return x;
    }

    @Test
    void closeToMathTanhEverywhere() {
        double worst = 0;
        for (double x : inputs()) {
            double want = Math.tanh(x), got = ScalarMath.tanh(x);
            if (Double.isNaN(want)) {
                assertTrue(Double.isNaN(got), "tanh(NaN)");
                continue;
            }
            assertEquals(Double.doubleToRawLongBits(want) < 0, Double.doubleToRawLongBits(got) < 0, "the sign of tanh(" + x + ")");
            double ulps = Math.abs(want - got) / Math.ulp(want);
            worst = Math.max(worst, ulps);
            // 4 the worst seen over 5 million random inputs (around |x| = 0.2, where e^(-2|x|) - 1 loses a bit or two)
            assertTrue(ulps <= 5, "tanh(" + x + "): " + got + " is " + ulps + " ulps from " + want);
        }
        assertTrue(worst > 0, "a different algorithm from Math.tanh's, so some inputs differ in the last bits");
    }

    @Test
    void exactWhereTheValueIs() {
        assertEquals(0.0, ScalarMath.tanh(0.0), 0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(ScalarMath.tanh(-0.0)));
        assertEquals(1.0, ScalarMath.tanh(30), 0.0);
        assertEquals(-1.0, ScalarMath.tanh(-800), 0.0);
        assertEquals(1.0, ScalarMath.tanh(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-1.0, ScalarMath.tanh(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(1e-300, ScalarMath.tanh(1e-300), 0.0);
    }

    @Test
    void theVectorLoopAndTheKernelGiveTheScalarFunctionsBits() {
        double[] x = inputs(), o = new double[x.length + 3];
        Sigmoid.tanh(x, 1, o, 3, x.length - 1); // offsets of their own, a scalar tail
        for (int i = 1; i < x.length; i++) assertSameBits(ScalarMath.tanh(x[i]), o[i + 2], x[i]);
        // an Elemwise{tanh} node of 20,011 elements: in two halves on a team's threads
        Apply node = Apply.make(new ElemwiseOp(Scalar.TANH), List.of(new Variable(new TensorType(DType.FLOAT64, 1), null)), null);
        double[] got = new ElemwiseKernel(node, new Team()).run(new NDArray[] {NDArray.of(x, x.length)}, null).data();
        for (int i = 0; i < x.length; i++) assertSameBits(ScalarMath.tanh(x[i]), got[i], x[i]);
    }

    private static void assertSameBits(double want, double got, double x) {
        assertTrue(Double.isNaN(want) ? Double.isNaN(got) : Double.doubleToRawLongBits(want) == Double.doubleToRawLongBits(got),
                "tanh(" + x + "): " + want + " but " + got);
    }
}
