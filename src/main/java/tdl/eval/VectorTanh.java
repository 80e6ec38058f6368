package tdl.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link tdl.graph.ops.ScalarMath#tanh} a vector at a time: the same operations in the same order,
 * lane by lane (its expm1 is the logistic's exp without the final 1 + , see {@link VectorSigmoid});
 * the sign is x's sign bit put on the non-negative result, as Math.copySign does.
 */
final class VectorTanh {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final Class<? extends DoubleVector> EXACT = VectorKernels.exact(S);
    private static final long ROUND_BITS = Double.doubleToRawLongBits(Sigmoid.ROUND);
    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0), TWO = DoubleVector.broadcast(S, 2.0);
    private static final DoubleVector MINUS_ONE = DoubleVector.broadcast(S, -1.0), MINUS_TWO = DoubleVector.broadcast(S, -2.0);
    private static final DoubleVector FLOOR = DoubleVector.broadcast(S, Sigmoid.FLOOR);
    private static final DoubleVector LOG2E = DoubleVector.broadcast(S, Sigmoid.LOG2E);
    private static final DoubleVector ROUND = DoubleVector.broadcast(S, Sigmoid.ROUND);
    private static final DoubleVector LN2_HI = DoubleVector.broadcast(S, Sigmoid.LN2_HI);
    private static final DoubleVector LN2_LO = DoubleVector.broadcast(S, Sigmoid.LN2_LO);
    private static final LongVector EXPONENT_SHIFT = LongVector.broadcast(LongVector.SPECIES_PREFERRED, ROUND_BITS - 1023L);
    private static final LongVector SIGN = LongVector.broadcast(LongVector.SPECIES_PREFERRED, Long.MIN_VALUE);
    // exp's Taylor coefficients 1/13! .. 1/1!, one field each (VectorKernels' rules)
    private static final DoubleVector C0 = c(0), C1 = c(1), C2 = c(2), C3 = c(3), C4 = c(4), C5 = c(5), C6 = c(6),
            C7 = c(7), C8 = c(8), C9 = c(9), C10 = c(10), C11 = c(11), C12 = c(12);

    static {
        VectorKernels.compileRootsProblem(); // the compile-root directive before any loop here runs
    }

    private VectorTanh() {}

    private static DoubleVector c(int i) { return DoubleVector.broadcast(S, Sigmoid.C[i]); }

    /** Whether the loop can run: a long vector must have as many lanes as a double one. */
    static boolean usable() { return LongVector.SPECIES_PREFERRED.length() == S.length(); }

    /** Computes the whole vectors of [0, n) and returns how many elements it did. */
    static int apply(double[] x, int xo, double[] o, int oo, int n) {
        int l = S.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) one(x, xo + i, o, oo + i);
        return done;
    }

    private static void one(double[] x, int xi, double[] o, int oi) {
        DoubleVector v = DoubleVector.fromArray(S, x, xi);
        DoubleVector t0 = v.abs().mul(MINUS_TWO);
        DoubleVector t = t0.max(FLOOR);
        DoubleVector y = t.mul(LOG2E).add(ROUND);
        DoubleVector kd = y.sub(ROUND);
        DoubleVector r = kd.neg().fma(LN2_HI, t);
        r = kd.neg().fma(LN2_LO, r);
        DoubleVector p = r.fma(C0, C1).fma(r, C2).fma(r, C3).fma(r, C4).fma(r, C5).fma(r, C6).fma(r, C7)
                .fma(r, C8).fma(r, C9).fma(r, C10).fma(r, C11).fma(r, C12);
        DoubleVector s = y.reinterpretAsLongs().sub(EXPONENT_SHIFT).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector m = s.fma(p.mul(r), s.sub(ONE)).blend(MINUS_ONE, t0.compare(VectorOperators.LT, FLOOR));
        DoubleVector a = m.neg().div(m.add(TWO));
        LongVector signed = a.abs().reinterpretAsLongs().or(v.reinterpretAsLongs().and(SIGN)); // Math.copySign(a, x)
        EXACT.cast(signed.reinterpretAsDoubles()).intoArray(o, oi);
    }
}
