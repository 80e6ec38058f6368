package tdl.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Iterative graph traversals. Nothing here recurses: a 5000-deep chain (or an unrolled scan) must
 * not overflow the Java stack. Grad, the rewriter and the plan builder all order nodes through here.
 */
public final class GraphWalk {
    private GraphWalk() {}

    /** Every Apply the outputs depend on, inputs before users (a post-order DFS, deterministic). */
    public static List<Apply> toposort(Collection<Variable> outputs) {
        return toposort(outputs, v -> false);
    }

    /**
     * Like {@link #toposort(Collection)}, but does not look behind variables for which {@code stop}
     * holds (their owners are not included unless reached another way).
     */
    public static List<Apply> toposort(Collection<Variable> outputs, Predicate<Variable> stop) {
        List<Apply> order = new ArrayList<>();
        Set<Apply> done = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Apply> entered = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        // stack frames: an Apply and how many of its inputs were already pushed
        Deque<Apply> nodes = new ArrayDeque<>();
        Deque<int[]> next = new ArrayDeque<>();
        for (Variable out : outputs) {
            Apply root = out.owner();
            if (root == null || stop.test(out) || done.contains(root)) continue;
            nodes.push(root);
            next.push(new int[] {0});
            entered.add(root);
            while (!nodes.isEmpty()) {
                Apply a = nodes.peek();
                int[] i = next.peek();
                if (i[0] < a.inputs().size()) {
                    Variable in = a.inputs().get(i[0]++);
                    Apply owner = in.owner();
                    if (owner != null && !stop.test(in) && !done.contains(owner)) {
                        if (!entered.add(owner)) {
                            throw new IllegalStateException("graph has a cycle through " + owner);
                        }
                        nodes.push(owner);
                        next.push(new int[] {0});
                    }
                } else {
                    nodes.pop();
                    next.pop();
                    done.add(a);
                    order.add(a);
                }
            }
        }
        return order;
    }

    /** The leaves (owner-less variables: inputs, shared variables, constants) the outputs depend on, in first-seen order. */
    public static List<Variable> leaves(Collection<Variable> outputs) {
        Set<Variable> seen = new LinkedHashSet<>();
        for (Variable v : outputs) if (v.owner() == null) seen.add(v);
        for (Apply a : toposort(outputs)) {
            for (Variable in : a.inputs()) if (in.owner() == null) seen.add(in);
        }
        return new ArrayList<>(seen);
    }

    /** Number of Apply nodes that read each variable (for printing and dead-buffer analysis). */
    public static Map<Variable, Integer> clientCounts(List<Apply> order) {
        Map<Variable, Integer> n = new IdentityHashMap<>();
        for (Apply a : order) for (Variable in : a.inputs()) n.merge(in, 1, Integer::sum);
        return n;
    }
}
