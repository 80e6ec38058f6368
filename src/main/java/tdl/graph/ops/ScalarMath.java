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
    static final double LN2 = 0.6931471805599453;
    static final double LN10 = 2.302585092994046;
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

    /**
     * log(1 + exp(x)) = max(x, 0) + log1p(exp(-|x|)), without overflow for large x, within an ulp
     * or two of numpy's logaddexp(0, x) (its exact formula, with the C library's exp and log1p). Own
     * exp and log1p, made of additions, multiplications, fmas and one division, so that the kernels'
     * Vector API loop ({@code tdl.eval.VectorSoftplus}) gives the same bits: e = exp(t) for t =
     * -|x| as {@link #sigmoid}'s, but scaled by 2^k in two steps (2^k1 exactly, then 2^k2 with one
     * rounding), so e reaches the subnormals down to x = -745 as the C library's; then log1p(e) for
     * e in [0, 1] as fdlibm's: with s = e / (2 + e), log1p(e) = e - (e^2/2 - s (e^2/2 + R(s^2))),
     * R the atanh series' tail (s^2 <= 1/9, 16 terms), so e itself carries the leading bits.
     */
    public static double softplus(double x) {
        double t = Math.max(-Math.abs(x), SOFTPLUS_FLOOR);
        double kd = (t * LOG2E + ROUND) - ROUND;
        double r = Math.fma(-kd, LN2_HI, t);
        r = Math.fma(-kd, LN2_LO, r);
        double p = C[0];
        for (int i = 1; i < C.length; i++) p = Math.fma(p, r, C[i]);
        double y1 = kd * 0.5 + ROUND;   // k1 = round(k / 2) in its low bits, k2 = k - k1: both >= -541, normal scales
        double y2 = (kd - (y1 - ROUND)) + ROUND;
        double e = p * scale(y1) * scale(y2);
        double f = e, s = f / (2.0 + f), z = s * s;
        double q = L[0];
        for (int i = 1; i < L.length; i++) q = Math.fma(q, z, L[i]);
        double hfsq = 0.5 * f * f;
        return Math.max(x, 0.0) + (f - (hfsq - s * (hfsq + q * z)));
    }

    /** 2^k for a k held in the low bits of k + ROUND (the vector loop's way: no double-to-long conversion). */
    private static double scale(double kPlusRound) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(kPlusRound) - ROUND_BITS + 1023) << 52);
    }

    /** Below this, exp(t) rounds to zero (exp(-745.14) is half the least subnormal): clamping keeps the scales finite. */
    public static final double SOFTPLUS_FLOOR = -750;
    public static final long ROUND_BITS = Double.doubleToRawLongBits(ROUND);
    // the atanh series' coefficients 2 / (2k + 1), k = 16 down to 1 (highest order first)
    private static final double[] L = atanhTail();

    private static double[] atanhTail() {
        double[] l = new double[16];
        for (int i = 0; i < 16; i++) l[i] = 2.0 / (2 * (16 - i) + 1);
        return l;
    }

    /** The log1p series' coefficients, highest order first (a copy: the vector loop keeps its own). */
    public static double[] log1pCoefficients() { return L.clone(); }

    /** Below this |x|, tanh is its Taylor series; from here (tanh >= 0.5) 1 - 2e / (1 + e) with e = exp(-2|x|). */
    public static final double TANH_SMALL = 0.55;
    public static final double TANH_TINY = 0x1p-28;
    // tanh(x) = x + x z P(z), z = x^2: P's Taylor coefficients (2^2n (2^2n - 1) B_2n / (2n)!, n = 19 down to 2),
    // highest order first; python3 with fractions.Fraction, Bernoulli numbers by their recurrence, float() of each
    private static final double[] TANH_SERIES = {7.054636946400968e-08, -1.7406618963571648e-07, 4.294911078273806e-07,
        -1.0597268320104654e-06, 2.6147711512907546e-06, -6.451689215655431e-06, 1.5918905069328964e-05,
        -3.927832388331683e-05, 9.691537956929451e-05, -0.00023912911424355248, 0.000590027440945586,
        -0.0014558343870513183, 0.003592128036572481, -0.008863235529902197, 0.021869488536155203,
        -0.05396825396825397, 0.13333333333333333, -0.3333333333333333};

    /** tanh's series coefficients, highest order first (a copy: the vector loop keeps its own). */
    public static double[] tanhCoefficients() { return TANH_SERIES.clone(); }

    /**
     * tanh with its own exp, made of additions, multiplications, fmas and one division, so that the
     * kernels' Vector API loop ({@code tdl.eval.VectorTanh}) gives the same bits: for |x| < 0.55 the
     * Taylor series to x^37 (the next term is below 2^-57 of x), x + x z P(z) with the correction
     * added last; above, e = exp(-2|x|) as {@link #sigmoid}'s exp and 1 - 2e / (1 + e), whose
     * subtracted part is at most half the result. Within 2 ulps of numpy's tanh.
     */
    public static double tanh(double x) {
        double a = Math.abs(x);
        if (a < TANH_TINY) return x; // x^3/3 is below half an ulp of x; and -0 keeps its sign
        if (a < TANH_SMALL) {
            double z = x * x;
            double p = TANH_SERIES[0];
            for (int i = 1; i < TANH_SERIES.length; i++) p = Math.fma(p, z, TANH_SERIES[i]);
            return Math.fma(x * z, p, x);
        }
        double e = expNonPositive(Math.max(-2 * a, FLOOR));
        double r = 1.0 - 2.0 * e / (1.0 + e);
        return x < 0 ? -r : r;
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
}
