package tdl.rewrite;

import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Op;
import tdl.graph.Variable;

/**
 * Implemented by an op, defined above this package, that can keep less of what it computes once it
 * knows how its outputs are read (scan keeps one step of an output read only at [-1], and drops an
 * output nobody reads). The memory phase ({@link MemoryPhase}) asks every such node.
 */
public interface TrimsToUses {
    /**
     * A leaner op for a node: {@code outputMap[i]} is the index among the new node's outputs of the
     * old node's output i, or -1 when the new op no longer computes it (only an output nobody reads).
     */
    record Trimmed(Op op, List<Variable> inputs, int[] outputMap) {}

    /**
     * What computes {@code node}'s readers' needs with less memory or work, or null to keep the
     * node as it is. {@code inputs} are the node's inputs in the rewritten graph; the new node
     * takes {@link Trimmed#inputs()} (those, or those and values the loop no longer computes itself).
     */
    Trimmed trimmedTo(Apply node, List<Variable> inputs, OutputUses uses);
}
