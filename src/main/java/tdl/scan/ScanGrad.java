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
 * <p>Supported: recurrent outputs with taps [-1]. Not supported (GradientError): several taps, a
 * body that updates shared variables, a body that draws random numbers (the backward pass would
 * draw different ones).
 */
final class ScanGrad {
    private ScanGrad() {}

    static List<Variable> grad(Apply node, List<Variable> outputGrads) {
        ScanOp op = (ScanOp) node.op();
        String what = "gradient through " + op.name();
        for (List<Integer> taps : op.taps()) {
            if (!taps.isEmpty() && !taps.equals(List.of(-1))) {
                throw new GraphError(ErrorKind.GRADIENT_ERROR, what + ": outputs with taps " + taps + " are not supported",
                        "only outputs fed back as the previous step (taps=[-1]) can be differentiated");
            }
        }
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

        // the tap placeholder, initial value and carry placeholder of each recurrent output
        Variable[] tapOf = new Variable[nOut], initOf = new Variable[nOut], carry = new Variable[nOut], gout = new Variable[nOut];
        int tapAt = nSeqs, initAt = initStart;
        for (int j = 0; j < nOut; j++) {
            if (op.taps().get(j).isEmpty()) continue;
            tapOf[j] = fIn.get(tapAt++);
            initOf[j] = outer.get(initAt++);
            carry[j] = new Variable(tapOf[j].type(), "carry" + j);
        }
        Variable cost = null;
        for (int j = 0; j < nOut; j++) {
            Variable g = null;
            if (outputGrads.get(j) != null) {
                gout[j] = new Variable(op.innerOutputs().get(j).type(), "gout" + j);
                g = gout[j];
            }
            if (carry[j] != null) g = g == null ? carry[j] : t.add(g, carry[j]);
            if (g == null) continue;
            Variable term = t.sum(t.mul(op.innerOutputs().get(j), g));
            cost = cost == null ? term : t.add(cost, term);
        }
        List<Variable> result = new ArrayList<>(java.util.Collections.nCopies(outer.size(), (Variable) null));
        if (cost == null) return result;

        // pullbacks of the body: previous states, float sequence elements, float non-sequences
        List<Variable> wrt = new ArrayList<>();
        for (int j = 0; j < nOut; j++) if (tapOf[j] != null) wrt.add(tapOf[j]);
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
            if (tapOf[j] == null) continue;
            bSeqInner.add(tapOf[j]);
            // the state before each step: the initial value, then every output but the last
            Variable out = node.outputs().get(j);
            Variable head = t.subtensor(initOf[j], List.of(Index.NEW_AXIS));
            Variable allButLast = t.subtensor(out, List.of(new Index.Range(null, t.constant(-1L), null)));
            bSeqOuter.add(t.concatenate(List.of(head, allButLast), 0));
        }
        for (int j = 0; j < nOut; j++) {
            if (gout[j] == null) continue;
            bSeqInner.add(gout[j]);
            bSeqOuter.add(outputGrads.get(j));
        }
        List<Variable> bTaps = new ArrayList<>(), bOuts = new ArrayList<>(), bInits = new ArrayList<>();
        int p = 0;
        for (int j = 0; j < nOut; j++) {
            if (tapOf[j] == null) continue;
            bTaps.add(carry[j]);
            bOuts.add(pulled.get(p++));
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
            if (tapOf[j] == null) continue;
            int slot = initStart + c;
            result.set(slot, t.subtensor(b.outputs().get(c), List.of(last)));
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

    private static Variable reverse(TensorOps t, Variable x) {
        return t.subtensor(x, List.of(new Index.Range(null, null, t.constant(-1L))));
    }
}
