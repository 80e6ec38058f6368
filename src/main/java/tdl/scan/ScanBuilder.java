package tdl.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.SharedVariable;
import tdl.graph.Rebuild;
import tdl.graph.Variable;
import tdl.graph.ops.TensorOps;
import tdl.vocab.ErrorKind;

/**
 * Builds a {@link ScanOp} node from theano.scan's arguments once the script's values are symbolic
 * (the builtin in tdl.lib.theano reads them and calls the step function): first the symbolic
 * stand-ins the step function is called with, in Theano's order (sequence elements, previous
 * outputs, non-sequences), then, from what it returned, the loop's inner graph and the node.
 */
public final class ScanBuilder {
    /** One outputs_info entry: an initial value fed back at negative {@code taps}, or none (not fed back). */
    public record OutputInfo(Variable initial, List<Integer> taps) {
        public static final OutputInfo NONE = new OutputInfo(null, List.of());

        public OutputInfo {
            taps = List.copyOf(taps);
        }

        /** Fed back at taps [-1]: the usual recurrent output. */
        public static OutputInfo previous(Variable initial) { return new OutputInfo(initial, List.of(-1)); }
    }

    /** The scan's outputs (each stacked over the steps) and the final values of the shared variables its step updates. */
    public record Result(List<Variable> outputs, Map<SharedVariable, Variable> updates) {}

    private final TensorOps t;
    private final Object origin;
    private final List<Variable> seqs;
    private final List<OutputInfo> infos;
    private final boolean infosGiven;
    private final List<Variable> nonSeqs;
    private final Variable nSteps;
    private final boolean stepsGiven;
    private final boolean goBackwards;
    private final String name;
    // the stand-ins: one per sequence, one per tap of each fed-back output, one per non-sequence
    private final List<Variable> seqInner = new ArrayList<>();
    private final List<List<Variable>> tapInner = new ArrayList<>();
    private final List<Variable> nonSeqInner = new ArrayList<>();
    private final Map<Variable, Variable> nonSeqPlaceholders = new IdentityHashMap<>();

    /**
     * {@code outputsInfo} null when the script gave none (no output is fed back); {@code nSteps} null
     * to run to the end of the shortest sequence. {@code origin} is where the script called scan.
     */
    public ScanBuilder(List<Variable> sequences, List<OutputInfo> outputsInfo, List<Variable> nonSequences, Variable nSteps,
                       boolean goBackwards, String name, Object origin) {
        this.t = new TensorOps(() -> origin);
        this.origin = origin;
        this.seqs = List.copyOf(sequences);
        this.infosGiven = outputsInfo != null;
        this.infos = new ArrayList<>(infosGiven ? outputsInfo : List.of());
        this.nonSeqs = List.copyOf(nonSequences);
        this.goBackwards = goBackwards;
        this.name = name;
        for (Variable s : seqs) {
            if (s.rank() == 0) throw new GraphError(ErrorKind.TYPE_ERROR, "scan: a sequence must have at least one dimension, got a scalar");
        }
        this.nSteps = steps(nSteps);
        this.stepsGiven = nSteps != null;
        for (Variable s : seqs) seqInner.add(new Variable(s.type().withRank(s.rank() - 1), s.name() == null ? null : s.name() + "[t]"));
        for (OutputInfo inf : infos) {
            List<Variable> vs = new ArrayList<>();
            if (inf.initial() != null) {
                boolean stacked = !inf.taps().equals(List.of(-1));
                Variable init = inf.initial();
                if (stacked && init.rank() == 0) {
                    throw new GraphError(ErrorKind.VALUE_ERROR, "scan: taps " + inf.taps()
                            + " need an initial value with the first states stacked along a new first axis");
                }
                for (int tap : inf.taps()) vs.add(new Variable(stacked ? init.type().withRank(init.rank() - 1) : init.type(), "prev" + tap));
            }
            tapInner.add(vs);
        }
        // fn sees the outer non-sequences themselves, as in Theano: T.grad(y[i], x) inside fn then
        // follows y's graph back to x. build() swaps each computed one for an inner input afterwards.
        for (Variable ns : nonSeqs) {
            nonSeqInner.add(ns);
            if (!(ns instanceof SharedVariable || ns instanceof Constant || ns.isInput())) {
                nonSeqPlaceholders.computeIfAbsent(ns, v -> new Variable(v.type(), v.name()));
            }
        }
    }

