package tdl.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Bernoulli draws of {@link RandomKernel}, eight lanes at a time on the Vector API: the same
 * counter hash (integer multiplies, shifts and xors, exact in every lane) and the same compare, so
 * the numbers equal the scalar loop's bit for bit. Loaded only when {@link Gemm#VECTOR} is true.
 */
final class VectorRandom {
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final boolean USABLE = LS.length() == DS.length();

    private VectorRandom() {}

    static boolean usable() { return USABLE; }

    /** o[i] = 1 when uniform(mix(mix(key + i * golden))) < p[i], else 0, for i in [0, n). */
    static int bernoulli(long key, long golden, double scale, double[] p, double[] o) {
        int l = LS.length();
        int n = o.length - o.length % l;
        for (int i = 0; i < n; i += l) one(key, golden, scale, p, o, i);
        return n;
    }

    /**
     * One vector, every vector value made and consumed inside: a vector held across the loop of
     * {@link #bernoulli} (the index ramp, the constants) was boxed on the heap at every call.
     */
    private static void one(long key, long golden, double scale, double[] p, double[] o, int i) {
        LongVector z = LongVector.zero(LS).addIndex(1).add(i).mul(golden).add(key);
        z = mix(mix(z));
        DoubleVector u = ((DoubleVector) z.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0)).mul(scale);
        VectorMask<Double> hit = u.compare(VectorOperators.LT, DoubleVector.fromArray(DS, p, i));
        VectorStore.into(DoubleVector.zero(DS).blend(1.0, hit), o, i);
    }

    private static LongVector mix(LongVector z) {
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }
}
