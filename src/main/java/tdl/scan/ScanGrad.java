package tdl.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tdl.vocab.OnUnused;
import tdl.grad.Grad;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Variable;
import tdl.graph.ops.Index;
import tdl.graph.ops.TensorOps;
import tdl.vocab.ErrorKind;

/**
 * Backpropagation through time for {@link ScanOp}, as Theano does it: the gradient is a second
 * scan running backwards over the forward history. At each (reversed) step it recomputes the body
 * from the step's inputs (sequence elements, previous states, non-sequences) and pulls back the
 * total gradient of each output (the gradient from outside for that step plus, for a recurrent
 * output, the gradient carried from the next step), giving the gradient of the previous state (the
 * new carry), of the sequence elements (stacked), and of the non-sequences (accumulated). The last
 * carry is the gradient of the initial state.
 * <p>A loop that an until() condition stopped is differentiated over the steps that ran, as Theano
 * 1.0 does: its outputs have that many rows, and the backward scan takes its length from them.
 * <p>An output with taps other than [-1] (e.g. [-2, -1]) carries the gradients owed to its last
 * -min(taps) states as a stack. Not supported (GradientError): a body that updates shared variables, a body that draws random numbers (the backward pass would
 * draw different ones).
 */
final class ScanGrad {
    private ScanGrad() {}

