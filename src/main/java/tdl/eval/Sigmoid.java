package tdl.eval;

/**
 * The logistic function with its own exp: Cody-Waite reduction by ln 2, a degree-13 Taylor
 * polynomial in Horner form with fused multiply-adds, and an exact scaling by 2^k. Only additions,
 * multiplications, fmas and a division, each exactly rounded, so the scalar code here and the
 * Vector API loop ({@link VectorSigmoid}) give the same bits, whether the JIT has compiled them or
 * not, and the result is within a few ulps of 1 / (1 + exp(-x)) (for x < -708, where that is
 * below 1e-307, it is 0).
 */
public final class Sigmoid {
    static final double LOG2E = 1.4426950408889634;
    static final double LN2_HI = 0.6931471803691238;      // the top 32 bits of ln 2: k * LN2_HI is exact
    static final double LN2_LO = 1.9082149292705877e-10;
    static final double ROUND = 0x1.8p52;                 // adding and subtracting it rounds to an integer
    static final double FLOOR = -708;                     // exp(-708) is still a normal double
    static final double[] C = new double[14];             // 1/13!, 1/12!, ..., 1/1!, 1/0!

    static {
        double f = 1;
        for (int n = 1; n <= 13; n++) f *= n;
        for (int i = 0; i <= 13; i++) {
            C[i] = 1.0 / f;
            f /= Math.max(1, 13 - i);
        }
    }

    private Sigmoid() {}

    /** e^t for t in [FLOOR, 0] (and NaN for NaN). */
    static double expNonPositive(double t) {
        double kd = (t * LOG2E + ROUND) - ROUND;
        double r = Math.fma(-kd, LN2_HI, t);
        r = Math.fma(-kd, LN2_LO, r);
        double p = C[0];
        for (int i = 1; i < C.length; i++) p = Math.fma(p, r, C[i]);
        return p * Double.longBitsToDouble(((long) kd + 1023) << 52);
    }

    public static double sigmoid(double x) {
        double t = -Math.abs(x);
        // below exp(-708) the true value is subnormal or 0: taken as 0, so sigmoid(-1000) is 0 as in numpy
        double e = t < FLOOR ? 0.0 : expNonPositive(Math.max(t, FLOOR));
        return (x >= 0 ? 1.0 : e) / (1.0 + e);
    }

    /** o[oo + i] = sigmoid(x[xo + i]) for i in [0, n). */
    public static void apply(double[] x, int xo, double[] o, int oo, int n) {
        int done = Gemm.VECTOR ? VectorSigmoid.apply(x, xo, o, oo, n) : 0;
        for (int i = done; i < n; i++) o[oo + i] = sigmoid(x[xo + i]);
    }
}
