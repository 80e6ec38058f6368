package tdl.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorRandom} for float probabilities and samples: the same hash and double compare in
 * long and double lanes, on a chunk of p widened into double scratch, the 0/1 results narrowed
 * back. (Loading floats straight into double lanes needs a shape-changing conversion that JDK 17
 * does not compile to vector instructions: that version ran 6x slower than the double kernel.)
 */
final class VectorRandomF {
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final boolean USABLE = VectorKernels.LONG_LANES && LS.length() == DS.length();
    private static final Class<? extends DoubleVector> EXACT = VectorKernels.exact(DS);
    // constants as static final vectors (VectorKernels' rules)
    private static final LongVector RAMP = LongVector.zero(LS).addIndex(1);
    private static final LongVector M1 = LongVector.broadcast(LS, 0xBF58476D1CE4E5B9L), M2 = LongVector.broadcast(LS, 0x94D049BB133111EBL);
    private static final DoubleVector ZERO = DoubleVector.zero(DS), ONE = DoubleVector.broadcast(DS, 1.0);
    /** Elements widened at a time: the length of each of the two scratch arrays. */
    static final int CHUNK = 256;

    private VectorRandomF() {}

    static boolean usable() { return USABLE && CHUNK % LS.length() == 0; }

    /**
     * The whole vectors of o in [from, to); returns where they end. {@code pd} and {@code od} are
     * scratch of CHUNK doubles.
     */
    static int bernoulli(long key, long golden, double scale, float[] p, float[] o, int from, int to, double[] pd, double[] od) {
        int l = LS.length();
        int n = from + (to - from) / l * l;
        for (int base = from; base < n; base += CHUNK) {
            int len = Math.min(CHUNK, n - base);
            for (int i = 0; i < len; i++) pd[i] = p[base + i];
            for (int i = 0; i < len; i += l) one(key, golden, scale, pd, od, base, i);
            for (int i = 0; i < len; i++) o[base + i] = (float) od[i];
        }
        return n;
    }

    private static void one(long key, long golden, double scale, double[] pd, double[] od, int base, int i) {
        LongVector z = RAMP.add(base + i).mul(golden).add(key);
        // mix(mix(z)) of RandomKernel, written out (a vector passed to a method of ours could be boxed)
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(M1);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(M2);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(M1);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(M2);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
        DoubleVector u = ((DoubleVector) z.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0)).mul(scale);
        VectorMask<Double> hit = u.compare(VectorOperators.LT, DoubleVector.fromArray(DS, pd, i));
        EXACT.cast(ZERO.blend(ONE, hit)).intoArray(od, i);
    }
}
