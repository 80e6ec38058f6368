package tdl.lib.theano;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.grad.ScanOp;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.graph.ops.Index;
import tdl.graph.ops.TensorOps;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;

/**
 * theano.scan and its shorthands (map, reduce, foldl, foldr), LANGUAGE.md section 8. The script's
 * {@code fn} is called once, here, with symbolic stand-ins for the current sequence elements and
 * previous outputs; what it returns becomes the body of a {@link ScanOp}.
 */
final class Scan {
    private Scan() {}

    /** One outputs_info entry: no feedback (initial == null), or an initial value with its taps. */
    private record Info(Variable initial, List<Integer> taps) {}

    static Object scan(Runtime rt, Args a) {
        a.check(12, "fn", "sequences", "outputs_info", "non_sequences", "n_steps", "truncate_gradient",
                "go_backwards", "mode", "name", "profile", "allow_gc", "strict");
        Object fn = a.get(0, "fn");
        boolean back = rt.truth(a.get(6, "go_backwards", false));
        Object name = a.get(8, "name", null);
        Object[] r = build(rt, fn, a.get(1, "sequences", null), a.get(2, "outputs_info", null),
                a.get(3, "non_sequences", null), a.get(4, "n_steps", null), back, name == null ? null : rt.str(name));
        return new TdlTuple(List.of(r[0], r[1]));
    }

    static Object map(Runtime rt, Args a) {
        a.check(5, "fn", "sequences", "non_sequences", "go_backwards", "name");
        Object name = a.get(4, "name", null);
        Object[] r = build(rt, a.get(0, "fn"), a.get(1, "sequences"), null, a.get(2, "non_sequences", null), null,
                rt.truth(a.get(3, "go_backwards", false)), name == null ? null : rt.str(name));
        return new TdlTuple(List.of(r[0], r[1]));
    }

    static Object reduce(Runtime rt, Args a) {
        a.check(6, "fn", "sequences", "outputs_info", "non_sequences", "go_backwards", "name");
        return fold(rt, a, rt.truth(a.get(4, "go_backwards", false)));
    }

    static Object foldl(Runtime rt, Args a) {
        a.check(5, "fn", "sequences", "outputs_info", "non_sequences", "name");
        return fold(rt, a, false);
    }

    static Object foldr(Runtime rt, Args a) {
        a.check(5, "fn", "sequences", "outputs_info", "non_sequences", "name");
        return fold(rt, a, true);
    }

    /** reduce: a scan of which only the last step of each output is returned. */
    private static Object fold(Runtime rt, Args a, boolean back) {
        Object name = a.get(-1, "name", null);
        Object[] r = build(rt, a.get(0, "fn"), a.get(1, "sequences"), a.get(2, "outputs_info"),
                a.get(3, "non_sequences", null), null, back, name == null ? null : rt.str(name));
        TensorOps t = Symbolic.ops(rt);
        Object outs = r[0];
        Object last;
        if (outs instanceof Variable v) last = lastStep(t, v);
        else {
            List<Object> l = new ArrayList<>();
            for (Object o : (List<?>) outs) l.add(lastStep(t, (Variable) o));
            last = l;
        }
        return new TdlTuple(List.of(last, r[1]));
    }

    private static Variable lastStep(TensorOps t, Variable v) {
        return t.subtensor(v, List.of(new Index.Scalar(t.constant(-1L))));
    }

