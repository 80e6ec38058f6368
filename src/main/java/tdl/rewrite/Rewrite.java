package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;

/**
 * A local rewrite: looks at one node and, when its pattern matches, returns a variable computing
 * the same value as the node's (single) output, or null. The rewriter discards a replacement whose
 * type (dtype, rank) differs from the original, so a rule need not re-check types it cannot change
 * by accident, but it must keep shapes: a pattern that drops a constant only matches a size-1
 * constant, which cannot widen the result by broadcasting. Each implementation documents its
 * algebra in its doc comment.
 */
public interface Rewrite {
    /** The name used in logs and to switch the rule off ("LogOnePlusExpToSoftplus"). */
    String name();

    /** The replacement for {@code node.output()}, or null when the rule does not apply. */
    Variable apply(Apply node);

    /**
     * The same, for a rule that reads inferred shapes: {@code shapes} is the phase run's shared
     * {@link ShapeInference} (memoized across the run). Rules that do not read shapes keep the default.
     */
    default Variable apply(Apply node, ShapeInference shapes) { return apply(node); }
}
