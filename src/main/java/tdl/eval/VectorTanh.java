package tdl.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import tdl.graph.ops.ScalarMath;

/**
 * {@link ScalarMath#tanh} a vector at a time: both of its branches for every lane, each with the
 * scalar code's operations in the same order, then the lane's own branch chosen, so every element
 * gets the same bits as the scalar code. Follows {@link VectorKernels}' rules; cut in two per-vector
 * methods (the exp branch, then the series and the choice) that pass the first result through the
 * output array, to stay far from the JIT's inlining budget (see {@link VectorSoftplus}).
 */
final class VectorTanh {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final Class<? extends DoubleVector> EXACT = VectorKernels.exact(S);
    private static final DoubleVector ZERO = DoubleVector.zero(S), ONE = DoubleVector.broadcast(S, 1.0);
    private static final DoubleVector TWO = DoubleVector.broadcast(S, 2.0), MINUS_TWO = DoubleVector.broadcast(S, -2.0);
    private static final DoubleVector SMALL = DoubleVector.broadcast(S, ScalarMath.TANH_SMALL);
    private static final DoubleVector TINY = DoubleVector.broadcast(S, ScalarMath.TANH_TINY);
    private static final DoubleVector FLOOR = DoubleVector.broadcast(S, ScalarMath.FLOOR);
    private static final DoubleVector LOG2E = DoubleVector.broadcast(S, ScalarMath.LOG2E);
    private static final DoubleVector ROUND = DoubleVector.broadcast(S, ScalarMath.ROUND);
    private static final DoubleVector LN2_HI = DoubleVector.broadcast(S, ScalarMath.LN2_HI);
    private static final DoubleVector LN2_LO = DoubleVector.broadcast(S, ScalarMath.LN2_LO);
    private static final LongVector EXPONENT_SHIFT = LongVector.broadcast(LongVector.SPECIES_PREFERRED, ScalarMath.ROUND_BITS - 1023L);
    private static final double[] TAYLOR = ScalarMath.taylorCoefficients(), SERIES = ScalarMath.tanhCoefficients();
    // one field per coefficient: an array element is not a constant to the JIT
    private static final DoubleVector C0 = c(0), C1 = c(1), C2 = c(2), C3 = c(3), C4 = c(4), C5 = c(5), C6 = c(6),
            C7 = c(7), C8 = c(8), C9 = c(9), C10 = c(10), C11 = c(11), C12 = c(12), C13 = c(13);
    private static final DoubleVector T0 = t(0), T1 = t(1), T2 = t(2), T3 = t(3), T4 = t(4), T5 = t(5), T6 = t(6),
            T7 = t(7), T8 = t(8), T9 = t(9), T10 = t(10), T11 = t(11), T12 = t(12), T13 = t(13), T14 = t(14), T15 = t(15),
            T16 = t(16), T17 = t(17);

    private VectorTanh() {}

    private static DoubleVector c(int i) { return DoubleVector.broadcast(S, TAYLOR[i]); }

    private static DoubleVector t(int i) { return DoubleVector.broadcast(S, SERIES[i]); }

    /** Whether the vector loop can run: a long vector must have as many lanes as a double one, and the tables their sizes. */
    static boolean usable() {
        return LongVector.SPECIES_PREFERRED.length() == S.length() && TAYLOR.length == 14 && SERIES.length == 18;
    }

    /** Computes the whole vectors of [0, n) and returns how many elements it did; {@code o} must not overlap {@code x}. */
    static int apply(double[] x, int xo, double[] o, int oo, int n) {
        int l = S.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) {
            large(x, xo + i, o, oo + i);
            choose(x, xo + i, o, oo + i);
        }
        return done;
    }

    /** o = +-(1 - 2e / (1 + e)), e = exp(max(-2|x|, floor)): the branch for |x| >= 0.55. */
    private static void large(double[] x, int xi, double[] o, int oi) {
        DoubleVector v = DoubleVector.fromArray(S, x, xi);
        DoubleVector t = v.abs().mul(MINUS_TWO).max(FLOOR);
        DoubleVector y = t.mul(LOG2E).add(ROUND);
        DoubleVector kd = y.sub(ROUND);
        DoubleVector r = kd.neg().fma(LN2_HI, t);
        r = kd.neg().fma(LN2_LO, r);
        DoubleVector p = r.fma(C0, C1).fma(r, C2).fma(r, C3).fma(r, C4).fma(r, C5).fma(r, C6).fma(r, C7)
                .fma(r, C8).fma(r, C9).fma(r, C10).fma(r, C11).fma(r, C12).fma(r, C13);
        LongVector bits = y.reinterpretAsLongs().sub(EXPONENT_SHIFT).lanewise(VectorOperators.LSHL, 52);
        DoubleVector e = p.mul(bits.reinterpretAsDoubles());
        DoubleVector q = ONE.sub(TWO.mul(e).div(ONE.add(e)));
        EXACT.cast(q.blend(q.neg(), v.compare(VectorOperators.LT, ZERO))).intoArray(o, oi);
    }

    /** The series x + x z P(z) for |x| < 0.55, x itself below 2^-28, else the large branch read back from o. */
    private static void choose(double[] x, int xi, double[] o, int oi) {
        DoubleVector v = DoubleVector.fromArray(S, x, xi);
        DoubleVector z = v.mul(v);
        DoubleVector p = z.fma(T0, T1).fma(z, T2).fma(z, T3).fma(z, T4).fma(z, T5).fma(z, T6).fma(z, T7).fma(z, T8)
                .fma(z, T9).fma(z, T10).fma(z, T11).fma(z, T12).fma(z, T13).fma(z, T14).fma(z, T15).fma(z, T16).fma(z, T17);
        DoubleVector series = v.mul(z).fma(p, v);
        DoubleVector a = v.abs();
        DoubleVector w = DoubleVector.fromArray(S, o, oi).blend(series, a.compare(VectorOperators.LT, SMALL))
                .blend(v, a.compare(VectorOperators.LT, TINY));
        EXACT.cast(w).intoArray(o, oi);
    }
}
