package tdl.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorRandom} writing floats: the same hash and double compare in long lanes, the float
 * probabilities loaded at half the width (as many float lanes as long lanes) and widened exactly.
 */
final class VectorRandomF {
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED.withShape(
            VectorShape.forBitSize(Math.max(64, LS.length() * Float.SIZE)));
    private static final boolean USABLE = LS.length() == DS.length() && FS.length() == LS.length();

    private VectorRandomF() {}

    static boolean usable() { return USABLE; }

    static int bernoulli(long key, long golden, double scale, float[] p, float[] o) {
        int l = LS.length();
        int n = o.length - o.length % l;
        for (int i = 0; i < n; i += l) one(key, golden, scale, p, o, i);
        return n;
    }

    private static void one(long key, long golden, double scale, float[] p, float[] o, int i) {
        LongVector z = LongVector.zero(LS).addIndex(1).add(i).mul(golden).add(key);
        z = mix(mix(z));
        DoubleVector u = ((DoubleVector) z.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0)).mul(scale);
        DoubleVector pd = (DoubleVector) FloatVector.fromArray(FS, p, i).convertShape(VectorOperators.F2D, DS, 0);
        VectorMask<Float> hit = u.compare(VectorOperators.LT, pd).cast(FS);
        FloatVector.zero(FS).blend(1f, hit).intoArray(o, i);
    }

    private static LongVector mix(LongVector z) {
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }
}
