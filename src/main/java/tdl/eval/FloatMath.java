package tdl.eval;

import tdl.graph.ops.ScalarMath;

/**
 * exp, the logistic function and tanh on float32, elementwise over float[]: whole vectors through
 * {@link VectorMathF} when the Vector API is present, the rest (and every element when it is absent)
 * through the scalar methods here, which perform the same float operations in the same order, so an
 * element gets the same bits whichever path computes it.
 * <p>exp is Cephes' expf: Cody-Waite reduction t = k·ln2 + r (|r| <= ln2/2, the product taken with
 * one fused multiply-add per half of ln2), a degree-5 polynomial, and 2^k put in the exponent bits;
 * about 1 ulp. Arguments outside [{@link #LOW}, {@link #HIGH}] (overflow to inf, subnormal results)
 * are left to {@code (float) Math.exp}, so nothing there is approximated. The logistic function
 * below x = -87 (results under 1.7e-38, subnormal in float32) is the double one rounded, as numpy's
 * float32 gives them, not 0 as Theano's float32 C code (cut at -88) would: a vector holding such a
 * lane takes the scalar path, which happens only for preactivations that far out.
 */
public final class FloatMath {
    static final float LOG2E = (float) (1 / Math.log(2));
    static final float LN2_HI = (float) Math.log(2);
    static final float LN2_LO = (float) (Math.log(2) - LN2_HI);
    /** Adding and subtracting it rounds a float to an integer; the integer sits in its low mantissa bits. */
    static final float ROUND = 0x1.8p23f;
    static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);
    /** Where the reduction's 2^k stays a normal float: k in [-126, 127]. */
    static final float LOW = -87f, HIGH = 88f;
    // Cephes expf: e^r = 1 + r + r^2 (P0 r^5 + ... + P5), highest order first
    static final float P0 = 1.9875691500E-4f, P1 = 1.3981999507E-3f, P2 = 8.3334519073E-3f,
            P3 = 4.1665795894E-2f, P4 = 1.6666665459E-1f, P5 = 5.0000001201E-1f;
    // Cephes tanhf for |x| < 0.625: x + x^3 (T0 z^4 + ... + T4), z = x^2
    static final float TANH_SMALL = 0.625f, TANH_ONE = 9f;
    static final float T0 = -5.70498872745E-3f, T1 = 2.06390887954E-2f, T2 = -5.37397155531E-2f,
            T3 = 1.33314422036E-1f, T4 = -3.33332819422E-1f;

    private FloatMath() {}

    /** e^t for t in [LOW, HIGH] (the reduction and polynomial the vector loop runs). */
    static float expInRange(float t) {
        float y = t * LOG2E + ROUND;
        float kd = y - ROUND;
        float r = Math.fma(-kd, LN2_HI, t);
        r = Math.fma(-kd, LN2_LO, r);
        float p = Math.fma(P0, r, P1);
        p = Math.fma(p, r, P2);
        p = Math.fma(p, r, P3);
        p = Math.fma(p, r, P4);
        p = Math.fma(p, r, P5);
        float e = Math.fma(p, r * r, r) + 1f;
        return e * Float.intBitsToFloat((Float.floatToRawIntBits(y) - ROUND_BITS + 127) << 23);
    }

    public static float exp(float x) {
        return x >= LOW && x <= HIGH ? expInRange(x) : (float) Math.exp(x);
    }

    public static float sigmoid(float x) {
        float t = -Math.abs(x);
        if (t < LOW) return x > 0 ? 1f : (float) ScalarMath.sigmoid(x); // 1 - 1e-38 rounds to 1; NaN goes on
        float e = expInRange(t);
        return (x >= 0 ? 1f : e) / (1f + e);
    }

    public static float tanh(float x) {
        float a = Math.abs(x), r;
        if (a < TANH_SMALL) {
            float z = x * x;
            float p = Math.fma(T0, z, T1);
            p = Math.fma(p, z, T2);
            p = Math.fma(p, z, T3);
            p = Math.fma(p, z, T4);
            return Math.fma(p * z, x, x);
        }
        r = a >= TANH_ONE ? 1f : 1f - 2f / (expInRange(a + a) + 1f);
        return Math.copySign(r, x);
    }

    /** o[oo + i] = exp(x[xo + i]) for i in [0, n). */
    public static void exp(float[] x, int xo, float[] o, int oo, int n) {
        int done = Gemm.VECTOR ? VectorMathF.exp(x, xo, o, oo, n) : 0;
        for (int i = done; i < n; i++) o[oo + i] = exp(x[xo + i]);
    }

    /** o[oo + i] = sigmoid(x[xo + i]) for i in [0, n). */
    public static void sigmoid(float[] x, int xo, float[] o, int oo, int n) {
        int done = Gemm.VECTOR ? VectorMathF.sigmoid(x, xo, o, oo, n) : 0;
        for (int i = done; i < n; i++) o[oo + i] = sigmoid(x[xo + i]);
    }

    /** o[oo + i] = tanh(x[xo + i]) for i in [0, n). */
    public static void tanh(float[] x, int xo, float[] o, int oo, int n) {
        int done = Gemm.VECTOR ? VectorMathF.tanh(x, xo, o, oo, n) : 0;
        for (int i = done; i < n; i++) o[oo + i] = tanh(x[xo + i]);
    }
}
