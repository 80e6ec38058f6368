package tdl.function;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.GraphWalk;
import tdl.graph.InnerGraph;
import tdl.graph.Rebuild;
import tdl.graph.Variable;
import tdl.graph.ops.RandomCounter;
import tdl.graph.ops.RandomOp;
import tdl.vocab.ErrorKind;

/**
 * function(..., no_default_updates=...): the random draws whose stream a compiled function reads
 * without advancing (Theano skips the default update of their generator state). {@code all} is
 * no_default_updates=True; otherwise the listed draws' counters.
 */
public record NoDefaultUpdates(boolean all, Set<RandomCounter> draws, Set<RandomCounter> updated) {
    public static final NoDefaultUpdates NONE = new NoDefaultUpdates(false, Set.of());

    public NoDefaultUpdates(boolean all, Set<RandomCounter> draws) { this(all, draws, Set.of()); }

    public static NoDefaultUpdates of(List<RandomCounter> counters) {
        return new NoDefaultUpdates(false, identitySet(counters));
    }

    /**
     * The same, less the draws an explicit update advances (function(updates=srng.updates())):
     * Theano's explicit updates replace the default ones, so those streams advance regardless.
     */
    public NoDefaultUpdates except(List<RandomCounter> explicitlyUpdated) {
        if (explicitlyUpdated.isEmpty()) return this;
        return new NoDefaultUpdates(all, draws, identitySet(explicitlyUpdated));
    }

    private static Set<RandomCounter> identitySet(List<RandomCounter> counters) {
        Set<RandomCounter> s = Collections.newSetFromMap(new IdentityHashMap<>());
        s.addAll(counters);
        return Collections.unmodifiableSet(s);
    }

    boolean covers(RandomCounter c) { return (all || draws.contains(c)) && !updated.contains(c); }

    /** The results with each covered draw replaced by its non-advancing copy. */
    List<Variable> apply(List<Variable> results) {
        if (!all && draws.isEmpty()) return results;
        Map<Variable, Variable> frozen = new IdentityHashMap<>();
        for (Apply a : GraphWalk.toposort(results)) {
            if (a.op() instanceof RandomOp r && r.advances() && covers(r.counter())) {
                frozen.put(a.output(), Apply.make(r.frozen(), a.inputs(), a.origin()).output());
            }
            for (InnerGraph g : a.op().innerGraphs()) {
                for (Apply b : GraphWalk.toposort(g.outputs())) {
                    if (b.op() instanceof RandomOp r && covers(r.counter())) {
                        // a scan's draws advance inside its loop; skipping that is not written yet
                        throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR,
                                "no_default_updates does not reach random draws inside scan",
                                "draw the numbers outside the scan and pass them as a sequence");
                    }
                }
            }
        }
        return Rebuild.substitute(results, frozen);
    }
}
