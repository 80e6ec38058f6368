package tdl.lib.theano;

import tdl.interp.Sequences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.graph.ops.Index;
import tdl.graph.ops.TensorOps;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlTuple;
import tdl.scan.ScanBuilder;
import tdl.scan.ScanBuilder.OutputInfo;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.scan and its shorthands (map, reduce, foldl, foldr), LANGUAGE.md section 8: reads the
 * script's arguments and calls its {@code fn} once, here, with the symbolic stand-ins a
 * {@link ScanBuilder} makes for the current sequence elements and previous outputs; what it
 * returns becomes the body of the scan node that builder makes (tdl.scan holds the rest).
 */
final class Scan {
    private Scan() {}

    static Object scan(Runtime rt, Args a) {
        a.check(13, "fn", "sequences", "outputs_info", "non_sequences", "n_steps", "truncate_gradient",
                "go_backwards", "mode", "name", "profile", "allow_gc", "strict", "return_list");
        Object fn = a.get(0, "fn");
        Object truncate = a.get(5, "truncate_gradient", -1L);
        if (!(truncate instanceof Long l && l == -1)) {
            // a different gradient from Theano's would be silently wrong: refuse rather than ignore it
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "scan(truncate_gradient=" + rt.repr(truncate)
                    + ") is not supported: TDL backpropagates through every step",
                    "leave truncate_gradient at -1 (full backpropagation through time)");
        }
        boolean back = rt.truth(a.get(6, "go_backwards", false));
        Object name = a.get(8, "name", null);
        Object[] r = build(rt, fn, a.get(1, "sequences", null), a.get(2, "outputs_info", null),
                a.get(3, "non_sequences", null), a.get(4, "n_steps", null), back, name == null ? null : rt.str(name),
                rt.truth(a.get(11, "strict", false)));
        // return_list=True: the outputs as a list even when there is one
        Object outputs = rt.truth(a.get(12, "return_list", false)) && !(r[0] instanceof List<?>) ? new ArrayList<Object>(List.of(r[0])) : r[0];
        return new TdlTuple(List.of(outputs, r[1]));
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

    /** Reads the arguments, calls {@code fn} once with symbolic stand-ins; returns {outputs (one variable, or a list), updates dict}. */
    static Object[] build(Runtime rt, Object fn, Object seqSpec, Object infoSpec, Object nonSeqSpec, Object nStepsSpec,
                          boolean back, String name) {
        return build(rt, fn, seqSpec, infoSpec, nonSeqSpec, nStepsSpec, back, name, false);
    }

