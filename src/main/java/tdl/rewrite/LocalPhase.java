package tdl.rewrite;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.graph.Apply;
import tdl.graph.GraphWalk;
import tdl.graph.Rebuild;
import tdl.graph.Variable;

/**
 * Applies a list of local rewrites to every node, inputs first, until nothing fires (bounded).
 * Nodes are immutable, so a pass rebuilds a node whose inputs were replaced (keeping its origin)
 * and leaves untouched subgraphs shared. On each node the rules are tried in list order, and again
 * on the replacement, so earlier rules take precedence (log(1+exp(x)) becomes softplus, not log1p).
 */
public final class LocalPhase implements Phase {
    private static final int MAX_SWEEPS = 12;
    private static final int MAX_CHAIN = 16;

    private final String name;
    private final List<Rewrite> rewrites;

    public LocalPhase(String name, List<Rewrite> rewrites) {
        this.name = name;
        this.rewrites = List.copyOf(rewrites);
    }

    @Override
    public String name() { return name; }

    public List<Rewrite> rewrites() { return rewrites; }

    @Override
    public Phase without(Set<String> names) {
        if (names.contains(name)) return new LocalPhase(name, List.of());
        List<Rewrite> kept = new ArrayList<>();
        for (Rewrite r : rewrites) if (!names.contains(r.name())) kept.add(r);
        return new LocalPhase(name, kept);
    }

    @Override
    public List<Variable> run(List<Variable> outputs, RewriteLog log) {
        if (rewrites.isEmpty()) return outputs;
        List<Variable> current = outputs;
        ShapeInference shapes = new ShapeInference(); // nodes are immutable: its memo holds for the whole run
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean[] changed = {false};
            Map<Variable, Variable> memo = new IdentityHashMap<>();
            for (Apply a : GraphWalk.toposort(current)) {
                Apply b = Rebuild.withMappedInputs(a, memo);
                if (b != a) changed[0] = true;
                if (b.outputs().size() == 1) {
                    Variable out = rewriteNode(b, log, changed, shapes);
                    memo.put(a.output(), out);
                } else {
                    for (int i = 0; i < a.outputs().size(); i++) memo.put(a.outputs().get(i), b.outputs().get(i));
                }
            }
            current = Rebuild.map(current, memo);
            if (!changed[0]) break;
        }
        return current;
    }

    private Variable rewriteNode(Apply node, RewriteLog log, boolean[] changed, ShapeInference shapes) {
        Variable cur = node.output();
        for (int step = 0; step < MAX_CHAIN && cur.owner() != null && cur.owner().outputs().size() == 1; step++) {
            Variable next = null;
            for (Rewrite r : rewrites) {
                Variable rep = r.apply(cur.owner(), shapes);
                if (rep != null && rep != cur && rep.type().equals(cur.type())) {
                    log.fired(r.name());
                    next = rep;
                    break;
                }
            }
            if (next == null) break;
            cur = next;
            changed[0] = true;
        }
        return cur;
    }

    @Override
    public String toString() { return name + rewrites.stream().map(Rewrite::name).toList(); }
}
