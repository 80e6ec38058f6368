package tdl.function;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.IfElseOp;

/**
 * Makes ifelse lazy in a plan, as Theano's is: the nodes only one branch of an ifelse needs (every
 * path from them to the results goes through that branch input) run only when the condition picks
 * that branch, so an index out of range or a costly subgraph in the branch not taken never runs.
 *
 * <p>Each such block is moved to just before its ifelse (after the condition, which is not part of
 * either block), branch a then branch b, and gets a guard: when the condition does not pick it, the
 * plan jumps to the block's end. Blocks nest (an inner ifelse and its blocks sit inside an outer
 * block); a step may start several blocks, outermost guard first.
 */
final class LazyBranches {
    private LazyBranches() {}

    /** Skip to step {@code end} unless the condition's truth equals {@code whenTrue}. */
    record Guard(Variable cond, boolean whenTrue, int end) {}

    /** The step order, and the guards checked before the step at each index. */
    record Schedule(List<Apply> order, Map<Integer, List<Guard>> guards) {}

    private record Block(Apply ifelse, int branch) {}

    static Schedule schedule(List<Apply> order, List<Variable> results) {
        List<Apply> ifelses = new ArrayList<>();
        for (Apply a : order) if (a.op() instanceof IfElseOp) ifelses.add(a);
        if (ifelses.isEmpty()) return new Schedule(order, Map.of());

        Map<Variable, List<Object[]>> uses = new IdentityHashMap<>(); // variable -> (consumer, input index)
        for (Apply a : order) {
            for (int i = 0; i < a.inputs().size(); i++) {
                uses.computeIfAbsent(a.inputs().get(i), k -> new ArrayList<>()).add(new Object[] {a, i});
            }
        }
        Set<Variable> resultSet = Collections.newSetFromMap(new IdentityHashMap<>());
        resultSet.addAll(results);

        // the innermost block of each node: blocks nest, so the smallest exclusive set holding it
        Map<Apply, Block> owner = new IdentityHashMap<>();
        Map<Block, Integer> size = new HashMap<>();
        for (Apply ie : ifelses) {
            for (int k = 1; k <= 2; k++) {
                Block b = new Block(ie, k);
                Set<Apply> excl = exclusive(order, ie, k, uses, resultSet);
                size.put(b, excl.size());
                for (Apply n : excl) {
                    Block cur = owner.get(n);
                    if (cur == null || size.get(cur) > excl.size()) owner.put(n, b);
                }
            }
        }
        List<Apply> out = new ArrayList<>(order.size());
        Map<Integer, List<Guard>> guards = new HashMap<>();
        emit(null, order, owner, out, guards);
        return new Schedule(out, guards);
    }

    /** The nodes before {@code ie} whose every use leads only into input {@code k} of {@code ie}. */
    private static Set<Apply> exclusive(List<Apply> order, Apply ie, int k, Map<Variable, List<Object[]>> uses,
                                        Set<Variable> results) {
        Set<Apply> s = Collections.newSetFromMap(new IdentityHashMap<>());
        int at = order.indexOf(ie);
        for (int i = at - 1; i >= 0; i--) { // consumers come later in the order: decided before their producers
            Apply n = order.get(i);
            boolean only = true, used = false;
            for (Variable o : n.outputs()) {
                if (results.contains(o)) { only = false; break; }
                for (Object[] u : uses.getOrDefault(o, List.of())) {
                    used = true;
                    Apply c = (Apply) u[0];
                    if (!((c == ie && (int) u[1] == k) || s.contains(c))) { only = false; break; }
                }
                if (!only) break;
            }
            if (only && used) s.add(n);
        }
        return s;
    }

    private static void emit(Block parent, List<Apply> order, Map<Apply, Block> owner, List<Apply> out,
                             Map<Integer, List<Guard>> guards) {
        for (Apply a : order) {
            if (!java.util.Objects.equals(owner.get(a), parent)) continue;
            if (a.op() instanceof IfElseOp) {
                for (int k = 1; k <= 2; k++) {
                    int start = out.size();
                    emit(new Block(a, k), order, owner, out, guards);
                    if (out.size() > start) {
                        // added after the blocks inside it, so put first: the outer guard is checked first
                        guards.computeIfAbsent(start, x -> new ArrayList<>()).add(0, new Guard(a.inputs().get(0), k == 1, out.size()));
                    }
                }
            }
            out.add(a);
        }
    }
}
