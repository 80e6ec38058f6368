package tdl.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import tdl.graph.ops.ScalarMath;

/**
 * {@link ScalarMath#softplus} a vector at a time: the same operations in the same order, lane by
 * lane, so every element gets the same bits as the scalar code. Follows {@link VectorKernels}' rules
 * (static final vector constants, no vector crossing a call of our own, stores through the species'
 * exact class). The work is cut in two per-vector methods, exp then log1p, that pass e through the
 * output array: one method holding both would be twice {@link VectorSigmoid}'s size, near the JIT's
 * inlining budget, where a polluted profile makes it box its vectors.
 */
final class VectorSoftplus {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final Class<? extends DoubleVector> EXACT = VectorKernels.exact(S);
    private static final DoubleVector ZERO = DoubleVector.zero(S), HALF = DoubleVector.broadcast(S, 0.5);
    private static final DoubleVector TWO = DoubleVector.broadcast(S, 2.0);
    private static final DoubleVector FLOOR = DoubleVector.broadcast(S, ScalarMath.SOFTPLUS_FLOOR);
    private static final DoubleVector LOG2E = DoubleVector.broadcast(S, ScalarMath.LOG2E);
    private static final DoubleVector ROUND = DoubleVector.broadcast(S, ScalarMath.ROUND);
    private static final DoubleVector LN2_HI = DoubleVector.broadcast(S, ScalarMath.LN2_HI);
    private static final DoubleVector LN2_LO = DoubleVector.broadcast(S, ScalarMath.LN2_LO);
    private static final LongVector EXPONENT_SHIFT = LongVector.broadcast(LongVector.SPECIES_PREFERRED, ScalarMath.ROUND_BITS - 1023L);
    // the exp's Taylor coefficients and the log1p series', highest order first, one field each (an
    // array element is not a constant to the JIT, so its vector's class would not be known)
    private static final double[] TAYLOR = ScalarMath.taylorCoefficients(), SERIES = ScalarMath.log1pCoefficients();
    private static final DoubleVector C0 = c(0), C1 = c(1), C2 = c(2), C3 = c(3), C4 = c(4), C5 = c(5), C6 = c(6),
            C7 = c(7), C8 = c(8), C9 = c(9), C10 = c(10), C11 = c(11), C12 = c(12), C13 = c(13);
    private static final DoubleVector L0 = l(0), L1 = l(1), L2 = l(2), L3 = l(3), L4 = l(4), L5 = l(5), L6 = l(6),
            L7 = l(7), L8 = l(8), L9 = l(9), L10 = l(10), L11 = l(11), L12 = l(12), L13 = l(13), L14 = l(14), L15 = l(15);

    private VectorSoftplus() {}

    private static DoubleVector c(int i) { return DoubleVector.broadcast(S, TAYLOR[i]); }

    private static DoubleVector l(int i) { return DoubleVector.broadcast(S, SERIES[i]); }

    /** Whether the vector loop can run: a long vector must have as many lanes as a double one, and the tables their sizes. */
    static boolean usable() {
        return LongVector.SPECIES_PREFERRED.length() == S.length() && TAYLOR.length == 14 && SERIES.length == 16;
    }

    /**
     * Computes the whole vectors of [0, n) and returns how many elements it did. {@code o} must not
     * overlap {@code x} (e passes through {@code o} while {@code x} is still needed).
     */
    static int apply(double[] x, int xo, double[] o, int oo, int n) {
        int l = S.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) {
            exp(x, xo + i, o, oo + i);
            log1p(x, xo + i, o, oo + i);
        }
        return done;
    }

    /** o = e = exp(max(-|x|, floor)), scaled by 2^k1 then 2^k2 (per vector: see {@link VectorSigmoid#apply}). */
    private static void exp(double[] x, int xi, double[] o, int oi) {
        DoubleVector t = DoubleVector.fromArray(S, x, xi).abs().neg().max(FLOOR);
        DoubleVector kd = t.mul(LOG2E).add(ROUND).sub(ROUND);
        DoubleVector r = kd.neg().fma(LN2_HI, t);
        r = kd.neg().fma(LN2_LO, r);
        DoubleVector p = r.fma(C0, C1).fma(r, C2).fma(r, C3).fma(r, C4).fma(r, C5).fma(r, C6).fma(r, C7)
                .fma(r, C8).fma(r, C9).fma(r, C10).fma(r, C11).fma(r, C12).fma(r, C13);
        DoubleVector y1 = kd.mul(HALF).add(ROUND);
        DoubleVector y2 = kd.sub(y1.sub(ROUND)).add(ROUND);
        // k1 and k2 sit in the low bits of y1 and y2 (a double-to-long conversion would not be one instruction)
        LongVector s1 = y1.reinterpretAsLongs().sub(EXPONENT_SHIFT).lanewise(VectorOperators.LSHL, 52);
        LongVector s2 = y2.reinterpretAsLongs().sub(EXPONENT_SHIFT).lanewise(VectorOperators.LSHL, 52);
        DoubleVector e = p.mul(s1.reinterpretAsDoubles()).mul(s2.reinterpretAsDoubles());
        EXACT.cast(e).intoArray(o, oi);
    }

    /** o = max(x, 0) + log1p(e), e read back from o. */
    private static void log1p(double[] x, int xi, double[] o, int oi) {
        DoubleVector f = DoubleVector.fromArray(S, o, oi);
        DoubleVector s = f.div(TWO.add(f));
        DoubleVector z = s.mul(s);
        DoubleVector q = z.fma(L0, L1).fma(z, L2).fma(z, L3).fma(z, L4).fma(z, L5).fma(z, L6).fma(z, L7).fma(z, L8)
                .fma(z, L9).fma(z, L10).fma(z, L11).fma(z, L12).fma(z, L13).fma(z, L14).fma(z, L15);
        DoubleVector hfsq = HALF.mul(f).mul(f);
        DoubleVector lp = f.sub(hfsq.sub(s.mul(hfsq.add(q.mul(z)))));
        DoubleVector y = DoubleVector.fromArray(S, x, xi).max(ZERO).add(lp);
        EXACT.cast(y).intoArray(o, oi);
    }
}