    /** {@code strict}: scan(strict=True), every shared variable fn reads must be in non_sequences or sequences. */
    static Object[] build(Runtime rt, Object fn, Object seqSpec, Object infoSpec, Object nonSeqSpec, Object nStepsSpec,
                          boolean back, String name, boolean strict) {
        List<Variable> seqs = new ArrayList<>();
        for (Object o : items(seqSpec)) {
            if (o instanceof Map<?, ?> m) seqs.addAll(tapSlices(rt, m, back));
            else seqs.add(Symbolic.lift(rt, o, "a scan sequence"));
        }
        List<OutputInfo> infos = null;
        if (infoSpec != null) {
            infos = new ArrayList<>();
            for (Object o : items(infoSpec)) {
                infos.add(info(rt, o));
            }
        }
        List<Variable> nonSeqs = new ArrayList<>();
        for (Object o : items(nonSeqSpec)) nonSeqs.add(Symbolic.lift(rt, o, "a scan non-sequence"));
        Variable nSteps = nStepsSpec == null ? null : Symbolic.lift(rt, nStepsSpec, "n_steps");
        ScanBuilder scan = new ScanBuilder(seqs, infos, nonSeqs, nSteps, back, name, rt.currentPos());

        List<Object> stepArgs = new ArrayList<>(scan.stepArguments());
        TestValues.of(rt).seedScanArguments(seqs, infos, scan.stepArguments(), back);
        if (fn instanceof tdl.interp.TdlFunction f && !f.acceptsPositional(stepArgs.size())) {
            int taps = stepArgs.size() - seqs.size() - nonSeqs.size();
            throw new TdlError(ErrorKind.TYPE_ERROR, "scan passes " + stepArgs.size() + " argument" + (stepArgs.size() == 1 ? "" : "s")
                    + " to " + f.name() + "(), which does not take them: " + count(seqs.size(), "sequence element")
                    + ", " + count(taps, "previous output value") + ", " + count(nonSeqs.size(), "non-sequence"),
                    "scan calls fn(sequence elements, previous outputs, non-sequences) in that order: one parameter per"
                            + " sequence (per tap of dict(input=..., taps=...)), per tap of each outputs_info entry that is not None"
                            + " (one for a plain initial value), and per non-sequence");
        }
        Object result = rt.call(fn, stepArgs, Map.of());
        // theano.scan_module.until(cond) as the last returned item: the loop stops after the step where cond holds
        Variable until = null;
        if (result instanceof Until u) {
            until = u.condition();
            result = null;
        } else if (Sequences.isListOrTuple(result) && !items(result).isEmpty() && items(result).get(items(result).size() - 1) instanceof Until u) {
            until = u.condition();
            List<Object> rest = items(result).subList(0, items(result).size() - 1);
            result = rest.size() == 1 ? rest.get(0) : new TdlTuple(new ArrayList<>(rest));
        }
        if (until != null && nStepsSpec == null && seqs.isEmpty()) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "scan: a loop with until() needs n_steps (the most steps it may run) or a sequence",
                    "give n_steps, e.g. n_steps=1024");
        }
        List<Object> outItems = new ArrayList<>();
        Map<?, ?> updatesSpec = null;
        if (result instanceof Map<?, ?> m) {
            updatesSpec = m;
        } else if ((Sequences.isListOrTuple(result)) && items(result).size() == 2
                && items(result).get(1) instanceof Map<?, ?> m) {
            updatesSpec = m;
            Object o = items(result).get(0);
            if (Sequences.isListOrTuple(o)) outItems.addAll(items(o));
            else if (o != null) outItems.add(o);
        } else if (Sequences.isListOrTuple(result)) {
            outItems.addAll(items(result));
        } else if (result != null) {
            outItems.add(result);
        }
        List<Variable> outs = new ArrayList<>();
        for (Object o : outItems) outs.add(Symbolic.lift(rt, o, "a value returned by the scan function"));
        Map<SharedVariable, Variable> stepUpdates = new LinkedHashMap<>();
        if (updatesSpec != null) {
            for (Map.Entry<?, ?> e : updatesSpec.entrySet()) {
                if (!(e.getKey() instanceof SharedVariable sv)) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "scan: an update target must be a shared variable, got " + Symbolic.typeName(rt, e.getKey()));
                }
                stepUpdates.put(sv, Symbolic.lift(rt, e.getValue(), "an update value"));
            }
        }
        if (strict) checkStrict(seqs, nonSeqs, outs, stepUpdates, until);
        ScanBuilder.Result r = scan.build(outs, stepUpdates, until);
        Object outputs = r.outputs().size() == 1 ? r.outputs().get(0) : new ArrayList<Object>(r.outputs());
        return new Object[] {outputs, new LinkedHashMap<Object, Object>(r.updates())};
    }

    /**
     * dict(input=x, taps=[...]) as Theano's scan cuts it: one sequence per tap, so that step j sees
     * x[j + tap + o] (o = -min(taps) when negative) and the loop runs len(x) - (max(max(taps), 0) + o)
     * steps. With go_backwards Theano cuts the reversed input; the op reverses each slice itself,
     * so the slices here are taken from the other end.
     */
    private static List<Variable> tapSlices(Runtime rt, Map<?, ?> spec, boolean back) {
        for (Object key : spec.keySet()) {
            if (!"input".equals(key) && !"taps".equals(key)) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "scan: a sequence dict takes 'input' and 'taps', got " + rt.repr(key));
            }
        }
        if (!spec.containsKey("input")) throw new TdlError(ErrorKind.VALUE_ERROR, "scan: a sequence dict needs 'input'");
        Variable x = Symbolic.lift(rt, spec.get("input"), "a scan sequence");
        Object tapSpec = spec.containsKey("taps") ? spec.get("taps") : List.of(0L);
        if (tapSpec == null) return List.of(x);
        List<Integer> taps = new ArrayList<>();
        for (Object tp : items(tapSpec)) {
            if (!(tp instanceof Long l)) throw new TdlError(ErrorKind.TYPE_ERROR, "scan: sequence taps must be integers, got " + rt.repr(tp));
            taps.add(tdl.interp.Ints.toInt(l));
        }
        if (taps.isEmpty()) throw new TdlError(ErrorKind.VALUE_ERROR, "scan: a sequence dict needs at least one tap");
        if (x.rank() == 0) throw new TdlError(ErrorKind.VALUE_ERROR, "scan: a sequence must have at least one dimension to loop over");
        int o = Math.max(-java.util.Collections.min(taps), 0), maxM = Math.max(java.util.Collections.max(taps), 0);
        TensorOps t = Symbolic.ops(rt);
        List<Variable> out = new ArrayList<>();
        for (int k : taps) {
            long start = back ? maxM - k : k + o, end = back ? -(k + o) : k - maxM;
            out.add(t.subtensor(x, List.of(new Index.Range(t.constant(start), end == 0 ? null : t.constant(end), null))));
        }
        return out;
    }

    private static OutputInfo info(Runtime rt, Object o) {
        if (o == null) return OutputInfo.NONE;
        if (o instanceof Map<?, ?> m) {
            Object init = m.get("initial");
            if (init == null) return OutputInfo.NONE;
            List<Integer> taps = new ArrayList<>();
            Object tapSpec = m.containsKey("taps") ? m.get("taps") : List.of(-1L);
            for (Object tp : items(tapSpec)) {
                if (!(tp instanceof Long l) || l >= 0) {
                    throw new TdlError(ErrorKind.VALUE_ERROR, "scan: output taps must be negative integers (-1 = the previous step), got " + rt.repr(tp));
                }
                taps.add(tdl.interp.Ints.toInt(l));
            }
            if (taps.isEmpty()) return OutputInfo.NONE;
            return new OutputInfo(Symbolic.lift(rt, init, "an initial value in outputs_info"), taps);
        }
        return OutputInfo.previous(Symbolic.lift(rt, o, "an initial value in outputs_info"));
    }

    /**
     * scan(strict=True) as Theano 1.0: a shared variable the step reads that is neither passed in
     * non_sequences or sequences nor updated by the step is not an input of the inner graph, and
     * Theano's Scan op refuses the graph ("ScanOp is missing an input").
     */
    private static void checkStrict(List<Variable> seqs, List<Variable> nonSeqs, List<Variable> outs,
                                    Map<SharedVariable, Variable> stepUpdates, Variable until) {
        java.util.Set<Variable> passed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        passed.addAll(nonSeqs);
        passed.addAll(seqs);
        passed.addAll(stepUpdates.keySet());
        List<Variable> roots = new ArrayList<>(outs);
        roots.addAll(stepUpdates.values());
        if (until != null) roots.add(until);
        for (Variable leaf : tdl.graph.GraphWalk.leaves(roots)) {
            if (leaf instanceof SharedVariable sv && !passed.contains(sv)) {
                throw new TdlError(ErrorKind.MISSING_INPUT_ERROR, "ScanOp is missing an input: " + sv,
                        "scan(strict=True): pass the shared variable in non_sequences, e.g. non_sequences=[" + sv + "]");
            }
        }
    }

    /** What theano.scan_module.until(condition) returns: a marker scan reads from fn's result. */
    record Until(Variable condition) {}

    /** theano.scan_module.until(condition). */
    static Object until(Runtime rt, Args a) {
        Variable c = Symbolic.lift(rt, a.check(1, "condition").get(0, "condition"), "until() condition");
        return new Until(c);
    }

    private static String count(int n, String what) { return n + " " + what + (n == 1 ? "" : "s"); }

    private static List<Object> items(Object spec) {
        return spec == null ? List.of() : new ArrayList<>(Sequences.itemsOrSingle(spec));
    }
}
