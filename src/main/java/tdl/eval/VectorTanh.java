package tdl.eval;

import static tdl.eval.VectorExp.*;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link tdl.graph.ops.ScalarMath#tanh} a vector at a time: the same operations in the same order,
 * lane by lane (its expm1 is the logistic's exp without the final 1 + , see {@link VectorSigmoid});
 * the sign is x's sign bit put on the non-negative result, as Math.copySign does.
 */
final class VectorTanh {
    private static final DoubleVector TWO = DoubleVector.broadcast(S, 2.0);
    private static final DoubleVector MINUS_ONE = DoubleVector.broadcast(S, -1.0), MINUS_TWO = DoubleVector.broadcast(S, -2.0);
    private static final LongVector SIGN = LongVector.broadcast(LongVector.SPECIES_PREFERRED, Long.MIN_VALUE);

    static {
        VectorKernels.compileRootsProblem(); // the compile-root directive before any loop here runs
    }

    private VectorTanh() {}

    static boolean usable() { return VectorExp.usable(); }

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
