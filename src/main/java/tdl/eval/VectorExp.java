package tdl.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The constants of {@link tdl.graph.ops.ScalarMath}'s exp as vectors, for the loops built on it
 * ({@link VectorSigmoid}, {@link VectorSoftplus}, {@link VectorTanh}). Static final vectors, one
 * field per constant ({@link VectorKernels}' rules: C2 takes any class's static final field as a
 * constant, an array element it does not). The per-vector code itself is written out in each loop:
 * a vector must not cross a call of ours.
 */
final class VectorExp {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final Class<? extends DoubleVector> EXACT = VectorKernels.exact(S);
    static final DoubleVector ZERO = DoubleVector.zero(S), ONE = DoubleVector.broadcast(S, 1.0);
    static final DoubleVector FLOOR = DoubleVector.broadcast(S, Sigmoid.FLOOR);
    static final DoubleVector LOG2E = DoubleVector.broadcast(S, Sigmoid.LOG2E);
    static final DoubleVector ROUND = DoubleVector.broadcast(S, Sigmoid.ROUND);
    static final DoubleVector LN2_HI = DoubleVector.broadcast(S, Sigmoid.LN2_HI);
    static final DoubleVector LN2_LO = DoubleVector.broadcast(S, Sigmoid.LN2_LO);
    // subtracted from y's bits, it leaves k + 1023 in the exponent field (y = t log2e + ROUND holds k in its low bits)
    static final LongVector EXPONENT_SHIFT = LongVector.broadcast(LongVector.SPECIES_PREFERRED,
            Double.doubleToRawLongBits(Sigmoid.ROUND) - 1023L);
    // the Taylor coefficients 1/13! .. 1/0!, highest order first
    static final DoubleVector C0 = c(0), C1 = c(1), C2 = c(2), C3 = c(3), C4 = c(4), C5 = c(5), C6 = c(6),
            C7 = c(7), C8 = c(8), C9 = c(9), C10 = c(10), C11 = c(11), C12 = c(12), C13 = c(13);

    private VectorExp() {}

    private static DoubleVector c(int i) { return DoubleVector.broadcast(S, Sigmoid.C[i]); }

    /** Whether the loops can run: a long vector must have as many lanes as a double one. */
    static boolean usable() { return LongVector.SPECIES_PREFERRED.length() == S.length(); }
}
