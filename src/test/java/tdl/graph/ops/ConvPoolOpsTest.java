package tdl.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tdl.eval.Eager;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.Conv2dOp.Border;
import tdl.graph.ops.Conv2dOp.Role;
import tdl.graph.ops.Pool2dOp.Mode;
import tdl.vocab.ErrorKind;

/**
 * conv2d and pool_2d: forward values against scipy.signal.convolve2d / correlate2d and a numpy port
 * of Theano's Pool / MaxPoolGrad loops (generated in python3, pasted below), and finite-difference
 * gradients for every border mode, stride, dilation and pooling mode.
 */
class ConvPoolOpsTest {
    private final TensorOps t = new TensorOps(() -> "test");

    // x (2, 2, 5, 4) and w (3, 2, 3, 2): np.round(RandomState(0).uniform(-1, 1, shape), 1)
    private static final double[] CX = new double[] {0.1, 0.4, 0.2, 0.1, -0.2, 0.3, -0.1, 0.8, 0.9, -0.2, 0.6, 0.1, 0.1, 0.9, -0.9, -0.8, -1.0, 0.7, 0.6, 0.7, 1.0, 0.6, -0.1, 0.6, -0.8, 0.3, -0.7, 0.9, 0.0, -0.2, -0.5, 0.5, -0.1, 0.1, -1.0, 0.2, 0.2, 0.2, 0.9, 0.4, -0.3, -0.1, 0.4, -0.9, 0.3, 0.3, -0.6, -0.7, -0.4, -0.3, 0.1, -0.1, 1.0, -0.8, -0.6, -0.7, 0.3, -0.5, -0.1, -0.5, -0.7, -0.8, 0.3, -0.7, -0.6, -0.3, 0.6, -0.8, 0.7, -0.8, 1.0, -0.1, 1.0, 0.2, 0.5, -0.9, -0.4, -0.8, -0.4, -0.8};
    private static final double[] CW = new double[] {-0.4, -0.2, -0.9, 0.4, 0.1, -0.5, 0.0, -0.8, 0.2, 0.9, -0.4, 0.3, -0.7, 0.4, -0.4, -0.6, 0.2, -1.0, 0.7, -1.0, 0.4, -0.5, 0.5, 0.9, -0.5, 0.2, 0.2, 0.1, -0.6, 0.9, -0.1, 0.7, 0.4, -0.4, 0.6, -0.2};
    private static final double[] CONV_VALID = new double[] {-1.06, 0.34, -1.33, -0.03, -0.59, 0.66, -1.47, 0.82, -2.26, 2.06, -1.09, 1.5, -1.27, -0.43, 1.47, -2.32, -0.45, -0.21, 0.79, -0.76, 0.96, -0.56, 0.63, 0.09, 0.65, -1.44, 1.47, -0.86, 0.9, 0.07, -0.28, -1.03, 1.74, 3.22, 0.8, 1.48, -2.08, 1.37, -1.6, -1.14, 0.8, -0.84, 0.18, 1.31, 0.91, 0.3, -0.49, 0.44, 0.61, 1.99, -0.5, -1.07, -0.22, -0.84};
    private static final double[] CONV_FULL = new double[] {-0.04, -0.98, -0.64, 0.0, -0.5, 0.19, 1.26, 0.24, 0.28, -0.3, -0.73, -1.06, 0.34, -1.33, 0.84, -0.55, -0.03, -0.59, 0.66, 0.36, 0.38, -1.47, 0.82, -2.26, -0.5, 0.99, -0.84, -0.01, 0.49, 1.1, -0.18, 0.55, -0.59, -0.12, -0.23, 0.63, -0.82, -0.65, 0.53, -0.56, -0.06, 0.24, -1.26, 0.86, -0.94, -0.35, 2.06, -1.09, 1.5, -0.95, -0.94, -1.27, -0.43, 1.47, -0.82, 0.94, -2.32, -0.45, -0.21, 0.61, 0.45, 0.34, -1.89, -0.99, 0.36, -0.1, 1.42, 0.05, 0.55, -0.34, -0.15, 0.46, 0.41, -0.14, 0.44, 0.6, -0.85, 0.19, -0.68, 0.56, -0.27, 0.79, -0.76, 0.96, 0.06, -0.22, -0.56, 0.63, 0.09, 0.33, -0.08, 0.65, -1.44, 1.47, 0.25, -0.24, -0.33, 1.2, -0.01, -0.85, 0.72, -1.24, 0.77, 0.18, 0.55, 0.12, 0.66, 0.5, 0.04, 0.74, 0.01, -0.52, -0.64, 1.02, -0.21, 0.02, -0.86, 0.9, 0.07, -0.66, 0.37, -0.28, -1.03, 1.74, 0.84, -1.14, 3.22, 0.8, 1.48, -0.33, -0.65, -0.31, -0.71, 0.63, -0.84, 0.19, 0.0, 0.16, 0.2, 0.01, -0.28, 0.09, 0.69, 0.0, 0.34, -0.79, 0.55, 1.68, -1.22, 1.41, -0.0, -2.08, 1.37, -1.6, 1.15, 0.2, -1.14, 0.8, -0.84, 0.71, -0.22, 0.18, 1.31, 0.91, 1.48, 0.42, -0.26, 1.69, 0.6, 0.59, -0.14, -1.16, -0.44, -0.76, -0.22, 0.22, -0.42, -0.81, 0.81, -0.67, -0.43, -0.57, 0.6, 0.19, -0.51, -0.29, 0.3, -0.49, 0.44, -0.51, -0.94, 0.61, 1.99, -0.5, -1.21, 1.15, -1.07, -0.22, -0.84, -0.44, -0.1, 1.07, -0.01, -1.03, -0.18, -0.42, 0.17, -0.47, -0.19, -0.29};
    private static final double[] CONV_HALF = new double[] {0.19, 1.26, 0.24, 0.28, -0.3, -0.73, -1.06, 0.34, -1.33, 0.84, -0.55, -0.03, -0.59, 0.66, 0.36, 0.38, -1.47, 0.82, -2.26, -0.5, 0.99, -0.84, -0.01, 0.49, 1.1, -0.06, 0.24, -1.26, 0.86, -0.94, -0.35, 2.06, -1.09, 1.5, -0.95, -0.94, -1.27, -0.43, 1.47, -0.82, 0.94, -2.32, -0.45, -0.21, 0.61, 0.45, 0.34, -1.89, -0.99, 0.36, 0.6, -0.85, 0.19, -0.68, 0.56, -0.27, 0.79, -0.76, 0.96, 0.06, -0.22, -0.56, 0.63, 0.09, 0.33, -0.08, 0.65, -1.44, 1.47, 0.25, -0.24, -0.33, 1.2, -0.01, -0.85, 0.01, -0.52, -0.64, 1.02, -0.21, 0.02, -0.86, 0.9, 0.07, -0.66, 0.37, -0.28, -1.03, 1.74, 0.84, -1.14, 3.22, 0.8, 1.48, -0.33, -0.65, -0.31, -0.71, 0.63, -0.84, -0.79, 0.55, 1.68, -1.22, 1.41, -0.0, -2.08, 1.37, -1.6, 1.15, 0.2, -1.14, 0.8, -0.84, 0.71, -0.22, 0.18, 1.31, 0.91, 1.48, 0.42, -0.26, 1.69, 0.6, 0.59, -0.43, -0.57, 0.6, 0.19, -0.51, -0.29, 0.3, -0.49, 0.44, -0.51, -0.94, 0.61, 1.99, -0.5, -1.21, 1.15, -1.07, -0.22, -0.84, -0.44, -0.1, 1.07, -0.01, -1.03, -0.18};
    private static final double[] CONV_PAD12 = new double[] {0.0, 0.19, 1.26, 0.24, 0.28, -0.3, 0.0, 0.0, -0.73, -1.06, 0.34, -1.33, 0.84, 0.0, 0.0, -0.55, -0.03, -0.59, 0.66, 0.36, 0.0, 0.0, 0.38, -1.47, 0.82, -2.26, -0.5, 0.0, 0.0, 0.99, -0.84, -0.01, 0.49, 1.1, 0.0, 0.0, -0.06, 0.24, -1.26, 0.86, -0.94, 0.0, 0.0, -0.35, 2.06, -1.09, 1.5, -0.95, 0.0, 0.0, -0.94, -1.27, -0.43, 1.47, -0.82, 0.0, 0.0, 0.94, -2.32, -0.45, -0.21, 0.61, 0.0, 0.0, 0.45, 0.34, -1.89, -0.99, 0.36, 0.0, 0.0, 0.6, -0.85, 0.19, -0.68, 0.56, 0.0, 0.0, -0.27, 0.79, -0.76, 0.96, 0.06, 0.0, 0.0, -0.22, -0.56, 0.63, 0.09, 0.33, 0.0, 0.0, -0.08, 0.65, -1.44, 1.47, 0.25, 0.0, 0.0, -0.24, -0.33, 1.2, -0.01, -0.85, 0.0, 0.0, 0.01, -0.52, -0.64, 1.02, -0.21, 0.0, 0.0, 0.02, -0.86, 0.9, 0.07, -0.66, 0.0, 0.0, 0.37, -0.28, -1.03, 1.74, 0.84, 0.0, 0.0, -1.14, 3.22, 0.8, 1.48, -0.33, 0.0, 0.0, -0.65, -0.31, -0.71, 0.63, -0.84, 0.0, 0.0, -0.79, 0.55, 1.68, -1.22, 1.41, 0.0, 0.0, -0.0, -2.08, 1.37, -1.6, 1.15, 0.0, 0.0, 0.2, -1.14, 0.8, -0.84, 0.71, 0.0, 0.0, -0.22, 0.18, 1.31, 0.91, 1.48, 0.0, 0.0, 0.42, -0.26, 1.69, 0.6, 0.59, 0.0, 0.0, -0.43, -0.57, 0.6, 0.19, -0.51, 0.0, 0.0, -0.29, 0.3, -0.49, 0.44, -0.51, 0.0, 0.0, -0.94, 0.61, 1.99, -0.5, -1.21, 0.0, 0.0, 1.15, -1.07, -0.22, -0.84, -0.44, 0.0, 0.0, -0.1, 1.07, -0.01, -1.03, -0.18, 0.0};
    private static final double[] CONV_STRIDE21 = new double[] {-1.06, 0.34, -1.33, -1.47, 0.82, -2.26, 2.06, -1.09, 1.5, -2.32, -0.45, -0.21, 0.79, -0.76, 0.96, 0.65, -1.44, 1.47, -0.86, 0.9, 0.07, 3.22, 0.8, 1.48, -2.08, 1.37, -1.6, 0.18, 1.31, 0.91, 0.3, -0.49, 0.44, -1.07, -0.22, -0.84};
    private static final double[] CONV_NOFLIP = new double[] {-0.06, -1.39, 0.86, -1.66, 0.59, -0.22, -0.29, -1.73, -0.72, -0.18, -0.46, -1.72, -1.58, 0.78, -1.45, -1.8, 1.91, -0.66, -0.78, 0.8, -0.9, 1.36, -1.64, -0.18, 0.71, 0.48, 0.11, -0.17, 0.23, -0.13, -0.12, 0.86, 0.82, 0.22, 0.47, -0.23, -0.06, -0.47, 2.1, 2.49, -1.03, 1.85, 1.47, -1.56, 1.56, 0.16, -0.35, -0.06, -0.51, -0.63, 0.2, -0.76, 0.42, -0.34};
    private static final double[] CONV_FULLSTRIDE = new double[] {-0.04, -0.64, -0.5, -0.73, 0.34, 0.84, 0.38, 0.82, -0.5, -0.18, -0.59, -0.23, 0.63, -0.65, -0.56, -0.35, -1.09, -0.95, 0.94, -0.45, 0.61, -0.1, 0.05, -0.34, -0.15, 0.41, 0.44, -0.27, -0.76, 0.06, -0.08, -1.44, 0.25, 0.72, 0.77, 0.55, 0.12, 0.5, 0.74, 0.02, 0.9, -0.66, -1.14, 0.8, -0.33, 0.19, 0.16, 0.01, -0.28, 0.69, 0.34, -0.0, 1.37, 1.15, -0.22, 1.31, 1.48, -0.14, -0.44, -0.22, 0.22, -0.81, -0.67, -0.29, -0.49, -0.51, 1.15, -0.22, -0.44, -0.42, -0.47, -0.29};
    private static final double[] CONV_DIL21 = new double[] {0.31, -1.4, -1.68, -0.31, 0.2, -0.79, -0.45, -0.07, 1.34, 1.29, -0.22, 1.63, -0.75, 0.94, -1.07, -1.14, 0.15, 0.0};
    private static final double[] PX = new double[] {-0.2, 0.4, -1.0, -0.4, -0.7, -0.8, -0.6, -0.3, -0.2, 0.1, -0.2, 0.4, -0.6, 0.8, -0.9, 0.3, -0.2, 0.1, -0.7, -0.6, 0.6, 0.9, -0.4, 0.4, 0.8, 0.8, -0.8, -0.9, -0.7, 0.8, -0.8, -0.2, 0.9, 0.1, 0.4, -0.4, 0.4, 0.7, -1.0, 0.5, 1.0, 0.5, -0.4, 0.6, -0.8, -0.1, 0.8, -0.4, -0.4, -0.7};
    private static final double[] POOL_MAX22 = new double[] {0.4, -0.2, 0.4, 0.8, 0.8, 0.9, 1.0, 0.7};
    private static final double[] POOL_MAX22NB = new double[] {0.4, -0.2, 0.1, 0.4, 0.8, -0.6, 0.9, 0.4, 0.8, 0.8, 0.9, 0.8, 1.0, 0.7, 0.5, 0.8, -0.4, -0.7};
    private static final double[] POOL_MAX33S1 = new double[] {0.4, 0.8, 0.8, 0.4, 0.8, 0.8, 0.9, 0.9, 0.8, 0.9, 0.9, 0.9, 1.0, 0.9, 0.9, 1.0, 0.8, 0.7};
    private static final double[] POOL_MAX32S21NB = new double[] {0.4, 0.4, 0.8, 0.8, 0.9, 0.9, 0.8, 0.8, 0.8, 0.9, 0.9, 0.8, 1.0, 0.8, 0.7, 0.6};
    private static final double[] POOL_MAXPAD = new double[] {0.4, 0.4, 0.1, 0.4, 0.8, 0.8, 0.9, 0.9, 0.8, 0.8, 0.9, 0.8, 1.0, 0.9, 0.6, 1.0, 0.8, 0.6};
    private static final double[] POOL_SUMPAD = new double[] {-1.2, -2.1, -1.2, -1.1, -1.3, -1.5, 1.6, 0.1, -0.1, -1.0, -1.6, 0.6, 0.5, 1.6, -0.2, 2.2, 0.7, -1.3};
    private static final double[] POOL_INCPAD = new double[] {-0.133333333333, -0.233333333333, -0.133333333333, -0.122222222222, -0.144444444444, -0.166666666667, 0.177777777778, 0.011111111111, -0.011111111111, -0.111111111111, -0.177777777778, 0.066666666667, 0.055555555556, 0.177777777778, -0.022222222222, 0.244444444444, 0.077777777778, -0.144444444444};
    private static final double[] POOL_EXCPAD = new double[] {-0.3, -0.35, -0.3, -0.183333333333, -0.144444444444, -0.25, 0.4, 0.016666666667, -0.025, -0.25, -0.266666666667, 0.15, 0.083333333333, 0.177777777778, -0.033333333333, 0.55, 0.116666666667, -0.325};
    private static final double[] POOL_INCNB = new double[] {-0.3, -0.475, -0.3, 0.075, -0.1, -0.75, 0.75, 0.0, 0.8, -0.25, -0.15, 0.6, 0.375, -0.025, -0.15, 0.35, -0.4, -0.7};
    private static final double[] POOL_TIESX = new double[] {1.0, 3.0, 3.0, 0.0, 2.0, 3.0, 1.0, 1.0, 0.0, 0.0, 5.0, 5.0, 0.0, 0.0, 5.0, 2.0};
    private static final double[] POOL_TIESG = new double[] {0.0, 10.0, 20.0, 0.0, 0.0, 10.0, 0.0, 0.0, 30.0, 30.0, 40.0, 40.0, 30.0, 30.0, 40.0, 0.0};
    private static final double[] POOL_TIES_OVERLAP = new double[] {0.0, 3.0, 5.0, 0.0, 0.0, 7.0, 0.0, 0.0, 7.0, 7.0, 28.0, 15.0, 7.0, 7.0, 17.0, 0.0};

