package tdl.graph;

import java.util.List;

/**
 * An operation: the symbolic side only (types and gradient). Kernels that compute it live in
 * {@code tdl.eval}; an op defined above it (scan) brings its own through {@code tdl.eval.KernelFactory}.
 * Ops have value equality (records are ideal) so equal subgraphs can be merged. An op record writes
 * its {@code equals} and {@code hashCode} out: the ones javac generates for records bootstrap method
 * handles the first time each record class uses them, several milliseconds per class in a fresh JVM,
 * which the first {@code theano.function} paid for every op kind it merged (RecordMethodsTest checks).
 */
public interface Op {
    /** Short name used in printing, profiles and error messages ("Elemwise{exp}", "Dot", ...). */
    String name();

    /**
     * Output types for these input types; throws {@link GraphError} (TypeError / ValueError) when the
     * inputs do not fit, with a message a script author understands.
     */
    List<TensorType> outputTypes(List<TensorType> inputs);

    /**
     * Reverse-mode rule: given the gradients of the cost with respect to each output of {@code node}
     * (null where no gradient flows into that output), return one gradient per input, shaped like
     * that input, or null where no gradient flows (integer inputs, random draws, indices).
     * An op with no rule throws {@link GraphError} of kind "GradientError" naming itself.
     */
    List<Variable> grad(Apply node, List<Variable> outputGrads);

    /**
     * Why no gradient is defined through float input {@code input} (Theano's grad_undefined), or null.
     * grad raises when a wrt reaches the cost through such an input instead of letting the path carry
     * zero, as Theano's NullTypeGradError: a zero there would be a silently wrong gradient.
     */
    default String undefinedGradient(int input) { return null; }

    /**
     * Whether evaluating the op twice on equal inputs can give different results (random draws). An
     * op whose inner graph draws random numbers is random too.
     */
    default boolean isStochastic() {
        for (InnerGraph g : innerGraphs()) {
            for (Apply a : GraphWalk.toposort(g.outputs())) if (a.op().isStochastic()) return true;
        }
        return false;
    }

    /**
     * The graphs this op runs inside itself (a scan's body; none for most ops). Passes over the outer
     * graph treat such a node as opaque: constant folding skips it, and it is compiled with its
     * inner graphs by whoever compiles the outer one.
     */
    default List<InnerGraph> innerGraphs() { return List.of(); }

    /**
     * Whether computing the op does something besides its value (theano.printing.Print prints):
     * such a node is computed in every call, so constant folding leaves it in the graph.
     */
    default boolean hasSideEffects() { return false; }
}
