package tdl.eval;

import jdk.incubator.vector.FloatVector;

/** {@link VectorStore} for float lanes: the same exact-class check, for the same JDK 17 C2 reason. */
final class VectorStoreF {
    private static final Class<?> EXACT = FloatVector.SPECIES_PREFERRED.vectorType();

    private VectorStoreF() {}

    static void into(FloatVector v, float[] a, int i) {
        if (v.getClass() == EXACT) v.intoArray(a, i);
        else v.intoArray(a, i);
    }
}
