package tdl.graph;

import java.util.List;

/**
 * An operation: the symbolic side only (types and gradient). Kernels that compute it live in
 * {@code tdl.eval}. Ops have value equality (records are ideal) so equal subgraphs can be merged.
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

    /** Whether evaluating the op twice on equal inputs can give different results (random draws). */
    default boolean isStochastic() { return false; }
}
