package tdl.eval;

import static tdl.eval.VectorExp.*;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link Sigmoid} a vector at a time: the same operations in the same order, lane by lane.
 *
 * <p>Why it is written this way (see {@link VectorKernels}): every constant is a static final vector,
 * so the per-vector method holds no broadcast of its own, and the result is stored through the
 * species' exact class. Both keep the method far below the JIT's inlining budget, which it used to
 * approach: when a polluted profile pushed it over, the store was left out-of-line and every result
 * vector was boxed (96 bytes per 8 elements, 300 MB per sampling call).
 */
final class VectorSigmoid {
    private VectorSigmoid() {}

    static boolean usable() { return VectorExp.usable(); }

    /** Computes the whole vectors of [0, n) and returns how many elements it did. */
    static int apply(double[] x, int xo, double[] o, int oo, int n) {
        int l = S.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) one(x, xo + i, o, oo + i);
        return done;
    }

    /**
     * One vector. A method of its own on purpose: invoked once per vector, it reaches the JIT's
     * top tier after a few thousand vectors, where a loop in one method invoked per array waits
     * for thousands of arrays, running the Vector API's slow boxed fallback meanwhile.
     */
    private static void one(double[] x, int xi, double[] o, int oi) {
        DoubleVector v = DoubleVector.fromArray(S, x, xi);
        DoubleVector t0 = v.abs().neg();
        DoubleVector t = t0.max(FLOOR);
        DoubleVector y = t.mul(LOG2E).add(ROUND);
        DoubleVector kd = y.sub(ROUND);
        DoubleVector r = kd.neg().fma(LN2_HI, t);
        r = kd.neg().fma(LN2_LO, r);
        DoubleVector p = r.fma(C0, C1).fma(r, C2).fma(r, C3).fma(r, C4).fma(r, C5).fma(r, C6).fma(r, C7)
                .fma(r, C8).fma(r, C9).fma(r, C10).fma(r, C11).fma(r, C12).fma(r, C13);
        // k sits in the low bits of y (a double-to-long conversion would not be compiled to one instruction)
        LongVector bits = y.reinterpretAsLongs().sub(EXPONENT_SHIFT).lanewise(VectorOperators.LSHL, 52);
        DoubleVector e = p.mul(bits.reinterpretAsDoubles()).blend(ZERO, t0.compare(VectorOperators.LT, FLOOR));
        DoubleVector q = e.blend(ONE, v.compare(VectorOperators.GE, ZERO)).div(ONE.add(e));
        EXACT.cast(q).intoArray(o, oi);
    }
}