    static List<Variable> grad(Apply node, List<Variable> outputGrads) {
        ScanOp op = (ScanOp) node.op();
        String what = "gradient through " + op.name();
        if (op.nShared() > 0) {
            throw new GraphError(ErrorKind.GRADIENT_ERROR, what + ": the scan updates shared variables inside its body",
                    "compute the value without updates inside scan, or treat it as constant (consider_constant)");
        }
        if (op.isStochastic()) {
            throw new GraphError(ErrorKind.GRADIENT_ERROR, what + ": the body draws random numbers",
                    "treat the sampled values as constants (consider_constant=[...]) as the RBM tutorial does");
        }
        TensorOps t = new TensorOps(node::origin);
        int nSeqs = op.nSeqs(), nOut = op.nOutputs();
        List<Variable> fIn = op.innerInputs();
        List<Variable> outer = node.inputs();
        List<Variable> seqInner = fIn.subList(0, nSeqs);
        List<Variable> nonSeqInner = fIn.subList(nSeqs + op.nTapInputs(), fIn.size());
        List<Variable> seqOuter = outer.subList(1, 1 + nSeqs);
        int initStart = 1 + nSeqs;
        List<Variable> nonSeqOuter = outer.subList(initStart + op.nRecurrent(), outer.size());

        // the tap placeholders, initial value and carry placeholder of each recurrent output; an
        // output with taps other than [-1] carries a stack of the gradients still owed to its last
        // m = -min(taps) states: row i for the state i + 1 steps before the current one
        Variable[] initOf = new Variable[nOut], carry = new Variable[nOut], gout = new Variable[nOut];
        List<List<Variable>> tapsOf = new ArrayList<>(java.util.Collections.nCopies(nOut, List.of()));
        int tapAt = nSeqs, initAt = initStart;
        for (int j = 0; j < nOut; j++) {
            List<Integer> taps = op.taps().get(j);
            if (taps.isEmpty()) continue;
            tapsOf.set(j, fIn.subList(tapAt, tapAt + taps.size()));
            tapAt += taps.size();
            initOf[j] = outer.get(initAt++);
            carry[j] = new Variable(op.stackedInit(j) ? initOf[j].type() : tapsOf.get(j).get(0).type(), "carry" + j);
        }
        Variable cost = null;
        for (int j = 0; j < nOut; j++) {
            Variable g = null;
            if (outputGrads.get(j) != null) {
                gout[j] = new Variable(op.innerOutputs().get(j).type(), "gout" + j);
                g = gout[j];
            }
            if (carry[j] != null) {
                Variable owed = op.stackedInit(j) ? t.subtensor(carry[j], List.of(new Index.Scalar(t.constant(0L)))) : carry[j];
                g = g == null ? owed : t.add(g, owed);
            }
            if (g == null) continue;
            Variable term = t.sum(t.mul(op.innerOutputs().get(j), g));
            cost = cost == null ? term : t.add(cost, term);
        }
        List<Variable> result = new ArrayList<>(java.util.Collections.nCopies(outer.size(), (Variable) null));
        if (cost == null) return result;

        // pullbacks of the body: previous states, float sequence elements, float non-sequences
        List<Variable> wrt = new ArrayList<>();
        for (int j = 0; j < nOut; j++) wrt.addAll(tapsOf.get(j));
        List<Integer> floatSeqs = new ArrayList<>(), floatNonSeqs = new ArrayList<>();
        for (int i = 0; i < nSeqs; i++) if (seqInner.get(i).dtype().isFloat()) { floatSeqs.add(i); wrt.add(seqInner.get(i)); }
        for (int k = 0; k < nonSeqInner.size(); k++) {
            if (nonSeqInner.get(k).dtype().isFloat()) { floatNonSeqs.add(k); wrt.add(nonSeqInner.get(k)); }
        }
        List<Variable> pulled = Grad.grad(cost, wrt, null, OnUnused.IGNORE, node.origin());

        // backward scan: sequences (forward inputs of each step, output gradients), carries and accumulators
        List<Variable> bSeqInner = new ArrayList<>(seqInner), bSeqOuter = new ArrayList<>();
        Variable steps = t.shapeAt(node.outputs().get(0), 0);
        for (int i = 0; i < nSeqs; i++) {
            Variable s = seqOuter.get(i);
            if (op.goBackwards()) s = reverse(t, s);
            bSeqOuter.add(t.subtensor(s, List.of(new Index.Range(null, steps, null))));
        }
        for (int j = 0; j < nOut; j++) {
            if (initOf[j] == null) continue;
            Variable out = node.outputs().get(j);
            if (!op.stackedInit(j)) {
                bSeqInner.add(tapsOf.get(j).get(0));
                // the state before each step: the initial value, then every output but the last
                Variable head = t.subtensor(initOf[j], List.of(Index.NEW_AXIS));
                Variable allButLast = t.subtensor(out, List.of(new Index.Range(null, t.constant(-1L), null)));
                bSeqOuter.add(t.concatenate(List.of(head, allButLast), 0));
                continue;
            }
            // the initial states then the outputs: state k + tap of step k is row m + k + tap
            List<Integer> taps = op.taps().get(j);
            long m = -java.util.Collections.min(taps);
            Variable all = t.concatenate(List.of(initOf[j], out), 0);
            for (int q = 0; q < taps.size(); q++) {
                bSeqInner.add(tapsOf.get(j).get(q));
                Variable from = t.constant(m + taps.get(q));
                bSeqOuter.add(t.subtensor(all, List.of(new Index.Range(from, t.add(from, steps), null))));
            }
        }
        for (int j = 0; j < nOut; j++) {
            if (gout[j] == null) continue;
            bSeqInner.add(gout[j]);
            bSeqOuter.add(outputGrads.get(j));
        }
        List<Variable> bTaps = new ArrayList<>(), bOuts = new ArrayList<>(), bInits = new ArrayList<>();
        int p = 0;
        for (int j = 0; j < nOut; j++) {
            if (initOf[j] == null) continue;
            bTaps.add(carry[j]);
            List<Integer> taps = op.taps().get(j);
            List<Variable> pulledTaps = pulled.subList(p, p + taps.size());
            p += taps.size();
            bOuts.add(op.stackedInit(j) ? owedAfter(t, carry[j], taps, pulledTaps) : pulledTaps.get(0));
            bInits.add(t.zerosLike(initOf[j]));
        }
        int nCarries = bTaps.size();
        List<Variable> seqGrads = new ArrayList<>();
        for (int i = 0; i < floatSeqs.size(); i++) seqGrads.add(pulled.get(p++));
        for (int k : floatNonSeqs) {
            Variable acc = new Variable(nonSeqInner.get(k).type(), "acc" + k);
            bTaps.add(acc);
            bOuts.add(t.add(acc, pulled.get(p++)));
            bInits.add(t.zerosLike(nonSeqOuter.get(k)));
        }
        int nRec = bTaps.size();
        bOuts.addAll(seqGrads);

        List<Variable> bInner = new ArrayList<>(bSeqInner);
        bInner.addAll(bTaps);
        List<Variable> bNonSeqOuter = new ArrayList<>(nonSeqOuter);
        bInner.addAll(nonSeqInner);
        for (Variable leaf : ScanOp.freeLeaves(bOuts, bInner)) {
            bInner.add(leaf);
            bNonSeqOuter.add(leaf);
        }
        List<Variable> bOuter = new ArrayList<>();
        bOuter.add(t.constant(-1L));
        bOuter.addAll(bSeqOuter);
        bOuter.addAll(bInits);
        bOuter.addAll(bNonSeqOuter);
        List<List<Integer>> taps = new ArrayList<>();
        for (int i = 0; i < bOuts.size(); i++) taps.add(i < nRec ? List.of(-1) : List.of());
        ScanOp back = new ScanOp(bInner, bOuts, bSeqInner.size(), taps, 0, true,
                "grad_of_" + (op.scanName() == null ? "scan" : op.scanName()), Arrays.asList(new Boolean[bOuts.size()]).stream().map(b -> false).toList());
        Apply b = Apply.make(back, bOuter, node.origin());

        Index last = new Index.Scalar(t.constant(-1L));
        int c = 0;
        for (int j = 0; j < nOut; j++) {
            if (initOf[j] == null) continue;
            Variable owed = t.subtensor(b.outputs().get(c), List.of(last));
            // the stack's row i is the state i + 1 steps before the first; the initial value lists them oldest first
            result.set(initStart + c, op.stackedInit(j) ? reverse(t, owed) : owed);
            c++;
        }
        for (int q = 0; q < floatNonSeqs.size(); q++) {
            int k = floatNonSeqs.get(q);
            result.set(initStart + op.nRecurrent() + k, t.subtensor(b.outputs().get(nCarries + q), List.of(last)));
        }
        for (int q = 0; q < floatSeqs.size(); q++) {
            int i = floatSeqs.get(q);
            Variable seq = seqOuter.get(i);
            // gradients come out in backward order: reverse to step order, pad to the sequence length
            Variable inStepOrder = reverse(t, b.outputs().get(nRec + q));
            Variable padded = t.setSubtensor(t.zerosLike(seq), List.of(new Index.Range(null, steps, null)), inStepOrder);
            result.set(1 + i, op.goBackwards() ? reverse(t, padded) : padded);
        }
        return result;
    }

    /**
     * The gradients owed to the states before the previous step, once step k is pulled back: the
     * old stack shifted by one (row i + 1 becomes row i, the last row starts at zero) plus, for
     * each tap, the pullback into state k + tap, which is row -1 - tap of the new stack.
     */
    private static Variable owedAfter(TensorOps t, Variable carry, List<Integer> taps, List<Variable> pulledTaps) {
        int m = -java.util.Collections.min(taps);
        List<Variable> rows = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            Variable row = i + 1 < m ? t.subtensor(carry, List.of(new Index.Scalar(t.constant((long) i + 1))))
                    : t.zerosLike(t.subtensor(carry, List.of(new Index.Scalar(t.constant(0L)))));
            for (int q = 0; q < taps.size(); q++) {
                if (-1 - taps.get(q) == i) row = t.add(row, pulledTaps.get(q));
            }
            rows.add(t.subtensor(row, List.of(Index.NEW_AXIS)));
        }
        return t.concatenate(rows, 0);
    }

    private static Variable reverse(TensorOps t, Variable x) {
        return t.subtensor(x, List.of(new Index.Range(null, null, t.constant(-1L))));
    }
}
