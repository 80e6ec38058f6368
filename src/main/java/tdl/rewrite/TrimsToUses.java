package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Op;

/**
 * Implemented by an op, defined above this package, that can keep less of what it computes once it
 * knows how its outputs are read (scan keeps one step of an output read only at [-1]). The memory
 * phase ({@link MemoryPhase}) asks every such node.
 */
public interface TrimsToUses {
    /** An op computing what {@code node}'s readers need with less memory, or null to keep the node as it is. */
    Op trimmedTo(Apply node, OutputUses uses);
}
