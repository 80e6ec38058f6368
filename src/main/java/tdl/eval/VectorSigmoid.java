package tdl.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

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
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final Class<? extends DoubleVector> EXACT = VectorKernels.exact(S);
    private static final long ROUND_BITS = Double.doubleToRawLongBits(Sigmoid.ROUND);
    private static final DoubleVector ZERO = DoubleVector.zero(S), ONE = DoubleVector.broadcast(S, 1.0);
    private static final DoubleVector FLOOR = DoubleVector.broadcast(S, Sigmoid.FLOOR);
    private static final DoubleVector LOG2E = DoubleVector.broadcast(S, Sigmoid.LOG2E);
    private static final DoubleVector ROUND = DoubleVector.broadcast(S, Sigmoid.ROUND);
    private static final DoubleVector LN2_HI = DoubleVector.broadcast(S, Sigmoid.LN2_HI);
    private static final DoubleVector LN2_LO = DoubleVector.broadcast(S, Sigmoid.LN2_LO);
    private static final LongVector EXPONENT_SHIFT = LongVector.broadcast(LongVector.SPECIES_PREFERRED, ROUND_BITS - 1023L);
    // the Taylor coefficients, highest order first, one field each (an array element is not a
    // constant to the JIT, so its vector's class would not be known)
    private static final DoubleVector C0 = c(0), C1 = c(1), C2 = c(2), C3 = c(3), C4 = c(4), C5 = c(5), C6 = c(6),
            C7 = c(7), C8 = c(8), C9 = c(9), C10 = c(10), C11 = c(11), C12 = c(12), C13 = c(13);

    private VectorSigmoid() {}

    private static DoubleVector c(int i) { return DoubleVector.broadcast(S, Sigmoid.C[i]); }

    /** Whether the vector loop can run: a long vector must have as many lanes as a double one. */
    static boolean usable() { return LongVector.SPECIES_PREFERRED.length() == S.length(); }

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
