package tdl.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.graph.Apply;
import tdl.graph.Variable;

/** How the values of a graph are used: the nodes that read each one, and which are results of the graph. */
public final class OutputUses {
    private final Map<Variable, List<Apply>> readers = new IdentityHashMap<>();
    private final Set<Variable> results = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The uses in the graph of {@code order} (its nodes, inputs first) computing {@code results}. */
    OutputUses(List<Apply> order, List<Variable> results) {
        for (Apply a : order) for (Variable in : a.inputs()) readers.computeIfAbsent(in, k -> new ArrayList<>()).add(a);
        this.results.addAll(results);
    }

    /** The nodes reading {@code v} (once per input position it fills), in graph order; empty when none. */
    public List<Apply> readers(Variable v) { return readers.getOrDefault(v, List.of()); }

    /** Whether {@code v} is one of the graph's results (a function output or update value, a body output). */
    public boolean isResult(Variable v) { return results.contains(v); }
}
