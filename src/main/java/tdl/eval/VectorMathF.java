package tdl.eval;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatMath} a vector at a time: the same float operations in the same order, lane by lane.
 * Loaded only when {@link Gemm#VECTOR} is true. As {@link VectorSigmoid}, each vector is one call
 * of its own method, so the JIT compiles it to its top tier early.
 */
final class VectorMathF {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorMathF() {}

    static int exp(float[] x, int xo, float[] o, int oo, int n) {
        int l = S.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) expOne(x, xo + i, o, oo + i);
        return done;
    }

    static int sigmoid(float[] x, int xo, float[] o, int oo, int n) {
        int l = S.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) sigmoidOne(x, xo + i, o, oo + i);
        return done;
    }

    static int tanh(float[] x, int xo, float[] o, int oo, int n) {
        int l = S.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) tanhOne(x, xo + i, o, oo + i);
        return done;
    }

    /** FloatMath.expInRange lane by lane (lanes outside the range get garbage: callers blend them out). */
    private static FloatVector expInRange(FloatVector t) {
        FloatVector y = t.mul(FloatMath.LOG2E).add(FloatMath.ROUND);
        FloatVector kd = y.sub(FloatMath.ROUND);
        FloatVector r = kd.neg().fma(FloatVector.broadcast(S, FloatMath.LN2_HI), t);
        r = kd.neg().fma(FloatVector.broadcast(S, FloatMath.LN2_LO), r);
        FloatVector p = FloatVector.broadcast(S, FloatMath.P0).fma(r, FloatVector.broadcast(S, FloatMath.P1))
                .fma(r, FloatVector.broadcast(S, FloatMath.P2)).fma(r, FloatVector.broadcast(S, FloatMath.P3))
                .fma(r, FloatVector.broadcast(S, FloatMath.P4)).fma(r, FloatVector.broadcast(S, FloatMath.P5));
        FloatVector e = p.fma(r.mul(r), r).add(1f);
        IntVector bits = y.reinterpretAsInts().sub(FloatMath.ROUND_BITS - 127).lanewise(VectorOperators.LSHL, 23);
        return e.mul(bits.reinterpretAsFloats());
    }

    private static void expOne(float[] x, int xi, float[] o, int oi) {
        FloatVector v = FloatVector.fromArray(S, x, xi);
        VectorMask<Float> inside = v.compare(VectorOperators.GE, FloatMath.LOW).and(v.compare(VectorOperators.LE, FloatMath.HIGH));
        if (!inside.allTrue()) { // overflow, subnormal results or NaN in this vector: the scalar path for all of it
            for (int i = 0; i < S.length(); i++) o[oi + i] = FloatMath.exp(x[xi + i]);
            return;
        }
        VectorStoreF.into(expInRange(v), o, oi);
    }

    private static void sigmoidOne(float[] x, int xi, float[] o, int oi) {
        FloatVector v = FloatVector.fromArray(S, x, xi);
        FloatVector t = v.abs().neg();
        if (t.compare(VectorOperators.LT, FloatMath.LOW).anyTrue()) { // a result below 1.7e-38: the scalar path
            for (int i = 0; i < S.length(); i++) o[oi + i] = FloatMath.sigmoid(x[xi + i]);
            return;
        }
        FloatVector e = expInRange(t);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector q = e.blend(one, v.compare(VectorOperators.GE, 0f)).div(one.add(e));
        VectorStoreF.into(q, o, oi);
    }

    private static void tanhOne(float[] x, int xi, float[] o, int oi) {
        FloatVector v = FloatVector.fromArray(S, x, xi);
        FloatVector a = v.abs();
        // small |x|: Cephes' odd polynomial
        FloatVector z = v.mul(v);
        FloatVector p = FloatVector.broadcast(S, FloatMath.T0).fma(z, FloatVector.broadcast(S, FloatMath.T1))
                .fma(z, FloatVector.broadcast(S, FloatMath.T2)).fma(z, FloatVector.broadcast(S, FloatMath.T3))
                .fma(z, FloatVector.broadcast(S, FloatMath.T4));
        FloatVector small = p.mul(z).fma(v, v);
        // large |x|: 1 - 2 / (e^{2|x|} + 1), 1 from 9 on, with x's sign
        FloatVector a2 = a.min(FloatMath.TANH_ONE);
        FloatVector big = FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(expInRange(a2.add(a2)).add(1f)));
        big = big.blend(1f, a.compare(VectorOperators.GE, FloatMath.TANH_ONE));
        // copySign: big >= 0 has a clear sign bit, so or-ing in x's sign bit gives it x's sign
        IntVector sign = v.reinterpretAsInts().lanewise(VectorOperators.AND, 0x80000000);
        big = big.reinterpretAsInts().lanewise(VectorOperators.OR, sign).reinterpretAsFloats();
        VectorStoreF.into(small.blend(big, a.compare(VectorOperators.GE, FloatMath.TANH_SMALL)), o, oi);
    }
}
