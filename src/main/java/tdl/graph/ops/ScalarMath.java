package tdl.graph.ops;

/**
 * Scalar numerics that several {@link Scalar} rules and the kernels share: Python's modulo, a
 * softplus that does not overflow, and the logistic function with its own exp (Cody-Waite reduction
 * by ln 2, a degree-13 Taylor polynomial in Horner form with fused multiply-adds, and an exact
 * scaling by 2^k). The logistic uses only additions, multiplications, fmas and one division, each
 * exactly rounded, so this scalar code and the kernels' Vector API loop give the same bits, compiled
 * or not, within a few ulps of 1 / (1 + exp(-x)); below x = -708 it is 0, as numpy's is.
 */
public final class ScalarMath {
    public static final double LOG2E = 1.4426950408889634;
    public static final double LN2_HI = 0.6931471803691238;      // the top 32 bits of ln 2: k * LN2_HI is exact
    public static final double LN2_LO = 1.9082149292705877e-10;
    public static final double ROUND = 0x1.8p52;                 // adding and subtracting it rounds to an integer
    public static final double FLOOR = -708;                     // exp(-708) is still a normal double
    private static final double[] C = taylor();                  // 1/13!, 1/12!, ..., 1/1!, 1/0!

    private ScalarMath() {}

    private static double[] taylor() {
        double[] c = new double[14];
        double f = 1;
        for (int n = 1; n <= 13; n++) f *= n;
        for (int i = 0; i <= 13; i++) {
            c[i] = 1.0 / f;
            f /= Math.max(1, 13 - i);
        }
        return c;
    }

    /** The Taylor coefficients, highest order first (a copy: the vector loop keeps its own). */
    public static double[] taylorCoefficients() { return C.clone(); }

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
        double e = t < FLOOR ? 0.0 : expNonPositive(Math.max(t, FLOOR));
        return (x >= 0 ? 1.0 : e) / (1.0 + e);
    }

    /** log(1 + exp(x)) without overflow for large x. */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** Python's modulo: the result has the sign of the divisor. */
    public static double pyMod(double a, double b) {
        double m = a % b;
        return m != 0 && (m < 0) != (b < 0) ? m + b : m;
    }

    /** numpy's sign: NaN stays NaN, zero stays zero. */
    public static double sign(double a) {
        return Double.isNaN(a) ? a : Math.signum(a);
    }
}
