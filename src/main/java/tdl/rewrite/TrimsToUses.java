package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Op;

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
    record Trimmed(Op op, int[] outputMap) {
        /** The same outputs, in the same order. */
        public static Trimmed sameOutputs(Op op, int outputs) {
            int[] map = new int[outputs];
            for (int i = 0; i < outputs; i++) map[i] = i;
            return new Trimmed(op, map);
        }
    }

    /** What computes {@code node}'s readers' needs with less memory or work, or null to keep the node as it is. */
    Trimmed trimmedTo(Apply node, OutputUses uses);
}
