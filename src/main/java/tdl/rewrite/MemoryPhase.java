package tdl.rewrite;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.graph.Apply;
import tdl.graph.GraphWalk;
import tdl.graph.Rebuild;
import tdl.graph.Variable;

/**
 * Once the graph is final, nodes whose ops can keep less of what they compute ({@link TrimsToUses})
 * are given the readers of their outputs and replaced by the leaner op they return, with the same
 * inputs and origin: a scan output read only at {@code [-1]} keeps one step instead of all of them,
 * and one nobody reads is not computed at all.
 * It runs after fusion, so the readers it sees are the ones the plan will run.
 */
public final class MemoryPhase implements Phase {
    public static final String NAME = "memory";
    public static final String RULE = "TrimToUses";

    @Override
    public String name() { return NAME; }

    @Override
    public Phase without(Set<String> names) {
        return names.contains(NAME) || names.contains(RULE) ? new LocalPhase(NAME, List.of()) : this;
    }

    @Override
    public List<Variable> run(List<Variable> outputs, RewriteLog log) {
        List<Apply> order = GraphWalk.toposort(outputs);
        OutputUses uses = new OutputUses(order, outputs);
        Map<Variable, Variable> memo = new IdentityHashMap<>();
        for (Apply a : order) {
            Apply b = Rebuild.withMappedInputs(a, memo);
            TrimsToUses.Trimmed lean = a.op() instanceof TrimsToUses t ? t.trimmedTo(a, b.inputs(), uses) : null;
            int[] map = null;
            if (lean != null) {
                b = Apply.make(lean.op(), lean.inputs(), a.origin());
                log.fired(RULE);
                map = lean.outputMap();
                for (int i = 0; i < a.outputs().size(); i++) if (map[i] >= 0) b.outputs().get(map[i]).setName(a.outputs().get(i).name());
            }
            if (b == a) continue;
            // a dropped output has no reader, so nothing is mapped to it
            for (int i = 0; i < a.outputs().size(); i++) {
                int j = map == null ? i : map[i];
                if (j >= 0) memo.put(a.outputs().get(i), b.outputs().get(j));
            }
        }
        return Rebuild.map(outputs, memo);
    }

    @Override
    public String toString() { return NAME; }
}
