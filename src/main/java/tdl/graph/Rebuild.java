package tdl.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cloning with replacements: nodes are immutable, so replacing a variable rebuilds every node
 * downstream of it (same op and origin) and leaves the rest of the graph shared.
 */
public final class Rebuild {
    private Rebuild() {}

    /** {@code a} itself when none of its inputs is mapped, else a copy over the mapped inputs (same op and origin). */
    public static Apply withMappedInputs(Apply a, Map<Variable, Variable> memo) {
        List<Variable> ins = a.inputs();
        List<Variable> mapped = null;
        for (int i = 0; i < ins.size(); i++) {
            Variable m = memo.get(ins.get(i));
            if (m != null && m != ins.get(i)) {
                if (mapped == null) mapped = new ArrayList<>(ins);
                mapped.set(i, m);
            }
        }
        if (mapped == null) return a;
        Apply b = a.withInputs(mapped);
        for (int i = 0; i < a.outputs().size(); i++) {
            String n = a.outputs().get(i).name();
            if (n != null) b.outputs().get(i).setName(n);
        }
        return b;
    }

    /** Each variable's replacement in {@code memo}, or itself. */
    public static List<Variable> map(List<Variable> vars, Map<Variable, Variable> memo) {
        List<Variable> out = new ArrayList<>(vars.size());
        for (Variable v : vars) out.add(memo.getOrDefault(v, v));
        return out;
    }

    /** The results over a rebuilt graph in which each key of {@code replacements} is replaced by its value. */
    public static List<Variable> substitute(List<Variable> results, Map<Variable, Variable> replacements) {
        if (replacements.isEmpty()) return results;
        Map<Variable, Variable> memo = new IdentityHashMap<>(replacements);
        Set<Variable> keys = Collections.newSetFromMap(new IdentityHashMap<>());
        keys.addAll(replacements.keySet());
        // do not walk behind a replaced variable: its old subgraph is gone
        for (Apply a : GraphWalk.toposort(results, keys::contains)) {
            Apply b = withMappedInputs(a, memo);
            if (b == a) continue;
            for (int i = 0; i < a.outputs().size(); i++) memo.put(a.outputs().get(i), b.outputs().get(i));
        }
        return map(results, memo);
    }
}
