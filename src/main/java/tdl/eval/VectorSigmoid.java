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
        double[] c = Sigmoid.C;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector c0 = DoubleVector.broadcast(S, c[0]), c1 = DoubleVector.broadcast(S, c[1]), c2 = DoubleVector.broadcast(S, c[2]);
        DoubleVector c3 = DoubleVector.broadcast(S, c[3]), c4 = DoubleVector.broadcast(S, c[4]), c5 = DoubleVector.broadcast(S, c[5]);
        DoubleVector c6 = DoubleVector.broadcast(S, c[6]), c7 = DoubleVector.broadcast(S, c[7]), c8 = DoubleVector.broadcast(S, c[8]);
        DoubleVector c9 = DoubleVector.broadcast(S, c[9]), c10 = DoubleVector.broadcast(S, c[10]);
        DoubleVector c11 = DoubleVector.broadcast(S, c[11]), c12 = DoubleVector.broadcast(S, c[12]);
        DoubleVector c13 = DoubleVector.broadcast(S, c[13]);
        DoubleVector ln2hi = DoubleVector.broadcast(S, Sigmoid.LN2_HI), ln2lo = DoubleVector.broadcast(S, Sigmoid.LN2_LO);
        for (int i = 0; i < done; i += l) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            DoubleVector t0 = v.abs().neg();
            DoubleVector t = t0.max(Sigmoid.FLOOR);
            DoubleVector y = t.mul(Sigmoid.LOG2E).add(Sigmoid.ROUND);
            DoubleVector kd = y.sub(Sigmoid.ROUND);
            DoubleVector r = kd.neg().fma(ln2hi, t);
            r = kd.neg().fma(ln2lo, r);
            // written out: a loop over the coefficients keeps the JIT from keeping p in a register
            DoubleVector p = r.fma(c0, c1).fma(r, c2).fma(r, c3).fma(r, c4).fma(r, c5).fma(r, c6).fma(r, c7)
                    .fma(r, c8).fma(r, c9).fma(r, c10).fma(r, c11).fma(r, c12).fma(r, c13);
            // k sits in the low bits of y (a double-to-long conversion would not be compiled to one instruction)
            LongVector bits = y.reinterpretAsLongs().sub(ROUND_BITS - 1023L).lanewise(VectorOperators.LSHL, 52);
            DoubleVector e = p.mul(bits.reinterpretAsDoubles()).blend(0.0, t0.compare(VectorOperators.LT, Sigmoid.FLOOR));
            DoubleVector num = e.blend(one, v.compare(VectorOperators.GE, 0.0));
            num.div(one.add(e)).intoArray(o, oo + i);
        }
        return done;
    }
}
