package tdl.eval;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatMath} a vector at a time: the same float operations in the same order, lane by lane.
 * Loaded only when {@link Gemm#VECTOR} is true. Written to {@link VectorKernels}' rules, so C2
 * never boxes a vector: each vector is one call of a per-vector method taking arrays and indices,
 * the exp reduction is written out in each (no vector crosses a call of ours), constants are static
 * final vectors, and stores go through the exact class.
 */
final class VectorMathF {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final Class<? extends FloatVector> EXACT = S.vectorType().asSubclass(FloatVector.class);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f), TWO = FloatVector.broadcast(S, 2f);
    private static final FloatVector LN2_HI = FloatVector.broadcast(S, FloatMath.LN2_HI), LN2_LO = FloatVector.broadcast(S, FloatMath.LN2_LO);
    private static final FloatVector P0 = FloatVector.broadcast(S, FloatMath.P0), P1 = FloatVector.broadcast(S, FloatMath.P1),
            P2 = FloatVector.broadcast(S, FloatMath.P2), P3 = FloatVector.broadcast(S, FloatMath.P3),
            P4 = FloatVector.broadcast(S, FloatMath.P4), P5 = FloatVector.broadcast(S, FloatMath.P5);
    private static final FloatVector T0 = FloatVector.broadcast(S, FloatMath.T0), T1 = FloatVector.broadcast(S, FloatMath.T1),
            T2 = FloatVector.broadcast(S, FloatMath.T2), T3 = FloatVector.broadcast(S, FloatMath.T3),
            T4 = FloatVector.broadcast(S, FloatMath.T4);

    static {
        VectorKernels.compileRootsProblem(); // the compile-root directive before any loop here runs
    }

    private VectorMathF() {}

    // exp and sigmoid stop at the first vector with a lane out of the polynomial's range and return
    // how far they got: the caller's scalar loop (the same operations, the same bits) does the rest.
    // A scalar fallback inside the per-vector method put FloatMath's scalar code in the same compiled
    // body once tests with extreme inputs had taken it, and in one full suite that body then kept
    // the sigmoid's vector calls out of line (11.7 MB per float32 train_rbm call).
    static int exp(float[] x, int xo, float[] o, int oo, int n) {
        int l = S.length(), end = n - n % l, i = 0;
        while (i < end && expOne(x, xo + i, o, oo + i)) i += l;
        return i;
    }

    static int sigmoid(float[] x, int xo, float[] o, int oo, int n) {
        int l = S.length(), end = n - n % l, i = 0;
        while (i < end && sigmoidOne(x, xo + i, o, oo + i)) i += l;
        return i;
    }

    static int tanh(float[] x, int xo, float[] o, int oo, int n) {
        int l = S.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) tanhOne(x, xo + i, o, oo + i);
        return done;
    }

    private static boolean expOne(float[] x, int xi, float[] o, int oi) {
        FloatVector t = FloatVector.fromArray(S, x, xi);
        VectorMask<Float> inside = t.compare(VectorOperators.GE, FloatMath.LOW).and(t.compare(VectorOperators.LE, FloatMath.HIGH));
        if (!inside.allTrue()) return false; // overflow, subnormal results or NaN: the scalar loop's
        // FloatMath.expInRange
        FloatVector y = t.mul(FloatMath.LOG2E).add(FloatMath.ROUND);
        FloatVector kd = y.sub(FloatMath.ROUND);
        FloatVector r = kd.neg().fma(LN2_HI, t);
        r = kd.neg().fma(LN2_LO, r);
        FloatVector p = P0.fma(r, P1).fma(r, P2).fma(r, P3).fma(r, P4).fma(r, P5);
        FloatVector e = p.fma(r.mul(r), r).add(ONE);
        IntVector bits = y.reinterpretAsInts().sub(FloatMath.ROUND_BITS - 127).lanewise(VectorOperators.LSHL, 23);
        EXACT.cast(e.mul(bits.reinterpretAsFloats())).intoArray(o, oi);
        return true;
    }

    private static boolean sigmoidOne(float[] x, int xi, float[] o, int oi) {
        FloatVector v = FloatVector.fromArray(S, x, xi);
        FloatVector t = v.abs().neg();
        if (t.compare(VectorOperators.LT, FloatMath.LOW).anyTrue()) return false; // a result below 1.7e-38: the scalar loop's
        // FloatMath.expInRange(t)
        FloatVector y = t.mul(FloatMath.LOG2E).add(FloatMath.ROUND);
        FloatVector kd = y.sub(FloatMath.ROUND);
        FloatVector r = kd.neg().fma(LN2_HI, t);
        r = kd.neg().fma(LN2_LO, r);
        FloatVector p = P0.fma(r, P1).fma(r, P2).fma(r, P3).fma(r, P4).fma(r, P5);
        IntVector bits = y.reinterpretAsInts().sub(FloatMath.ROUND_BITS - 127).lanewise(VectorOperators.LSHL, 23);
        FloatVector e = p.fma(r.mul(r), r).add(ONE).mul(bits.reinterpretAsFloats());
        FloatVector q = e.blend(ONE, v.compare(VectorOperators.GE, 0f)).div(ONE.add(e));
        EXACT.cast(q).intoArray(o, oi);
        return true;
    }

    private static void tanhOne(float[] x, int xi, float[] o, int oi) {
        FloatVector v = FloatVector.fromArray(S, x, xi);
        FloatVector a = v.abs();
        // small |x|: Cephes' odd polynomial
        FloatVector z = v.mul(v);
        FloatVector small = T0.fma(z, T1).fma(z, T2).fma(z, T3).fma(z, T4).mul(z).fma(v, v);
        // large |x|: 1 - 2 / (e^{2|x|} + 1), 1 from 9 on, with x's sign; e^{2|x|} is FloatMath.expInRange
        FloatVector a2 = a.min(FloatMath.TANH_ONE);
        FloatVector t = a2.add(a2);
        FloatVector y = t.mul(FloatMath.LOG2E).add(FloatMath.ROUND);
        FloatVector kd = y.sub(FloatMath.ROUND);
        FloatVector r = kd.neg().fma(LN2_HI, t);
        r = kd.neg().fma(LN2_LO, r);
        FloatVector p = P0.fma(r, P1).fma(r, P2).fma(r, P3).fma(r, P4).fma(r, P5);
        IntVector bits = y.reinterpretAsInts().sub(FloatMath.ROUND_BITS - 127).lanewise(VectorOperators.LSHL, 23);
        FloatVector e = p.fma(r.mul(r), r).add(ONE).mul(bits.reinterpretAsFloats());
        FloatVector big = ONE.sub(TWO.div(e.add(ONE))).blend(ONE, a.compare(VectorOperators.GE, FloatMath.TANH_ONE));
        // copySign: big >= 0 has a clear sign bit, so or-ing in x's sign bit gives it x's sign
        IntVector sign = v.reinterpretAsInts().lanewise(VectorOperators.AND, 0x80000000);
        big = big.reinterpretAsInts().lanewise(VectorOperators.OR, sign).reinterpretAsFloats();
        EXACT.cast(small.blend(big, a.compare(VectorOperators.GE, FloatMath.TANH_SMALL))).intoArray(o, oi);
    }
}
