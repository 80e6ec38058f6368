package tdl.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorRandom} for float probabilities and samples: the same hash and double compare in
 * long and double lanes. Eight floats of p are loaded as a half-width vector and widened to eight
 * double lanes, and the 0/1 results narrowed back the same way: a conversion that keeps the lane
 * count is one instruction on JDK 17 (one that changes it, sixteen floats into two double vectors,
 * is not compiled to vector instructions: that version ran 6x slower than the double kernel; the
 * scalar widening and narrowing loops that followed it cost 0.55 ns an element, these 0.2).
 */
final class VectorRandomF {
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    // as many float lanes as double ones: half the width
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_256;
    private static final boolean USABLE = VectorKernels.LONG_LANES && LS.length() == DS.length() && FS.length() == DS.length();
    private static final Class<? extends FloatVector> EXACT = FS.vectorType().asSubclass(FloatVector.class);
    // constants as static final vectors (VectorKernels' rules)
    private static final LongVector RAMP = LongVector.zero(LS).addIndex(1);
    private static final LongVector M1 = LongVector.broadcast(LS, 0xBF58476D1CE4E5B9L), M2 = LongVector.broadcast(LS, 0x94D049BB133111EBL);
    private static final DoubleVector ZERO = DoubleVector.zero(DS), ONE = DoubleVector.broadcast(DS, 1.0);
    private static final LongVector ONE_BITS = LongVector.broadcast(LS, Double.doubleToRawLongBits(1.0));

    static {
        VectorKernels.compileRootsProblem(); // the compile-root directive before any loop here runs
    }

    private VectorRandomF() {}

    static boolean usable() { return USABLE; }

    /**
     * The whole vectors of o in [from, to); returns where they end, or where the first vector
     * holding a p outside [0, 1] (or NaN) starts (as {@link VectorRandom#bernoulli}).
     */
    static int bernoulli(long key, long golden, double scale, float[] p, float[] o, int from, int to) {
        int l = LS.length();
        int n = from + (to - from) / l * l;
        for (int i = from; i < n; i += l) if (!one(key, golden, scale, p, o, i)) return i;
        return n;
    }

    private static boolean one(long key, long golden, double scale, float[] p, float[] o, int i) {
        LongVector z = RAMP.add(i).mul(golden).add(key);
        // mix(mix(z)) of RandomKernel, written out (a vector passed to a method of ours could be boxed)
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(M1);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(M2);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(M1);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(M2);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
        DoubleVector u = ((DoubleVector) z.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0)).mul(scale);
        DoubleVector pd = (DoubleVector) FloatVector.fromArray(FS, p, i).convertShape(VectorOperators.F2D, DS, 0);
        VectorMask<Double> hit = u.compare(VectorOperators.LT, pd);
        EXACT.cast(ZERO.blend(ONE, hit).convertShape(VectorOperators.D2F, FS, 0)).intoArray(o, i);
        // p in [0, 1], as VectorRandom checks it (widened, the bits order as the doubles')
        return pd.reinterpretAsLongs().compare(VectorOperators.UNSIGNED_LE, ONE_BITS).allTrue();
    }
}