    private Variable steps(Variable n) {
        if (n == null) {
            if (seqs.isEmpty()) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "scan: no sequences and no n_steps, so the number of steps is unknown",
                        "pass n_steps=..., or sequences=[...]");
            }
            return t.constant(-1L);
        }
        if (n.rank() != 0 || n.dtype().isFloat()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "scan: n_steps must be an integer scalar, got " + n.type());
        }
        return n.dtype() == DType.INT64 ? n : t.cast(n, DType.INT64);
    }

    /** The arguments to call the step function with: sequence elements, previous outputs, non-sequences. */
    public List<Variable> stepArguments() {
        List<Variable> args = new ArrayList<>(seqInner);
        for (List<Variable> vs : tapInner) args.addAll(vs);
        args.addAll(nonSeqInner);
        return args;
    }

    /**
     * The scan node for a step that returned {@code returned} (one per output) and {@code stepUpdates}
     * (new values of shared variables, carried from step to step; insertion order kept).
     */
    public Result build(List<Variable> returned, Map<SharedVariable, Variable> stepUpdates) {
        return build(returned, stepUpdates, null);
    }

    /** As {@link #build(List, Map)}, for a loop that stops after the first step where {@code until} (a scalar) holds. */
    public Result build(List<Variable> returned, Map<SharedVariable, Variable> stepUpdates, Variable until) {
        if (until != null && until.rank() != 0) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "scan: the until() condition must be a scalar, got " + until.type(),
                    "reduce it first, e.g. until(T.all(x > 0))");
        }
        if (!nonSeqPlaceholders.isEmpty()) {
            // fn's graph over the outer non-sequences becomes a graph over inner inputs (Theano's clone)
            List<Variable> all = new ArrayList<>(returned);
            all.addAll(stepUpdates.values());
            if (until != null) all.add(until);
            all = Rebuild.substitute(all, nonSeqPlaceholders);
            if (until != null) until = all.remove(all.size() - 1);
            returned = all.subList(0, returned.size());
            Map<SharedVariable, Variable> replaced = new LinkedHashMap<>();
            int k = returned.size();
            for (SharedVariable sv : stepUpdates.keySet()) replaced.put(sv, all.get(k++));
            stepUpdates = replaced;
        }
        List<Variable> outs = new ArrayList<>(returned);
        if (!infosGiven) {
            for (int j = 0; j < outs.size(); j++) {
                infos.add(OutputInfo.NONE);
                tapInner.add(List.of());
            }
        } else if (infos.size() != outs.size()) {
            throw new GraphError(ErrorKind.VALUE_ERROR, "scan: outputs_info has " + infos.size() + " entries but the function returned "
                    + outs.size() + " output" + (outs.size() == 1 ? "" : "s"),
                    "give one outputs_info entry per returned output (None for outputs that are not fed back)");
        }
        for (int j = 0; j < outs.size(); j++) {
            if (infos.get(j).initial() != null) outs.set(j, fedBack(j, outs.get(j), tapInner.get(j).get(0)));
        }

        List<SharedVariable> carried = new ArrayList<>();
        List<Variable> carriedNew = new ArrayList<>();
        for (Map.Entry<SharedVariable, Variable> e : stepUpdates.entrySet()) {
            SharedVariable sv = e.getKey();
            Variable nv = e.getValue();
            if (nv.rank() != sv.rank()) {
                throw new GraphError(ErrorKind.TYPE_ERROR, "scan: the update of '" + sv + "' has rank " + nv.rank()
                        + " but the shared variable has rank " + sv.rank());
            }
            carried.add(sv);
            carriedNew.add(nv.dtype() == sv.dtype() ? nv : t.cast(nv, sv.dtype()));
        }

        List<Variable> innerOutputs = new ArrayList<>(outs);
        innerOutputs.addAll(carriedNew);
        if (until != null) innerOutputs.add(until);
        List<Variable> innerInputs = new ArrayList<>(seqInner);
        for (List<Variable> vs : tapInner) innerInputs.addAll(vs);
        innerInputs.addAll(carried);
        List<Variable> outerNonSeq = new ArrayList<>();
        Set<Variable> bound = Collections.newSetFromMap(new IdentityHashMap<>());
        bound.addAll(innerInputs);
        for (int i = 0; i < nonSeqs.size(); i++) {
            Variable inner = nonSeqPlaceholders.getOrDefault(nonSeqInner.get(i), nonSeqInner.get(i));
            if (inner instanceof Constant || !bound.add(inner)) continue;
            innerInputs.add(inner);
            outerNonSeq.add(nonSeqs.get(i));
        }
        for (Variable leaf : ScanOp.freeLeaves(innerOutputs, innerInputs)) {
            innerInputs.add(leaf);
            outerNonSeq.add(leaf);
        }

        List<Variable> outer = new ArrayList<>();
        outer.add(nSteps);
        outer.addAll(seqs);
        for (OutputInfo inf : infos) if (inf.initial() != null) outer.add(inf.initial());
        outer.addAll(carried);
        outer.addAll(outerNonSeq);
        List<List<Integer>> taps = new ArrayList<>();
        for (OutputInfo inf : infos) taps.add(inf.initial() == null ? List.of() : inf.taps());
        ScanOp op = new ScanOp(innerInputs, innerOutputs, seqs.size(), taps, carried.size(), goBackwards, name,
                Collections.nCopies(infos.size(), false), until != null, stepsGiven);
        Apply node = Apply.make(op, outer, origin);

        Map<SharedVariable, Variable> updates = new LinkedHashMap<>();
        for (int c = 0; c < carried.size(); c++) updates.put(carried.get(c), node.outputs().get(outs.size() + c));
        return new Result(node.outputs().subList(0, outs.size()), updates);
    }

    /**
     * Output j as fed back into {@code state}: same rank and same dtype, as Theano's Scan requires
     * ("an input and an output are associated with the same recurrent state and should have the
     * same type"). A cast here, even a widening one, would make the state's dtype drift from what
     * the script wrote, so every mismatch is an error that names the cast that fixes it.
     */
    private Variable fedBack(int j, Variable o, Variable state) {
        if (o.rank() != state.rank()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "scan: output " + (j + 1) + " has rank " + o.rank()
                    + " but its previous value (from outputs_info) has rank " + state.rank(),
                    "each step must return a value shaped like the initial value in outputs_info");
        }
        if (o.dtype() == state.dtype()) return o;
        String out = o.dtype().pyName(), init = state.dtype().pyName();
        String hint = state.dtype() == DType.FLOAT32 && o.dtype() == DType.FLOAT64
                // numpy scalars keep their dtype in a graph (Theano's NumpyAutocaster passes them through); Python floats do not
                ? "give outputs_info a float64 initial value (np.asarray(0.0), np.float64(0.0), T.constant(0.0, dtype='float64');"
                        + " a Python float such as 0.0 is float32 as a constant, as Theano autocasts it),"
                        + " or cast the step's result with T.cast(..., 'float32') (a float64 step usually reads a float64"
                        + " shared variable or constant)"
                : "cast the step's result with T.cast(..., '" + init + "'), or give outputs_info an initial value of dtype " + out
                        + " (e.g. np.asarray(0, dtype='" + out + "') or T.zeros(shape, dtype='" + out + "'))";
        throw new GraphError(ErrorKind.TYPE_ERROR, "scan: output " + (j + 1) + " is " + out + " but its initial value"
                + " (outputs_info) is " + init + "; a recurrent output must keep one dtype from step to step", hint);
    }
}