    private static Conv2dOp conv(Border b, int ph, int pw, int sh, int sw, int dh, int dw, boolean flip) {
        return new Conv2dOp(Role.FORWARD, b, ph, pw, sh, sw, dh, dw, flip);
    }

    private static final Conv2dOp VALID = conv(Border.EXPLICIT, 0, 0, 1, 1, 1, 1, true);

    private NDArray run(Conv2dOp op, double[] x, int[] xs, double[] w, int[] ws) {
        return Eager.evaluate(t.apply(op, t.constant(NDArray.of(x, xs)), t.constant(NDArray.of(w, ws))));
    }

    private void assertConv(Conv2dOp op, double[] expected, int... shape) {
        NDArray out = run(op, CX, new int[] {2, 2, 5, 4}, CW, new int[] {3, 2, 3, 2});
        assertArrayEquals(shape, out.shape(), op.name());
        assertArrayEquals(expected, out.data(), 1e-9, op.name());
    }

    @Test
    void convolutionMatchesScipyForEveryBorderModeStrideAndFlip() {
        assertConv(VALID, CONV_VALID, 2, 3, 3, 3);
        assertConv(conv(Border.FULL, 0, 0, 1, 1, 1, 1, true), CONV_FULL, 2, 3, 7, 5);
        assertConv(conv(Border.HALF, 0, 0, 1, 1, 1, 1, true), CONV_HALF, 2, 3, 5, 5);
        assertConv(conv(Border.EXPLICIT, 1, 2, 1, 1, 1, 1, true), CONV_PAD12, 2, 3, 5, 7);
        assertConv(conv(Border.EXPLICIT, 0, 0, 2, 1, 1, 1, true), CONV_STRIDE21, 2, 3, 2, 3);
        assertConv(conv(Border.EXPLICIT, 0, 0, 1, 1, 1, 1, false), CONV_NOFLIP, 2, 3, 3, 3);
        assertConv(conv(Border.FULL, 0, 0, 2, 2, 1, 1, true), CONV_FULLSTRIDE, 2, 3, 4, 3);
        assertConv(conv(Border.EXPLICIT, 0, 0, 1, 1, 2, 1, true), CONV_DIL21, 2, 3, 1, 3);
    }

