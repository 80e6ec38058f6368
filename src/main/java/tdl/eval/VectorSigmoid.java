package tdl.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link Sigmoid} a vector at a time: the same operations in the same order, lane by lane. */
final class VectorSigmoid {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final long ROUND_BITS = Double.doubleToRawLongBits(Sigmoid.ROUND);

    private VectorSigmoid() {}

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
        double[] c = Sigmoid.C;
        DoubleVector v = DoubleVector.fromArray(S, x, xi);
        DoubleVector t0 = v.abs().neg();
        DoubleVector t = t0.max(Sigmoid.FLOOR);
        DoubleVector y = t.mul(Sigmoid.LOG2E).add(Sigmoid.ROUND);
        DoubleVector kd = y.sub(Sigmoid.ROUND);
        DoubleVector r = kd.neg().fma(DoubleVector.broadcast(S, Sigmoid.LN2_HI), t);
        r = kd.neg().fma(DoubleVector.broadcast(S, Sigmoid.LN2_LO), r);
        DoubleVector p = r.fma(DoubleVector.broadcast(S, c[0]), DoubleVector.broadcast(S, c[1]))
                .fma(r, DoubleVector.broadcast(S, c[2])).fma(r, DoubleVector.broadcast(S, c[3]))
                .fma(r, DoubleVector.broadcast(S, c[4])).fma(r, DoubleVector.broadcast(S, c[5]))
                .fma(r, DoubleVector.broadcast(S, c[6])).fma(r, DoubleVector.broadcast(S, c[7]))
                .fma(r, DoubleVector.broadcast(S, c[8])).fma(r, DoubleVector.broadcast(S, c[9]))
                .fma(r, DoubleVector.broadcast(S, c[10])).fma(r, DoubleVector.broadcast(S, c[11]))
                .fma(r, DoubleVector.broadcast(S, c[12])).fma(r, DoubleVector.broadcast(S, c[13]));
        // k sits in the low bits of y (a double-to-long conversion would not be compiled to one instruction)
        LongVector bits = y.reinterpretAsLongs().sub(ROUND_BITS - 1023L).lanewise(VectorOperators.LSHL, 52);
        DoubleVector e = p.mul(bits.reinterpretAsDoubles()).blend(0.0, t0.compare(VectorOperators.LT, Sigmoid.FLOOR));
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector q = e.blend(one, v.compare(VectorOperators.GE, 0.0)).div(one.add(e));
        VectorStore.into(q, o, oi);
    }
}
