package tdl.function;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.grad.ScanOp;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.GraphWalk;
import tdl.graph.Rebuild;
import tdl.graph.Variable;
import tdl.graph.ops.IndexSpec;
import tdl.graph.ops.SubtensorOp;

/**
 * Compile-time analysis: a scan output whose every reader takes only its last step ({@code out[-1]},
 * with a constant -1), or that nobody reads, and which is not itself a result does not need its history, so the scan
 * node is replaced by one that keeps only the last step for it (a (1, ...) buffer; [-1] still reads
 * it). A gradient that needs the history reads the whole output, so it is never marked.
 */
final class ScanHistory {
    private ScanHistory() {}

    static List<Variable> keepLastOnly(List<Variable> results) {
        List<Apply> order = GraphWalk.toposort(results);
        Map<Variable, List<Apply>> readers = new IdentityHashMap<>();
        for (Apply a : order) for (Variable in : a.inputs()) readers.computeIfAbsent(in, k -> new ArrayList<>()).add(a);
        Set<Variable> isResult = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        isResult.addAll(results);
        Map<Variable, Variable> replace = new IdentityHashMap<>();
        for (Apply a : order) {
            if (!(a.op() instanceof ScanOp op)) continue;
            List<Boolean> flags = new ArrayList<>(op.lastOnly());
            boolean changed = false;
            for (int j = 0; j < op.nOutputs(); j++) {
                Variable out = a.outputs().get(j);
                if (flags.get(j) || isResult.contains(out)) continue;
                List<Apply> rs = readers.getOrDefault(out, List.of());
                // an output nobody reads needs no history either (only its last step, which a
                // recurrent output's next step reads from the buffer)
                boolean onlyLast = true;
                for (Apply r : rs) onlyLast &= readsLastStep(r, out);
                if (onlyLast) {
                    flags.set(j, true);
                    changed = true;
                }
            }
            if (!changed) continue;
            Apply b = Apply.make(op.withLastOnly(flags), a.inputs(), a.origin());
            for (int i = 0; i < a.outputs().size(); i++) {
                b.outputs().get(i).setName(a.outputs().get(i).name());
                replace.put(a.outputs().get(i), b.outputs().get(i));
            }
        }
        return replace.isEmpty() ? results : Rebuild.substitute(results, replace);
    }

    /** r is x[-1] (or x[-1, ...]) with a constant -1, and x appears only as the indexed tensor. */
    private static boolean readsLastStep(Apply r, Variable x) {
        if (!(r.op() instanceof SubtensorOp s) || s.idx().isEmpty() || !(s.idx().get(0) instanceof IndexSpec.Point)) return false;
        if (r.inputs().get(0) != x) return false;
        for (int i = 1; i < r.inputs().size(); i++) if (r.inputs().get(i) == x) return false;
        return r.inputs().get(1) instanceof Constant c && c.value().size() == 1 && c.value().data()[0] == -1;
    }
}
