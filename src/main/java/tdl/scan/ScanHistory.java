package tdl.scan;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.Variable;
import tdl.graph.ops.IndexSpec;
import tdl.graph.ops.SubtensorOp;
import tdl.rewrite.OutputUses;
import tdl.rewrite.TrimsToUses;

/**
 * Scan's rules in the memory phase ({@link tdl.rewrite.MemoryPhase}, as Theano's scan_save_mem):
 * an output nobody reads, not a result and not fed back to the next step, is not computed at all
 * (the body no longer returns it, so the body's own rewrites may fuse what produced it into its
 * readers: the tutorial's pre-sigmoid activations fuse into their sigmoid); an output whose every
 * reader takes only its last step ({@code out[-1]}, with a constant -1) and which is not itself a
 * result does not need its history, so the node keeps only the last step for it (a (1, ...)
 * buffer; [-1] still reads it). A gradient that needs the history reads the whole output, so it is
 * never marked.
 */
final class ScanHistory {
    private ScanHistory() {}

    /** The leaner loop for {@code node}'s readers, or null when nothing changes. */
    static TrimsToUses.Trimmed trim(ScanOp op, Apply node, List<Variable> inputs, OutputUses uses) {
        int nOut = op.nOutputs();
        boolean[] drop = new boolean[nOut];
        int dropped = 0;
        for (int j = 0; j < nOut; j++) {
            Variable out = node.outputs().get(j);
            drop[j] = op.taps().get(j).isEmpty() && !uses.isResult(out) && uses.readers(out).isEmpty();
            if (drop[j]) dropped++;
        }
        // a loop kept only for its shared updates still returns one output (its last step)
        if (dropped == nOut && nOut > 0) {
            drop[0] = false;
            dropped--;
        }
        List<Boolean> flags = new ArrayList<>();
        boolean changed = dropped > 0;
        for (int j = 0; j < nOut; j++) {
            if (drop[j]) continue;
            Variable out = node.outputs().get(j);
            boolean last = op.lastOnly().get(j);
            if (!last && !uses.isResult(out)) {
                // an output nobody reads needs no history either (only its last step, which a
                // recurrent output's next step reads from the buffer)
                boolean onlyLast = true;
                for (Apply r : uses.readers(out)) onlyLast &= readsLastStep(r, out);
                last = onlyLast;
                changed |= onlyLast;
            }
            flags.add(last);
        }
        if (!changed) return null;
        int[] map = new int[node.outputs().size()];
        for (int i = 0, k = 0; i < map.length; i++) map[i] = i < nOut && drop[i] ? -1 : k++;
        return new TrimsToUses.Trimmed(op.withoutOutputs(drop, flags), inputs, map);
    }

    /** r is x[-1] (or x[-1, ...]) with a constant -1, and x appears only as the indexed tensor. */
    private static boolean readsLastStep(Apply r, Variable x) {
        if (!(r.op() instanceof SubtensorOp s) || s.idx().isEmpty() || !(s.idx().get(0) instanceof IndexSpec.Point)) return false;
        if (r.inputs().get(0) != x) return false;
        for (int i = 1; i < r.inputs().size(); i++) if (r.inputs().get(i) == x) return false;
        return r.inputs().get(1) instanceof Constant c && c.value().size() == 1 && c.value().get(0) == -1;
    }
}
