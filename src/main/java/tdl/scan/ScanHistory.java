package tdl.scan;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.Variable;
import tdl.graph.ops.IndexSpec;
import tdl.graph.ops.SubtensorOp;
import tdl.rewrite.OutputUses;

/**
 * Scan's rule in the memory phase ({@link tdl.rewrite.MemoryPhase}, as Theano's scan_save_mem): a
 * scan output whose every reader takes only its last step ({@code out[-1]}, with a constant -1), or
 * that nobody reads, and which is not itself a result does not need its history, so the node keeps
 * only the last step for it (a (1, ...) buffer; [-1] still reads it). A gradient that needs the
 * history reads the whole output, so it is never marked.
 */
final class ScanHistory {
    private ScanHistory() {}

    /** {@code op} with more outputs marked lastOnly, or null when no output changes. */
    static ScanOp keepLastOnly(ScanOp op, Apply node, OutputUses uses) {
        List<Boolean> flags = new ArrayList<>(op.lastOnly());
        boolean changed = false;
        for (int j = 0; j < op.nOutputs(); j++) {
            Variable out = node.outputs().get(j);
            if (flags.get(j) || uses.isResult(out)) continue;
            // an output nobody reads needs no history either (only its last step, which a
            // recurrent output's next step reads from the buffer)
            boolean onlyLast = true;
            for (Apply r : uses.readers(out)) onlyLast &= readsLastStep(r, out);
            if (onlyLast) {
                flags.set(j, true);
                changed = true;
            }
        }
        return changed ? op.withLastOnly(flags) : null;
    }

    /** r is x[-1] (or x[-1, ...]) with a constant -1, and x appears only as the indexed tensor. */
    private static boolean readsLastStep(Apply r, Variable x) {
        if (!(r.op() instanceof SubtensorOp s) || s.idx().isEmpty() || !(s.idx().get(0) instanceof IndexSpec.Point)) return false;
        if (r.inputs().get(0) != x) return false;
        for (int i = 1; i < r.inputs().size(); i++) if (r.inputs().get(i) == x) return false;
        return r.inputs().get(1) instanceof Constant c && c.value().size() == 1 && c.value().get(0) == -1;
    }
}
