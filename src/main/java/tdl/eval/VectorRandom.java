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
    private static final boolean USABLE = VectorKernels.LONG_LANES && LS.length() == DS.length();
    private static final Class<? extends DoubleVector> EXACT = VectorKernels.exact(DS);
    // constants as static final vectors (see VectorKernels): the lane index ramp, 0 and 1
    private static final LongVector RAMP = LongVector.zero(LS).addIndex(1);
    private static final LongVector M1 = LongVector.broadcast(LS, 0xBF58476D1CE4E5B9L), M2 = LongVector.broadcast(LS, 0x94D049BB133111EBL);
    private static final DoubleVector ZERO = DoubleVector.zero(DS), ONE = DoubleVector.broadcast(DS, 1.0);
    private static final LongVector ONE_BITS = LongVector.broadcast(LS, Double.doubleToRawLongBits(1.0));

    private VectorRandom() {}

    static boolean usable() { return USABLE; }

    /**
     * o[i] = 1 when uniform(mix(mix(key + i * golden))) < p[i], else 0, for the whole vectors of
     * [from, to); returns where they end, or where the first vector holding a p outside [0, 1] (or
     * NaN) starts, which is left for the caller's scalar loop to find and report. The check rides
     * in the vector loop: a scalar pass over p before it cost nearly as much as the draws.
     */
    static int bernoulli(long key, long golden, double scale, double[] p, double[] o, int from, int to) {
        int l = LS.length();
        int n = from + (to - from) / l * l;
        for (int i = from; i < n; i += l) if (!one(key, golden, scale, p, o, i)) return i;
        return n;
    }

    /**
     * One vector, every vector value made and consumed inside: a vector held across the loop of
     * {@link #bernoulli} (the index ramp, the constants, when they were locals) was boxed on the
     * heap at every call; static final constants are not.
     */
    private static boolean one(long key, long golden, double scale, double[] p, double[] o, int i) {
        LongVector z = RAMP.add(i).mul(golden).add(key);
        // mix(mix(z)) of RandomKernel, written out: a vector passed to a method of ours could be boxed
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(M1);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(M2);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(M1);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(M2);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
        DoubleVector u = ((DoubleVector) z.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0)).mul(scale);
        DoubleVector pv = DoubleVector.fromArray(DS, p, i);
        VectorMask<Double> hit = u.compare(VectorOperators.LT, pv);
        EXACT.cast(ZERO.blend(ONE, hit)).intoArray(o, i);
        // p in [0, 1] as bits: NaN and negatives (sign bit set) compare above 1.0's bits; -0.0 too,
        // and the caller's scalar loop then takes it as the valid p it is
        return pv.reinterpretAsLongs().compare(VectorOperators.UNSIGNED_LE, ONE_BITS).allTrue();
    }
}
