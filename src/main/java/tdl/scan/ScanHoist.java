package tdl.scan;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tdl.eval.Gemm;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.GraphWalk;
import tdl.graph.Rebuild;
import tdl.graph.Variable;
import tdl.graph.ops.DimShuffleOp;
import tdl.rewrite.TrimsToUses;

/**
 * Scan's loop-invariant transposes (a case of Theano's scan_pushout_non_seq_operations): a body
 * that reads {@code W.T} of a non-sequence W (the RBM's {@code propdown}, {@code h·Wᵀ}) gets the
 * transpose as one more non-sequence, computed once per call outside the loop. Inside, the product
 * becomes a plain {@code h·Wt} on a matrix with contiguous rows, which the product kernel reads in
 * place with its 20-row tiles (a 20x784x500 product: 158 us against 195 us as {@code Dot{NT}},
 * whose 24-lane strips leave 4 lanes of 24 idle for a 20-row minibatch).
 *
 * <p>The copy costs about two such products (784x500 doubles), so only loops of at least
 * {@link #MIN_STEPS} steps, a constant count, get it: PCD-15 and the sampling loop's 1,000 steps;
 * not CD-1. And only where plain products read B in place (512-bit vectors,
 * {@link Gemm#plainProductsReadBInPlace()}): with AVX2 they pack B first, and the hoisted form made
 * sampling 60% slower there.
 */
final class ScanHoist {
    /** The fewest steps for which the copy pays for itself at the RBM's sizes (15 steps save about 0.2 ms a call). */
    static final int MIN_STEPS = 10;
    private static final DimShuffleOp TRANSPOSE = DimShuffleOp.of(1, 0);

    private ScanHoist() {}

    /** {@code op} reading the transposes of its non-sequences as non-sequences of their own, or null when none is read. */
    static TrimsToUses.Trimmed transposes(ScanOp op, List<Variable> inputs) {
        if (!Gemm.plainProductsReadBInPlace()) return null;
        if (!(inputs.get(0) instanceof Constant c) || c.value().size() != 1 || c.value().get(0) < MIN_STEPS) return null;
        List<Variable> inner = op.innerInputs();
        int nonSeqStart = op.nSeqs() + op.nTapInputs() + op.nShared();
        int outerNonSeqStart = 1 + op.nSeqs() + op.nRecurrent() + op.nShared();
        Map<Variable, Variable> hoisted = new IdentityHashMap<>(); // non-sequence -> its transpose's inner input
        Map<Variable, Variable> memo = new IdentityHashMap<>();
        List<Variable> newInner = new ArrayList<>(inner);
        List<Variable> newOuter = new ArrayList<>(inputs);
        for (Apply a : GraphWalk.toposort(op.innerOutputs())) {
            if (!TRANSPOSE.equals(a.op())) continue;
            Variable w = a.inputs().get(0);
            int at = indexOf(inner, w);
            if (w.rank() != 2 || at < nonSeqStart) continue;
            Variable wt = hoisted.get(w);
            if (wt == null) {
                wt = new Variable(a.output().type(), w.name() == null ? null : w.name() + ".T");
                hoisted.put(w, wt);
                newInner.add(wt);
                Variable outerW = inputs.get(outerNonSeqStart + (at - nonSeqStart));
                newOuter.add(Apply.make(TRANSPOSE, List.of(outerW), null).output());
            }
            memo.put(a.output(), wt);
        }
        if (memo.isEmpty()) return null;
        List<Variable> outs = Rebuild.substitute(op.innerOutputs(), memo);
        ScanOp lean = new ScanOp(newInner, outs, op.nSeqs(), op.taps(), op.nShared(), op.goBackwards(), op.scanName(), op.lastOnly(), op.asWhile(), op.stepsGiven());
        return new TrimsToUses.Trimmed(lean, newOuter, null);
    }

    private static int indexOf(List<Variable> vars, Variable v) {
        for (int i = 0; i < vars.size(); i++) if (vars.get(i) == v) return i;
        return -1;
    }
}
