package tdl.lib.theano;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.function.Plan;
import tdl.graph.GraphWalk;
import tdl.graph.Rebuild;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * f.maker.fgraph (Theano's FunctionGraph of the compiled function: the rewritten graph, as the plan
 * runs it) and f.copy(). fgraph.inputs are the function's inputs, then the shared variables it
 * reads; fgraph.outputs the rewritten outputs, then the rewritten update values; toposort() the
 * Apply nodes in the order the plan executes them.
 */
final class FunctionMaker {
    private FunctionMaker() {}

    record Maker(Functions.ScriptFunction function) {}

    record FunctionGraph(Functions.ScriptFunction function) {}

    static void register(Runtime rt) {
        rt.registerHooks(Maker.class, new TypeHooks() {
            @Override public String typeName(Object self) { return "FunctionMaker"; }

            @Override public String str(Runtime r, Object self) { return "<FunctionMaker>"; }

            @Override public Object getAttr(Runtime r, Object self, String name) {
                Functions.ScriptFunction f = ((Maker) self).function();
                return switch (name) {
                    case "fgraph", "env" -> new FunctionGraph(f);
                    case "inputs" -> new ArrayList<Object>(f.compiled().inputs());
                    case "outputs" -> new ArrayList<Object>(f.compiled().outputs());
                    case "mode" -> f.recipe().mode();
                    default -> UNSUPPORTED;
                };
            }

            @Override public List<String> attributeNames(Object self) { return List.of("fgraph", "inputs", "outputs", "mode"); }
        });
        rt.registerHooks(FunctionGraph.class, new TypeHooks() {
            @Override public String typeName(Object self) { return "FunctionGraph"; }

            @Override public String str(Runtime r, Object self) {
                List<String> parts = new ArrayList<>();
                for (Object o : outputs(((FunctionGraph) self).function())) parts.add(r.str(o));
                List<String> ins = new ArrayList<>();
                for (Object o : inputs(((FunctionGraph) self).function())) ins.add(r.str(o));
                return "FunctionGraph(" + String.join(", ", ins) + " -> " + String.join(", ", parts) + ")";
            }

            @Override public Object getAttr(Runtime r, Object self, String name) {
                Functions.ScriptFunction f = ((FunctionGraph) self).function();
                return switch (name) {
                    case "inputs" -> inputs(f);
                    case "outputs" -> outputs(f);
                    case "toposort" -> (TdlCallable) (rt2, a) -> {
                        a.check(0);
                        return toposort(f);
                    };
                    case "apply_nodes" -> new LinkedHashSet<Object>(toposort(f));
                    case "variables" -> {
                        List<Object> vs = new ArrayList<>(inputs(f));
                        for (Object o : toposort(f)) vs.addAll(((tdl.graph.Apply) o).outputs());
                        yield vs;
                    }
                    default -> UNSUPPORTED;
                };
            }

            @Override public List<String> attributeNames(Object self) {
                return List.of("inputs", "outputs", "toposort", "apply_nodes", "variables");
            }
        });
    }

    static List<Object> toposort(Functions.ScriptFunction f) {
        List<Object> out = new ArrayList<>();
        for (Plan.Step s : f.compiled().plan().steps()) out.add(s.node());
        return out;
    }

    static List<Object> outputs(Functions.ScriptFunction f) {
        Plan plan = f.compiled().plan();
        List<Object> out = new ArrayList<>();
        for (int slot : plan.resultSlots()) out.add(plan.slotVariables().get(slot));
        return out;
    }

    static List<Object> inputs(Functions.ScriptFunction f) {
        List<Object> out = new ArrayList<>(f.compiled().inputs());
        for (Variable v : f.compiled().plan().slotVariables()) {
            if (v instanceof SharedVariable && !out.contains(v)) out.add(v);
        }
        return out;
    }