    private void gradCheck(Conv2dOp op, int[] xs, int[] ws, long seed) {
        GradCheck.check(v -> t.apply(op, v.get(0), v.get(1)), GradCheck.rand(seed, -1, 1, xs), GradCheck.rand(seed + 1, -1, 1, ws));
    }

    @Test
    void convolutionGradientsForEveryBorderModeAndStride() {
        int[] xs = {2, 2, 5, 4}, ws = {3, 2, 3, 2};
        gradCheck(VALID, xs, ws, 1);
        gradCheck(conv(Border.FULL, 0, 0, 1, 1, 1, 1, true), xs, ws, 3);
        gradCheck(conv(Border.HALF, 0, 0, 1, 1, 1, 1, true), xs, ws, 5);
        gradCheck(conv(Border.EXPLICIT, 1, 2, 1, 1, 1, 1, true), xs, ws, 7);
        gradCheck(conv(Border.EXPLICIT, 0, 0, 2, 3, 1, 1, true), new int[] {1, 2, 6, 7}, ws, 9); // stride leaves pixels unused
        gradCheck(conv(Border.FULL, 0, 0, 2, 2, 1, 1, false), xs, ws, 11);
        gradCheck(conv(Border.HALF, 0, 0, 1, 2, 2, 1, true), xs, ws, 13);
    }

