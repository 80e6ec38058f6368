package tdl.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import tdl.eval.InnerCompiler;
import tdl.eval.Kernel;
import tdl.eval.KernelFactory;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.GraphError;
import tdl.graph.GraphWalk;
import tdl.graph.InnerGraph;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.rewrite.OutputUses;
import tdl.rewrite.TrimsToUses;
import tdl.vocab.ErrorKind;

/**
 * theano.scan: a loop whose body is an inner graph, run once per step by the evaluator.
 * <p>Inner inputs, in order: one slice per sequence ({@code nSeqs}), one variable per tap of each
 * recurrent output ({@code taps}: empty for an output that is not fed back, else its negative taps),
 * the shared variables the body updates ({@code nShared}; the SharedVariable objects themselves,
 * read as the value carried from the previous step), then the non-sequences (explicit ones, then
 * every free leaf of the body that is not an inner input: outer inputs and shared variables, the
 * same objects as outside). Inner outputs: one per scan output, then one new value per updated
 * shared variable.
 * <p>Outer inputs: n_steps (int scalar), the sequences, the initial
 * value of each recurrent output (its state for taps [-1], else the last -min(taps) states stacked),
 * the updated shared variables, the non-sequences. Outer outputs: each inner output stacked over the
 * steps (rank + 1), then each updated shared variable's final value.
 * <p>{@code asWhile}: the body's last inner output is a scalar condition (theano.scan_module.until);
 * the loop stops after the first step where it holds, and the outputs have that many rows.
 * <p>{@code stepsGiven}: the script gave n_steps, so it must be at least 0 and no sequence may be
 * shorter (Theano's checks); otherwise the n_steps input is -1 and the loop runs to the end of the
 * shortest sequence.
 * <p>{@code lastOnly} marks outputs only read at [-1]: they come back with a first dimension of 1
 * (the last step), so the history is never held (set by the memory phase, {@link ScanHistory}, not by scripts).
 * <p>The body is the op's inner graph: compiled by {@link ScanKernel} with the enclosing function's
 * options, differentiated by {@link ScanGrad} (backpropagation through time).
 */
