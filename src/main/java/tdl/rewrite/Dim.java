package tdl.rewrite;

import tdl.graph.Variable;

/**
 * One dimension of a run-time shape as {@link ShapeInference} knows it. Records compare by value
 * and variables by identity, so two dims are equal exactly when they are provably the same number
 * (for every run that raises no error).
 */
public sealed interface Dim {
    /** A size the graph fixes (a constant's, a reduction's kept axis, an alloc's constant argument). */
    record Known(long size) implements Dim {
        // equals/hashCode written out, not generated: cold-compile speed (see tdl.graph.Op)
        @Override
        public boolean equals(Object o) { return o instanceof Known k && k.size == size; }

        @Override
        public int hashCode() { return Long.hashCode(size); }
    }

    /**
     * {@code of.shape[axis]} read at run time: {@code of} is a function input, a shared variable, or
     * a node whose size on that axis is not inferred (an op without a rule, a broadcast that could go
     * either way). The shape inference names the earliest such variable, so equal sizes meet.
     */
    record Of(Variable of, int axis) implements Dim {
        @Override
        public boolean equals(Object o) { return o instanceof Of d && d.of == of && d.axis == axis; }

        @Override
        public int hashCode() { return System.identityHashCode(of) * 31 + axis; }
    }

    /** The value of an integer scalar computed by the graph and used as a size (an alloc's argument). */
    record Value(Variable scalar) implements Dim {
        @Override
        public boolean equals(Object o) { return o instanceof Value d && d.scalar == scalar; }

        @Override
        public int hashCode() { return System.identityHashCode(scalar); }
    }

    Known ONE = new Known(1);

    /** Whether this dim is the constant 1 (it broadcasts against anything). */
    default boolean isOne() { return this instanceof Known k && k.size() == 1; }
}