    /**
     * f.copy(share_memory=False, swap=None, delete_updates=False, name=None, profile=None), as
     * Theano 1.0: a new function of the same graph. Shared variables stay shared with the original
     * (both functions read and update the same ones) unless swap={old: new} replaces them in the
     * copy. share_memory (Theano: share intermediate buffers) is accepted; TDL's copies never share
     * buffers, which gives the same values.
     */
    static Object copy(Runtime rt, Functions.ScriptFunction f, Args a) {
        a.check(5, "share_memory", "swap", "delete_updates", "name", "profile");
        Functions.Recipe r = f.recipe();
        Map<Variable, Variable> swap = swap(rt, f, a.get(1, "swap", null));
        boolean deleteUpdates = rt.truth(a.get(2, "delete_updates", false));
        Object nameArg = a.get(3, "name", null);
        String name = nameArg != null ? rt.str(nameArg) : r.options().name() != null ? r.options().name() + " copy" : null;
        Object profile = a.get(4, "profile", null);
        List<Variable> outputs = Rebuild.substitute(r.outputs(), swap);
        List<Map.Entry<SharedVariable, Variable>> updates = new ArrayList<>();
        if (!deleteUpdates) {
            List<Variable> values = new ArrayList<>();
            for (Map.Entry<SharedVariable, Variable> u : r.updates()) values.add(u.getValue());
            values = Rebuild.substitute(values, swap);
            for (int i = 0; i < values.size(); i++) {
                SharedVariable key = r.updates().get(i).getKey();
                Variable k = swap.getOrDefault(key, key);
                updates.add(new java.util.AbstractMap.SimpleImmutableEntry<>((SharedVariable) k, values.get(i)));
            }
        }
        Map<Variable, Variable> givens = new java.util.LinkedHashMap<>();
        for (Map.Entry<Variable, Variable> g : r.givens().entrySet()) {
            givens.put(g.getKey(), Rebuild.substitute(List.of(g.getValue()), swap).get(0));
        }
        // on_unused_input='ignore', as Theano's copy: without its updates an input read only by them
        // (the accumulator's `inc`) is unused, and the copy must still build
        var options = r.options().withName(name).withProfile(profile == null ? r.options().profile() : rt.truth(profile))
                .withOnUnused(tdl.vocab.OnUnused.IGNORE);
        Functions.Recipe copy = new Functions.Recipe(r.inputs(), outputs, updates, givens, options, r.mode());
        return Functions.compile(rt, copy, f.listOutput(), f.outputKeys(), f.allowInputDowncast(), f.names(), f.defaults(), f.flags());
    }

    /** swap={old_shared: new_shared}: Theano's checks (the old one is used by f; same type). */
    private static Map<Variable, Variable> swap(Runtime rt, Functions.ScriptFunction f, Object spec) {
        Map<Variable, Variable> out = new IdentityHashMap<>();
        if (spec == null) return out;
        if (!(spec instanceof Map<?, ?> m)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "copy(swap=...) takes a dict {old_shared: new_shared}, got " + Symbolic.typeName(rt, spec));
        }
        Functions.Recipe r = f.recipe();
        List<Variable> roots = new ArrayList<>(r.outputs());
        for (Map.Entry<SharedVariable, Variable> u : r.updates()) {
            roots.add(u.getKey());
            roots.add(u.getValue());
        }
        roots.addAll(r.givens().values());
        Set<Variable> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        used.addAll(GraphWalk.leaves(roots));
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof SharedVariable old) || !used.contains(old)) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "SharedVariable: " + rt.str(e.getKey()) + " not found",
                        "swap's keys are shared variables the function uses");
            }
            if (!(e.getValue() instanceof SharedVariable now)) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "SharedVariable: " + rt.str(e.getValue()) + " not found",
                        "swap's values are shared variables (theano.shared(...))");
            }
            if (!old.type().equals(now.type())) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "Type of given SharedVariable conflicts with original one: given "
                        + now.type() + ", original " + old.type());
            }
            out.put(old, now);
        }
        return out;
    }
}