    /** Builds the scan node; returns {outputs (one variable, or a list), updates dict}. */
    static Object[] build(Runtime rt, Object fn, Object seqSpec, Object infoSpec, Object nonSeqSpec, Object nStepsSpec,
                          boolean back, String name) {
        TensorOps t = Symbolic.ops(rt);
        List<Variable> seqs = new ArrayList<>();
        for (Object o : items(seqSpec)) {
            if (o instanceof Map<?, ?>) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "scan: sequences given as dict(input=..., taps=...) are not supported",
                        "pass the sequence itself, and slice shifted copies for other taps");
            }
            Variable s = Symbolic.lift(rt, o, "a scan sequence");
            if (s.rank() == 0) throw new TdlError(ErrorKind.TYPE_ERROR, "scan: a sequence must have at least one dimension, got a scalar");
            seqs.add(s);
        }
        List<Object> infoItems = infoSpec == null ? null : infoSpec instanceof List<?> || infoSpec instanceof TdlTuple
                ? items(infoSpec) : List.of(infoSpec);
        List<Info> infos = new ArrayList<>();
        if (infoItems != null) for (Object o : infoItems) infos.add(info(rt, o));
        List<Variable> nonSeqs = new ArrayList<>();
        for (Object o : items(nonSeqSpec)) nonSeqs.add(Symbolic.lift(rt, o, "a scan non-sequence"));

        Variable nSteps;
        if (nStepsSpec == null) {
            if (seqs.isEmpty()) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "scan: no sequences and no n_steps, so the number of steps is unknown",
                        "pass n_steps=..., or sequences=[...]");
            }
            nSteps = t.constant(-1L);
        } else {
            nSteps = Symbolic.lift(rt, nStepsSpec, "n_steps");
            if (nSteps.rank() != 0 || nSteps.dtype().isFloat()) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "scan: n_steps must be an integer scalar, got " + nSteps.type());
            }
            if (nSteps.dtype() != DType.INT64) nSteps = t.cast(nSteps, DType.INT64);
        }

        // symbolic stand-ins, in Theano's argument order: sequence elements, previous outputs, non-sequences
        List<Object> fnArgs = new ArrayList<>();
        List<Variable> seqInner = new ArrayList<>();
        for (Variable s : seqs) {
            Variable v = new Variable(s.type().withRank(s.rank() - 1), s.name() == null ? null : s.name() + "[t]");
            seqInner.add(v);
            fnArgs.add(v);
        }
        List<List<Variable>> tapInner = new ArrayList<>();
        for (Info inf : infos) {
            List<Variable> vs = new ArrayList<>();
            if (inf.initial() != null) {
                boolean stacked = !inf.taps().equals(List.of(-1));
                Variable init = inf.initial();
                if (stacked && init.rank() == 0) {
                    throw new TdlError(ErrorKind.VALUE_ERROR, "scan: taps " + inf.taps() + " need an initial value with the first states stacked along a new first axis");
                }
                for (int tap : inf.taps()) {
                    Variable v = new Variable(stacked ? init.type().withRank(init.rank() - 1) : init.type(), "prev" + tap);
                    vs.add(v);
                    fnArgs.add(v);
                }
            }
            tapInner.add(vs);
        }
        List<Variable> nonSeqInner = new ArrayList<>();
        for (Variable ns : nonSeqs) {
            Variable v = ns instanceof SharedVariable || ns instanceof Constant || ns.isInput() ? ns : new Variable(ns.type(), ns.name());
            nonSeqInner.add(v);
            fnArgs.add(v);
        }

        Object result = rt.call(fn, fnArgs, Map.of());
        List<Object> outItems = new ArrayList<>();
        Map<?, ?> updatesSpec = null;
        if (result instanceof Map<?, ?> m) {
            updatesSpec = m;
        } else if ((result instanceof TdlTuple || result instanceof List<?>) && items(result).size() == 2
                && items(result).get(1) instanceof Map<?, ?> m) {
            updatesSpec = m;
            Object o = items(result).get(0);
            if (o instanceof List<?> || o instanceof TdlTuple) outItems.addAll(items(o));
            else if (o != null) outItems.add(o);
        } else if (result instanceof TdlTuple || result instanceof List<?>) {
            outItems.addAll(items(result));
        } else if (result != null) {
            outItems.add(result);
        }
        List<Variable> outs = new ArrayList<>();
        for (Object o : outItems) outs.add(Symbolic.lift(rt, o, "a value returned by the scan function"));
        if (infoItems == null) {
            for (int j = 0; j < outs.size(); j++) {
                infos.add(new Info(null, List.of()));
                tapInner.add(List.of());
            }
        } else if (infos.size() != outs.size()) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "scan: outputs_info has " + infos.size() + " entries but the function returned "
                    + outs.size() + " output" + (outs.size() == 1 ? "" : "s"),
                    "give one outputs_info entry per returned output (None for outputs that are not fed back)");
        }
        for (int j = 0; j < outs.size(); j++) {
            Info inf = infos.get(j);
            if (inf.initial() == null) continue;
            Variable state = tapInner.get(j).get(0);
            Variable o = outs.get(j);
            if (o.rank() != state.rank()) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "scan: output " + (j + 1) + " has rank " + o.rank()
                        + " but its previous value (from outputs_info) has rank " + state.rank(),
                        "each step must return a value shaped like the initial value in outputs_info");
            }
            if (o.dtype() != state.dtype()) {
                if (!state.dtype().isFloat() && o.dtype().isFloat()) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "scan: output " + (j + 1) + " is " + o.dtype().pyName()
                            + " but its initial value is " + state.dtype().pyName(),
                            "give outputs_info a float initial value, e.g. np.float64(0) or T.zeros(...)");
                }
                outs.set(j, t.cast(o, state.dtype()));
            }
        }

        // shared variables the body updates: carried from step to step, final values come back as updates
        List<SharedVariable> carried = new ArrayList<>();
        List<Variable> carriedNew = new ArrayList<>();
        if (updatesSpec != null) {
            for (Map.Entry<?, ?> e : updatesSpec.entrySet()) {
                if (!(e.getKey() instanceof SharedVariable sv)) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "scan: an update target must be a shared variable, got " + Symbolic.typeName(rt, e.getKey()));
                }
                Variable nv = Symbolic.lift(rt, e.getValue(), "an update value");
                if (nv.rank() != sv.rank()) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "scan: the update of '" + sv + "' has rank " + nv.rank() + " but the shared variable has rank " + sv.rank());
                }
                if (nv.dtype() != sv.dtype()) nv = t.cast(nv, sv.dtype());
                carried.add(sv);
                carriedNew.add(nv);
            }
        }

        List<Variable> innerOutputs = new ArrayList<>(outs);
        innerOutputs.addAll(carriedNew);
        List<Variable> innerInputs = new ArrayList<>(seqInner);
        for (List<Variable> vs : tapInner) innerInputs.addAll(vs);
        innerInputs.addAll(carried);
        List<Variable> outerNonSeq = new ArrayList<>();
        Set<Variable> bound = Collections.newSetFromMap(new IdentityHashMap<>());
        bound.addAll(innerInputs);
        for (int i = 0; i < nonSeqs.size(); i++) {
            Variable inner = nonSeqInner.get(i);
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
        for (Info inf : infos) if (inf.initial() != null) outer.add(inf.initial());
        outer.addAll(carried);
        outer.addAll(outerNonSeq);
        List<List<Integer>> taps = new ArrayList<>();
        List<Boolean> lastOnly = new ArrayList<>();
        for (Info inf : infos) {
            taps.add(inf.initial() == null ? List.of() : inf.taps());
            lastOnly.add(false);
        }
        ScanOp op = new ScanOp(innerInputs, innerOutputs, seqs.size(), taps, carried.size(), back, name, lastOnly);
        Apply node = Apply.make(op, outer, rt.currentPos());

        Map<Object, Object> updates = new LinkedHashMap<>();
        for (int c = 0; c < carried.size(); c++) updates.put(carried.get(c), node.outputs().get(outs.size() + c));
        Object outputs;
        if (outs.size() == 1) outputs = node.outputs().get(0);
        else outputs = new ArrayList<Object>(node.outputs().subList(0, outs.size()));
        return new Object[] {outputs, updates};
    }

    private static Info info(Runtime rt, Object o) {
        if (o == null) return new Info(null, List.of());
        if (o instanceof Map<?, ?> m) {
            Object init = m.get("initial");
            if (init == null) return new Info(null, List.of());
            List<Integer> taps = new ArrayList<>();
            Object tapSpec = m.containsKey("taps") ? m.get("taps") : List.of(-1L);
            for (Object tp : items(tapSpec)) {
                if (!(tp instanceof Long l) || l >= 0) {
                    throw new TdlError(ErrorKind.VALUE_ERROR, "scan: output taps must be negative integers (-1 = the previous step), got " + rt.repr(tp));
                }
                taps.add(l.intValue());
            }
            if (taps.isEmpty()) return new Info(null, List.of());
            return new Info(Symbolic.lift(rt, init, "an initial value in outputs_info"), taps);
        }
        return new Info(Symbolic.lift(rt, o, "an initial value in outputs_info"), List.of(-1));
    }

    private static List<Object> items(Object spec) {
        if (spec == null) return List.of();
        if (spec instanceof List<?> l) return new ArrayList<>(l);
        if (spec instanceof TdlTuple tu) return new ArrayList<>(tu.items());
        return List.of(spec);
    }
}
