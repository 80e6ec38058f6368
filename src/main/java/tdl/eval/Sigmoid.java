package tdl.eval;

import tdl.graph.ops.ScalarMath;

/**
 * The functions built on {@link ScalarMath}'s exp over an array: the logistic, softplus and tanh.
 * Whole vectors go through {@link VectorSigmoid}, {@link VectorSoftplus} and {@link VectorTanh}
 * when the Vector API is present, the rest through the scalar functions, which perform the same
 * operations in the same order, so every element gets the same bits either way.
 */
public final class Sigmoid {
    static final double LOG2E = ScalarMath.LOG2E;
    static final double LN2_HI = ScalarMath.LN2_HI;
    static final double LN2_LO = ScalarMath.LN2_LO;
    static final double ROUND = ScalarMath.ROUND;
    static final double FLOOR = ScalarMath.FLOOR;
    static final double[] C = ScalarMath.taylorCoefficients();

    private Sigmoid() {}

    public static double sigmoid(double x) {
        return ScalarMath.sigmoid(x);
    }

    /** o[oo + i] = softplus(x[xo + i]) for i in [0, n): whole vectors through {@link VectorSoftplus}, the same bits. */
    public static void softplus(double[] x, int xo, double[] o, int oo, int n) {
        int done = Gemm.VECTOR && VectorSoftplus.usable() ? VectorSoftplus.apply(x, xo, o, oo, n) : 0;
        for (int i = done; i < n; i++) o[oo + i] = ScalarMath.softplus(x[xo + i]);
    }

    /** o[oo + i] = tanh(x[xo + i]) for i in [0, n): whole vectors through {@link VectorTanh}, the same bits. */
    public static void tanh(double[] x, int xo, double[] o, int oo, int n) {
        int done = Gemm.VECTOR && VectorTanh.usable() ? VectorTanh.apply(x, xo, o, oo, n) : 0;
        for (int i = done; i < n; i++) o[oo + i] = ScalarMath.tanh(x[xo + i]);
    }

    /** o[oo + i] = sigmoid(x[xo + i]) for i in [0, n). */
    public static void apply(double[] x, int xo, double[] o, int oo, int n) {
        int done = Gemm.VECTOR && VectorSigmoid.usable() ? VectorSigmoid.apply(x, xo, o, oo, n) : 0;
        for (int i = done; i < n; i++) o[oo + i] = ScalarMath.sigmoid(x[xo + i]);
    }
}