public record ScanOp(List<Variable> innerInputs, List<Variable> innerOutputs, int nSeqs, List<List<Integer>> taps,
                     int nShared, boolean goBackwards, String scanName, List<Boolean> lastOnly, boolean asWhile,
                     boolean stepsGiven)
        implements Op, KernelFactory, TrimsToUses {
    /** A loop that runs its n_steps (no until condition), -1 meaning to the end of the shortest sequence. */
    public ScanOp(List<Variable> innerInputs, List<Variable> innerOutputs, int nSeqs, List<List<Integer>> taps,
                  int nShared, boolean goBackwards, String scanName, List<Boolean> lastOnly) {
        this(innerInputs, innerOutputs, nSeqs, taps, nShared, goBackwards, scanName, lastOnly, false, false);
    }

    public ScanOp {
        innerInputs = List.copyOf(innerInputs);
        innerOutputs = List.copyOf(innerOutputs);
        List<List<Integer>> t = new ArrayList<>();
        for (List<Integer> l : taps) t.add(List.copyOf(l));
        taps = List.copyOf(t);
        lastOnly = List.copyOf(lastOnly);
        if (lastOnly.size() != taps.size()) throw new IllegalArgumentException("one lastOnly flag per output");
    }

    public int nOutputs() { return taps.size(); }

    public int nTapInputs() {
        int n = 0;
        for (List<Integer> l : taps) n += l.size();
        return n;
    }

    public int nRecurrent() {
        int n = 0;
        for (List<Integer> l : taps) if (!l.isEmpty()) n++;
        return n;
    }

    public int nNonSeqs() { return innerInputs.size() - nSeqs - nTapInputs() - nShared; }

    /** Whether output j's initial value holds several stacked states (taps other than [-1]). */
    public boolean stackedInit(int j) { return !taps.get(j).isEmpty() && !taps.get(j).equals(List.of(-1)); }

    /** The same loop with other lastOnly flags. */
    public ScanOp withLastOnly(List<Boolean> flags) {
        return new ScanOp(innerInputs, innerOutputs, nSeqs, taps, nShared, goBackwards, scanName, flags, asWhile, stepsGiven);
    }

    @Override
    public String name() { return "Scan" + (scanName == null ? "" : "{" + scanName + "}"); }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        int expected = 1 + nSeqs + nRecurrent() + nShared + nNonSeqs();
        if (in.size() != expected) {
            throw new GraphError(ErrorKind.TYPE_ERROR, name() + " takes " + expected + " inputs, got " + in.size());
        }
        List<TensorType> out = new ArrayList<>();
        for (int j = 0; j < nOutputs(); j++) {
            TensorType t = innerOutputs.get(j).type();
            if (t.rank() + 1 > TensorType.MAX_RANK) {
                throw new GraphError(ErrorKind.TYPE_ERROR, "scan: output " + (j + 1) + " has rank " + t.rank()
                        + "; stacked over the steps it would have rank " + (t.rank() + 1) + " (TDL tensors have rank 0 to 4)");
            }
            out.add(t.withRank(t.rank() + 1));
        }
        for (int s = 0; s < nShared; s++) out.add(in.get(1 + nSeqs + nRecurrent() + s));
        return out;
    }

    /** The loop's body: the inner inputs bound at each step, the inner outputs it computes. */
    public InnerGraph body() { return new InnerGraph(innerInputs, innerOutputs); }

    @Override
    public List<InnerGraph> innerGraphs() { return List.of(body()); }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return ScanGrad.grad(node, outputGrads);
    }

    @Override
    public Kernel kernel(Apply node, InnerCompiler inner) {
        return new ScanKernel(this, node, inner);
    }

    @Override
    public Trimmed trimmedTo(Apply node, List<Variable> inputs, OutputUses uses) {
        Trimmed t = ScanHistory.trim(this, node, inputs, uses);
        Trimmed hoisted = ScanHoist.transposes(t == null ? this : (ScanOp) t.op(), inputs);
        if (hoisted == null) return t;
        int[] map = t != null ? t.outputMap() : java.util.stream.IntStream.range(0, node.outputs().size()).toArray();
        return new Trimmed(hoisted.op(), hoisted.inputs(), map);
    }

    /** The same loop without the outputs flagged in {@code drop} (none of them recurrent), with {@code lastOnly} for the rest. */
    ScanOp withoutOutputs(boolean[] drop, List<Boolean> keptLastOnly) {
        List<Variable> outs = new ArrayList<>();
        List<List<Integer>> keptTaps = new ArrayList<>();
        for (int j = 0; j < innerOutputs.size(); j++) {
            if (j < nOutputs() && drop[j]) continue;
            outs.add(innerOutputs.get(j));
            if (j < nOutputs()) keptTaps.add(taps.get(j));
        }
        return new ScanOp(innerInputs, outs, nSeqs, keptTaps, nShared, goBackwards, scanName, keptLastOnly, asWhile, stepsGiven);
    }

    /** The free leaves of {@code outputs} that are not among {@code bound} and not constants, in first-seen order. */
    public static List<Variable> freeLeaves(List<Variable> outputs, List<Variable> bound) {
        Set<Variable> b = Collections.newSetFromMap(new IdentityHashMap<>());
        b.addAll(bound);
        List<Variable> free = new ArrayList<>();
        for (Variable leaf : GraphWalk.leaves(outputs)) {
            if (!b.contains(leaf) && !(leaf instanceof Constant)) free.add(leaf);
        }
        return free;
    }

    @Override
    public boolean equals(Object o) { return this == o; }

    @Override
    public int hashCode() { return System.identityHashCode(this); }

    @Override
    public String toString() { return name(); }
}
