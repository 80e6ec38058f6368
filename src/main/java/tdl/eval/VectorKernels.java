package tdl.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The rules every Vector API kernel here follows, so that C2 compiles it without boxing in any JVM,
 * whatever ran before it (JDK 17's vector intrinsics need each vector's exact class and need every
 * call between a vector's making and its use inlined; a vector that reaches a call left out of line
 * is allocated on the heap, 96 bytes per 8 doubles):
 * <ul>
 *   <li>a vector never crosses a call of our own: per-vector methods take arrays and indices;</li>
 *   <li>constant vectors are static final fields (one per constant), never made per call;</li>
 *   <li>results are stored through {@code EXACT.cast(v).intoArray(..)}: the cast is an intrinsic that
 *       gives C2 the exact class back even when the value comes out of a loop or a late-inlined call
 *       (the type profile of such a value depends on compilation order and is sometimes missing);</li>
 *   <li>a per-vector method stays well under the JIT's inlining budget (C2 stops inlining ordinary
 *       calls at about 18,000 parse nodes; each Vector API call costs a few hundred): a method that
 *       came close boxed its results whenever other code had polluted the shared JDK methods' profiles.</li>
 * </ul>
 * {@code SteadyStateVectorTest} runs the RBM's plans after deliberately polluting those profiles.
 */
final class VectorKernels {
    // before any vector loop can be compiled: every Vector* class initialises this one first
    private static final String COMPILE_ROOTS_PROBLEM = VectorCompileRoots.install();

    private VectorKernels() {}

    /**
     * Why the vector loops are not kept as compilations of their own ({@link VectorCompileRoots}),
     * or null when they are. Calling it also makes sure this class, hence the directive, is set up.
     */
    static String compileRootsProblem() {
        return COMPILE_ROOTS_PROBLEM;
    }

    /**
     * Whether kernels that multiply or convert 64-bit integer lanes (the Bernoulli draws' counter
     * hash) may run: only with 512-bit vectors. Those are AVX-512 instructions; under
     * -XX:UseAVX=2 C2 leaves them out of line and the draws boxed every vector (21 MB per train_rbm
     * call), far slower than the scalar loops that serve there instead. The sigmoid's long lanes
     * are only shifted and subtracted, which AVX2 has: it keeps its vector loop everywhere.
     */
    static final boolean LONG_LANES = DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512;

    /** The concrete vector class of a species (the one class every vector of it has). */
    static Class<? extends DoubleVector> exact(VectorSpecies<Double> s) {
        return s.vectorType().asSubclass(DoubleVector.class);
    }
}
