package tdl.eval;

import static tdl.eval.VectorExp.*;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import tdl.graph.ops.ScalarMath;

/**
 * {@link ScalarMath#softplus} a vector at a time: the same operations in the same order, lane by
 * lane, in two passes over the array, each its own compile root ({@link VectorCompileRoots}): the
 * first writes e = exp(-|x|) into the output (the logistic's exp, as {@link VectorSigmoid}), the
 * second reads x and e and writes max(x, 0) + log1p(e). One body doing both would make about 55
 * Vector API calls, close to C2's inlining budget, where a vectorised softplus once boxed its
 * results; each pass here makes fewer than the sigmoid's.
 */
final class VectorSoftplus {
    private static final DoubleVector TWO = DoubleVector.broadcast(S, 2.0), THREE = DoubleVector.broadcast(S, 3.0);
    private static final DoubleVector LN2 = DoubleVector.broadcast(S, ScalarMath.LN2);
    private static final DoubleVector SQRT2_M1 = DoubleVector.broadcast(S, ScalarMath.SQRT2_M1);
    // log's atanh series, one field per coefficient (VectorKernels' rules)
    private static final double[] A = ScalarMath.atanhCoefficients();
    private static final DoubleVector A0 = a(0), A1 = a(1), A2 = a(2), A3 = a(3), A4 = a(4), A5 = a(5), A6 = a(6),
            A7 = a(7), A8 = a(8), A9 = a(9), A10 = a(10);

    static {
        VectorKernels.compileRootsProblem(); // the compile-root directive before any loop here runs
    }

    private VectorSoftplus() {}

    private static DoubleVector a(int i) { return DoubleVector.broadcast(S, A[i]); }

    static boolean usable() { return VectorExp.usable(); }

    /**
     * The whole vectors of [0, n); returns how many elements that was. Nothing when the output is
     * the input's array (the second pass reads x after the first wrote e): the caller's scalar
     * loop, the same bits, does those.
     */
    static int apply(double[] x, int xo, double[] o, int oo, int n) {
        if (x == o) return 0;
        int done = n - n % S.length();
        exps(x, xo, o, oo, done);
        logs(x, xo, o, oo, done);
        return done;
    }

    static void exps(double[] x, int xo, double[] o, int oo, int n) {
        for (int i = 0, l = S.length(); i < n; i += l) expOne(x, xo + i, o, oo + i);
    }

    static void logs(double[] x, int xo, double[] o, int oo, int n) {
        for (int i = 0, l = S.length(); i < n; i += l) logOne(x, xo + i, o, oo + i);
    }

    /** e = exp(-|x|) (0 below exp's floor), as ScalarMath.softplus computes it. */
    private static void expOne(double[] x, int xi, double[] o, int oi) {
        DoubleVector t0 = DoubleVector.fromArray(S, x, xi).abs().neg();
        DoubleVector t = t0.max(FLOOR);
        DoubleVector y = t.mul(LOG2E).add(ROUND);
        DoubleVector kd = y.sub(ROUND);
        DoubleVector r = kd.neg().fma(LN2_HI, t);
        r = kd.neg().fma(LN2_LO, r);
        DoubleVector p = r.fma(C0, C1).fma(r, C2).fma(r, C3).fma(r, C4).fma(r, C5).fma(r, C6).fma(r, C7)
                .fma(r, C8).fma(r, C9).fma(r, C10).fma(r, C11).fma(r, C12).fma(r, C13);
        LongVector bits = y.reinterpretAsLongs().sub(EXPONENT_SHIFT).lanewise(VectorOperators.LSHL, 52);
        DoubleVector e = p.mul(bits.reinterpretAsDoubles()).blend(ZERO, t0.compare(VectorOperators.LT, FLOOR));
        EXACT.cast(e).intoArray(o, oi);
    }

    /** max(x, 0) + log1p(e), e read from the output, as ScalarMath.log1pUnit. */
    private static void logOne(double[] x, int xi, double[] o, int oi) {
        DoubleVector e = DoubleVector.fromArray(S, o, oi);
        VectorMask<Double> big = e.compare(VectorOperators.GT, SQRT2_M1);
        DoubleVector f = e.blend(e.sub(ONE), big).div(e.add(TWO).blend(e.add(THREE), big));
        DoubleVector z = f.mul(f);
        DoubleVector p = z.fma(A0, A1).fma(z, A2).fma(z, A3).fma(z, A4).fma(z, A5).fma(z, A6).fma(z, A7)
                .fma(z, A8).fma(z, A9).fma(z, A10);
        DoubleVector twoF = f.add(f);
        DoubleVector lg = ZERO.blend(LN2, big).add(twoF.mul(z).fma(p, twoF));
        DoubleVector q = DoubleVector.fromArray(S, x, xi).max(ZERO).add(lg);
        EXACT.cast(q).intoArray(o, oi);
    }
}