    @Test
    void gradientOpsHaveGradientsToo() {
        Conv2dOp op = conv(Border.EXPLICIT, 1, 0, 2, 1, 1, 1, true);
        NDArray x = GradCheck.rand(21, -1, 1, 2, 2, 5, 4), w = GradCheck.rand(22, -1, 1, 3, 2, 3, 2);
        NDArray g = GradCheck.rand(23, -1, 1, 2, 3, 3, 3); // the forward output's shape: (5 + 2 - 3) / 2 + 1 rows
        GradCheck.check(v -> t.apply(op.withRole(Role.GRAD_INPUTS), v.get(0), v.get(1), t.constant(x)), g, w);
        GradCheck.check(v -> t.apply(op.withRole(Role.GRAD_FILTERS), v.get(0), v.get(1), t.constant(w)), x, g);
    }

    @Test
    void transposeTakesTheInputShapeAsAnIntVector() {
        Conv2dOp op = conv(Border.HALF, 0, 0, 2, 1, 1, 1, true).withRole(Role.GRAD_INPUTS);
        NDArray w = GradCheck.rand(51, -1, 1, 3, 2, 3, 2);
        Variable shape = t.intVector(2, 2, 5, 4);
        NDArray g = GradCheck.rand(52, -1, 1, 2, 3, 3, 5);
        GradCheck.check(v -> t.apply(op, v.get(0), v.get(1), shape), g, w);
        NDArray viaTensor = Eager.evaluate(t.apply(op, t.constant(g), t.constant(w), t.constant(NDArray.zeros(tdl.graph.DType.FLOAT64, 2, 2, 5, 4))));
        assertArrayEquals(viaTensor.data(), Eager.evaluate(t.apply(op, t.constant(g), t.constant(w), shape)).data(), 1e-12);
    }

