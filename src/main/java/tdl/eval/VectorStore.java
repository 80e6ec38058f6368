package tdl.eval;

import jdk.incubator.vector.DoubleVector;

/**
 * {@code v.intoArray(a, i)} that stays an intrinsic. On JDK 17, C2 sometimes compiles a kernel
 * without knowing the exact class of a vector that comes out of a loop or a long expression
 * (when the profile of the call site is missing, which depends on compilation order: about one
 * run in three). The store intrinsic then fails, the vectors are boxed on the heap, and the kernel
 * allocates megabytes per call and runs several times slower. Comparing the class with the
 * species' own gives C2 the exact type back on the branch that is always taken.
 */
final class VectorStore {
    private static final Class<?> EXACT = DoubleVector.SPECIES_PREFERRED.vectorType();

    private VectorStore() {}

    static void into(DoubleVector v, double[] a, int i) {
        if (v.getClass() == EXACT) v.intoArray(a, i);
        else v.intoArray(a, i);
    }
}
