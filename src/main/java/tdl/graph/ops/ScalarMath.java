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
    public static final double LN2 = 0.6931471805599453;
    /** sqrt(2) - 1: for e above it, log1p(e) is taken as ln 2 + log((1 + e) / 2). */
    public static final double SQRT2_M1 = Math.sqrt(2.0) - 1.0;
    static final double LN10 = 2.302585092994046;
    private static final double[] C = taylor();                  // 1/13!, 1/12!, ..., 1/1!, 1/0!
    private static final double[] ATANH = atanhSeries();         // 1/23, 1/21, ..., 1/5, 1/3

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

    private static double[] atanhSeries() {
        double[] a = new double[11];
        for (int i = 0; i < a.length; i++) a[i] = 1.0 / (23 - 2 * i);
        return a;
    }

    /** The atanh series' coefficients of {@link #log1pUnit}, highest order first (a copy). */
    public static double[] atanhCoefficients() { return ATANH.clone(); }

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

    /**
     * e^t - 1 for t in [FLOOR, 0] (NaN for NaN): the exp above without its final 1 + (q = r P'(r)),
     * scaled as 2^k q + (2^k - 1) in one fma, so a t near 0 keeps its digits (2^k - 1 is exact).
     */
    static double expm1NonPositive(double t) {
        double kd = (t * LOG2E + ROUND) - ROUND;
        double r = Math.fma(-kd, LN2_HI, t);
        r = Math.fma(-kd, LN2_LO, r);
        double p = C[0];
        for (int i = 1; i < C.length - 1; i++) p = Math.fma(p, r, C[i]);
        double s = Double.longBitsToDouble(((long) kd + 1023) << 52);
        return Math.fma(s, p * r, s - 1.0);
    }

    /**
     * tanh(x) = sign(x) (-m / (2 + m)) with m = e^(-2|x|) - 1 from {@link #expm1NonPositive}: no
     * cancellation near 0, exactly 1 in magnitude past |x| = 354. Only exactly rounded operations,
     * so the kernels' vector loop gives the same bits; within a few ulps of Math.tanh (the test).
     */
    public static double tanh(double x) {
        double t = -2.0 * Math.abs(x);
        double m = t < FLOOR ? -1.0 : expm1NonPositive(Math.max(t, FLOOR));
        return Math.copySign(-m / (2.0 + m), x);
    }

    public static double sigmoid(double x) {
        double t = -Math.abs(x);
        double e = t < FLOOR ? 0.0 : expNonPositive(Math.max(t, FLOOR));
        return (x >= 0 ? 1.0 : e) / (1.0 + e);
    }

    /**
     * log(1 + exp(x)) without overflow: max(x, 0) + log1p(e) with e = exp(-|x|) from the logistic's
     * exp and {@link #log1pUnit}. Only additions, multiplications, fmas, one division and exact
     * scalings, so the kernels' vector loop (the same operations in the same order) gives the same
     * bits; within a few ulps of the exact value (the test compares it with log1p and exp).
     */
    public static double softplus(double x) {
        double t = -Math.abs(x);
        double e = t < FLOOR ? 0.0 : expNonPositive(Math.max(t, FLOOR));
        return Math.max(x, 0.0) + log1pUnit(e);
    }

    /**
     * log(1 + e) for e in [0, 1] (NaN for NaN). 1 + e = 2^j m with m in [sqrt(2)/2, sqrt(2)], and
     * log m = 2 atanh(f) with f = (m - 1) / (m + 1), written in e ((e - 1) / (e + 3) when j = 1, else
     * e / (e + 2)) so that 1 + e is never rounded; the series runs to f^23 (|f| <= 0.172).
     */
    public static double log1pUnit(double e) {
        boolean big = e > SQRT2_M1;
        double f = (big ? e - 1.0 : e) / (big ? e + 3.0 : e + 2.0);
        double z = f * f;
        double p = ATANH[0];
        for (int i = 1; i < ATANH.length; i++) p = Math.fma(p, z, ATANH[i]);
        double twoF = f + f;
        return (big ? LN2 : 0.0) + Math.fma(twoF * z, p, twoF);
    }

    /** Python's modulo: the result has the sign of the divisor. */
    public static double pyMod(double a, double b) {
        double m = a % b;
        return m != 0 && (m < 0) != (b < 0) ? m + b : m;
    }

    /** log2, exact at powers of two as numpy's: x = m * 2^e with m in [1, 2) gives e + log2(m). */
    public static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x) || x < Double.MIN_NORMAL) return Math.log(x) / LN2;
        int e = Math.getExponent(x);
        double m = x / Math.scalb(1.0, e);
        return e + Math.log(m) / LN2;
    }

    /** asinh without cancellation for small |x| and without overflow for large |x|. */
    public static double asinh(double x) {
        double a = Math.abs(x);
        double r = a > 1e8 ? Math.log(a) + LN2 : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, x);
    }

    /** acosh for x >= 1 (NaN below, as numpy). */
    public static double acosh(double x) {
        if (x > 1e8) return Math.log(x) + LN2;
        return Math.log1p(x - 1 + Math.sqrt((x - 1) * (x + 1)));
    }

    /** atanh for |x| <= 1 (+-inf at +-1, NaN beyond, as numpy). */
    public static double atanh(double x) {
        return 0.5 * Math.log1p(2 * x / (1 - x));
    }

    /** Rounds toward zero, keeping the sign of zero (numpy's trunc). */
    public static double trunc(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    public static double erf(double x) { return org.apache.commons.math3.special.Erf.erf(x); }

    public static double erfc(double x) { return org.apache.commons.math3.special.Erf.erfc(x); }

    public static double erfinv(double x) { return org.apache.commons.math3.special.Erf.erfInv(x); }

    public static double gamma(double x) { return org.apache.commons.math3.special.Gamma.gamma(x); }

    /** log(gamma(x)) for x > 0 (NaN elsewhere: scipy gives log|gamma(x)| there). */
    public static double gammaln(double x) { return org.apache.commons.math3.special.Gamma.logGamma(x) + 0.0; } // + 0.0: lgamma(1) is +0, as scipy

    /**
     * The digamma function, gamma'(x) / gamma(x): reflection below 0, the recurrence psi(x) =
     * psi(x + 1) - 1/x up to x >= 10, then the asymptotic series to the x^-14 term (commons-math's
     * digamma stops earlier and is off by 1e-9 near 0.3).
     */
    public static double psi(double x) {
        if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) return Double.NaN;
        if (x <= 0 && x == Math.floor(x)) return Double.NaN;
        if (x < 0) return psi(1 - x) - Math.PI / Math.tan(Math.PI * x);
        double shift = 0;
        while (x < 10) {
            shift -= 1 / x;
            x += 1;
        }
        double f = 1 / (x * x);
        double series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132
                - f * (691.0 / 32760 - f * (1.0 / 12)))))));
        return shift + Math.log(x) - 0.5 / x - series;
    }

    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    public static final double SELU_SCALE = 1.0507009873554804934193349852946;

    public static double selu(double x) {
        return SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x));
    }

    /** Theano's ultra_fast_sigmoid: 0.5 * (tanh~(x / 2) + 1) with its piecewise tanh approximation. */
    public static double ultraFastSigmoid(double v) {
        double x = Math.abs(0.5 * v);
        double z = x < 1.7 ? 1.5 * x / (1 + x) : x < 3 ? 0.935409070603099 + 0.0458812946797165 * (x - 1.7) : 0.99505475368673;
        if (Double.isNaN(v)) return v;
        return 0.5 * ((v < 0 ? -z : z) + 1.0);
    }

    /** numpy's sign: NaN stays NaN, zero stays zero. */
    public static double sign(double a) {
        return Double.isNaN(a) ? a : Math.signum(a);
    }

    /** C's round(): halves away from zero; rint elsewhere (a + 0.5 would round 0.49999999999999994 up). */
    public static double roundHalfAwayFromZero(double a) {
        if (Math.abs(a - Math.floor(a)) == 0.5) return a + Math.copySign(0.5, a);
        return Math.rint(a);
    }
}