    @Test
    void wrongRankIsTypeErrorNamingTheType() {
        Variable m = t.constant(NDArray.of(new double[4], 2, 2));
        Variable w = t.constant(NDArray.of(new double[4], 1, 1, 2, 2));
        GraphError e = assertThrows(GraphError.class, () -> t.apply(VALID, m, w));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("4-D input") && e.getMessage().contains("matrix"), e.getMessage());
    }

    @Test
    void channelMismatchAndOversizedFilterNameBothShapes() {
        GraphError e = assertThrows(GraphError.class,
                () -> run(VALID, new double[2 * 3 * 4 * 4], new int[] {2, 3, 4, 4}, new double[2 * 2 * 3 * 3], new int[] {2, 2, 3, 3}));
        assertEquals(ErrorKind.SHAPE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("(2, 3, 4, 4)") && e.getMessage().contains("(2, 2, 3, 3)"), e.getMessage());
        assertTrue(e.blamed() != null);
        e = assertThrows(GraphError.class,
                () -> run(VALID, new double[2 * 4 * 4], new int[] {1, 2, 4, 4}, new double[2 * 5 * 3], new int[] {1, 2, 5, 3}));
        assertEquals(ErrorKind.SHAPE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("(1, 2, 4, 4)") && e.getMessage().contains("(1, 2, 5, 3)")
                && e.getMessage().contains("valid"), e.getMessage());
        // the same filter fits in 'full' mode
        assertArrayEquals(new int[] {1, 1, 8, 6}, run(conv(Border.FULL, 0, 0, 1, 1, 1, 1, true), new double[2 * 4 * 4],
                new int[] {1, 2, 4, 4}, new double[2 * 5 * 3], new int[] {1, 2, 5, 3}).shape());
    }

    @Test
    void repeatedCallsReuseTheOutput() {
        tdl.eval.Kernel k = tdl.eval.Kernels.forApply(tdl.graph.Apply.make(VALID,
                java.util.List.of(t.constant(NDArray.of(CX, 2, 2, 5, 4)), t.constant(NDArray.of(CW, 3, 2, 3, 2))), "test"));
        NDArray[] in = {NDArray.of(CX, 2, 2, 5, 4), NDArray.of(CW, 3, 2, 3, 2)};
        NDArray first = k.run(in, null);
        NDArray second = k.run(in, first);
        assertTrue(first == second);
        assertArrayEquals(CONV_VALID, second.data(), 1e-9);
    }

    // ---- pooling: x (1, 2, 5, 5) = np.round(RandomState(1).uniform(-1, 1, shape), 1) ----

    private static Pool2dOp pool(Mode m, int wh, int ww, int sh, int sw, int ph, int pw, boolean ib) {
        return new Pool2dOp(m, false, wh, ww, sh, sw, ph, pw, ib);
    }

    private void assertPool(Pool2dOp op, double[] expected, int... shape) {
        NDArray out = Eager.evaluate(t.apply(op, t.constant(NDArray.of(PX, 1, 2, 5, 5))));
        assertArrayEquals(shape, out.shape(), op.name());
        assertArrayEquals(expected, out.data(), 1e-9, op.name());
    }

    @Test
    void poolingMatchesTheanosLoopsForEveryModeBorderAndPadding() {
        assertPool(pool(Mode.MAX, 2, 2, 2, 2, 0, 0, true), POOL_MAX22, 1, 2, 2, 2);
        assertPool(pool(Mode.MAX, 2, 2, 2, 2, 0, 0, false), POOL_MAX22NB, 1, 2, 3, 3);
        assertPool(pool(Mode.MAX, 3, 3, 1, 1, 0, 0, true), POOL_MAX33S1, 1, 2, 3, 3);
        assertPool(pool(Mode.MAX, 3, 2, 2, 1, 0, 0, false), POOL_MAX32S21NB, 1, 2, 2, 4);
        assertPool(pool(Mode.MAX, 3, 3, 2, 2, 1, 1, true), POOL_MAXPAD, 1, 2, 3, 3);
        assertPool(pool(Mode.SUM, 3, 3, 2, 2, 1, 1, true), POOL_SUMPAD, 1, 2, 3, 3);
        assertPool(pool(Mode.AVERAGE_INC_PAD, 3, 3, 2, 2, 1, 1, true), POOL_INCPAD, 1, 2, 3, 3);
        assertPool(pool(Mode.AVERAGE_EXC_PAD, 3, 3, 2, 2, 1, 1, true), POOL_EXCPAD, 1, 2, 3, 3);
        assertPool(pool(Mode.AVERAGE_INC_PAD, 2, 2, 2, 2, 0, 0, false), POOL_INCNB, 1, 2, 3, 3);
    }

    @Test
    void poolingGradientsForEveryMode() {
        // distinct values (no ties) so the max is differentiable at the point
        for (Mode m : Mode.values()) {
            for (Pool2dOp op : new Pool2dOp[] {pool(m, 2, 2, 2, 2, 0, 0, true), pool(m, 2, 3, 2, 1, 0, 0, false),
                    pool(m, 3, 3, 2, 2, 1, 2, true), pool(m, 3, 2, 1, 1, 0, 0, true)}) {
                GradCheck.check(v -> t.apply(op, v.get(0)), GradCheck.rand(31 + m.ordinal(), -1, 1, 2, 2, 5, 6));
            }
        }
    }

    @Test
    void averagePoolingHasSecondDerivatives() {
        Pool2dOp op = pool(Mode.AVERAGE_EXC_PAD, 3, 3, 2, 2, 1, 1, true);
        NDArray x = GradCheck.rand(41, -1, 1, 1, 2, 5, 5);
        GradCheck.check(v -> t.apply(new Pool2dOp(op.mode(), true, 3, 3, 2, 2, 1, 1, true), t.constant(x), v.get(0)),
                GradCheck.rand(42, -1, 1, 1, 2, 3, 3));
    }

    @Test
    void maxGradientGoesToEveryTiedMaximumAsTheanosMaxPoolGrad() {
        Variable x = t.constant(NDArray.of(POOL_TIESX, 1, 1, 4, 4));
        Variable g = t.constant(NDArray.of(new double[] {10, 20, 30, 40}, 1, 1, 2, 2));
        NDArray gx = Eager.evaluate(t.apply(new Pool2dOp(Mode.MAX, true, 2, 2, 2, 2, 0, 0, true), x, g));
        assertArrayEquals(POOL_TIESG, gx.data(), 1e-12);
        Variable g9 = t.constant(NDArray.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3));
        gx = Eager.evaluate(t.apply(new Pool2dOp(Mode.MAX, true, 2, 2, 1, 1, 0, 0, true), x, g9));
        assertArrayEquals(POOL_TIES_OVERLAP, gx.data(), 1e-12);
    }

    @Test
    void poolingWrongRankIsTypeError() {
        GraphError e = assertThrows(GraphError.class,
                () -> t.apply(pool(Mode.MAX, 2, 2, 2, 2, 0, 0, true), t.constant(NDArray.of(new double[4], 2, 2))));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("4-D"), e.getMessage());
    }
}
