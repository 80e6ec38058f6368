package tdl.lib.theano;

import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.function.CompiledFunction;
import tdl.function.FunctionCompiler;
import tdl.function.NoDefaultUpdates;
import tdl.graph.ops.RandomCounter;
import tdl.graph.ops.RandomOp;
import tdl.vocab.OnUnused;
import tdl.function.ProfileRegistry;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.graph.TypeFilter;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.lib.numpy.NumpyConvert;
import tdl.syntax.TdlError;

/** theano.function(...) and Variable.eval(): argument conventions on top of {@link FunctionCompiler}. */
final class Functions {
    private Functions() {}

    /**
     * What a script holds after function(): the compiled function, whether it returns a list, the
     * dict keys of its outputs (null unless outputs was a dict), the allow_input_downcast setting, per input its keyword name (null: positional only), default value
     * (null: required) and theano.In flags, the recipe f.copy() recompiles from, and Theano's
     * f.trust_input flag (kept for scripts that read it back; TDL checks inputs either way).
     */
    record ScriptFunction(CompiledFunction compiled, boolean listOutput, List<String> outputKeys, Boolean allowInputDowncast, List<String> names,
                          List<Object> defaults, List<InOut.Flags> flags, Recipe recipe,
                          java.util.concurrent.atomic.AtomicBoolean trustInput) {}

    /** What function() was given, after argument checks: f.copy() compiles it again with shared variables swapped. */
    record Recipe(List<Variable> inputs, List<Variable> outputs, List<Map.Entry<SharedVariable, Variable>> updates,
                  Map<Variable, Variable> givens, FunctionCompiler.Options options, String mode) {}

    static Object function(Runtime rt, Args a) {
        a.check(10, "inputs", "outputs", "updates", "givens", "name", "on_unused_input", "profile",
                "allow_input_downcast", "mode", "no_default_updates");
        // theano.In(x, name=, value=) gives keyword names and defaults; theano.Out(y) is just y here
        List<String> names = new ArrayList<>();
        List<Object> defaults = new ArrayList<>();
        List<InOut.Flags> flags = new ArrayList<>();
        List<Object> inSpec = new ArrayList<>();
        Object inArg = a.get(0, "inputs");
        List<?> inItems = Sequences.items(inArg);
        if (inItems == null) {
            // Theano refuses a bare input (variables() says so for a variable); an In needs its list too
            variables(rt, inArg instanceof InOut.In in ? in.variable() : inArg, "inputs");
            inItems = List.of(inArg);
        }
        for (Object o : inItems) {
            if (o instanceof InOut.In in) {
                inSpec.add(in.variable());
                names.add(in.name());
                defaults.add(in.value());
                flags.add(in.flags());
            } else {
                inSpec.add(o);
                names.add(o instanceof Variable v ? v.name() : null);
                defaults.add(null);
                flags.add(InOut.Flags.PLAIN);
            }
        }
        List<Variable> inputs = variables(rt, inSpec, "inputs");
        Object outSpec = unwrapOut(a.get(1, "outputs", null));
        List<String> outputKeys = null;
        if (outSpec instanceof Map<?, ?> m) {
            // Theano 1.0: a dict of outputs is compiled in the sorted order of its keys and each call returns a dict
            Map<String, Object> sorted = new java.util.TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "the keys of a dict of outputs must be strings, got "
                            + Symbolic.typeName(rt, e.getKey()), "name each output, e.g. {'cost': cost, 'error': err}");
                }
                sorted.put(k, unwrapOut(e.getValue()));
            }
            outputKeys = List.copyOf(sorted.keySet());
            outSpec = new ArrayList<>(sorted.values());
        }
        boolean listOutput = outSpec == null || Sequences.isListOrTuple(outSpec);
        List<Variable> outputs = outSpec == null ? List.of() : listOutput ? variables(rt, outSpec, "outputs")
                : List.of(Symbolic.lift(rt, outSpec, "a function output"));
        List<RandomCounter> rngUpdates = new ArrayList<>();
        List<Map.Entry<SharedVariable, Variable>> updates = updates(rt, a.get(2, "updates", null), rngUpdates);
        Map<Variable, Variable> givens = givens(rt, a.get(3, "givens", null));
        Object name = a.get(4, "name", null);
        Map<String, Object> config = TheanoConfig.of(rt).module().members();
        Object onUnused = a.get(5, "on_unused_input", null);
        OnUnused mode = OnUnused.fromName(String.valueOf(onUnused != null ? onUnused : config.get("on_unused_input")));
        if (mode == null) throw new TdlError(ErrorKind.VALUE_ERROR, "on_unused_input must be 'raise', 'warn' or 'ignore'");
        Object modeArg = a.get(8, "mode", null);
        String compileMode = modeArg instanceof MonitorMode ? "FAST_RUN" : compileMode(rt, modeArg); // MonitorMode is FAST_RUN, watched
        FunctionCompiler.Options options = FunctionCompiler.Options.defaults().withOnUnused(mode)
                .withName(name == null ? null : rt.str(name))
                .withProfile(profile(rt, a.get(6, "profile", null), config) || compileMode.equals("ProfileMode"))
                .withNanGuard(compileMode.equals("NanGuardMode") || compileMode.equals("DebugMode"))
                .withDebugCheck(compileMode.equals("DebugMode"))
                .withMonitor(modeArg instanceof MonitorMode m ? m.monitor(rt) : null)
                .withPipeline(modeArg instanceof MonitorMode m ? FunctionCompiler.Options.defaults().pipeline().without(m.phasesOff().toArray(new String[0]))
                        : FunctionCompiler.Options.defaults().pipeline()) // MonitorMode(...).excluding('fusion') keeps ops unfused
                .withNoDefaultUpdates(noDefaultUpdates(rt, a.get(9, "no_default_updates", false)).except(rngUpdates));
        checkRngUpdates(rngUpdates, outputs, updates);
        Object downcast = a.get(7, "allow_input_downcast", null);
        Recipe recipe = new Recipe(inputs, outputs, updates, givens, options, compileMode);
        return compile(rt, recipe, listOutput, outputKeys, downcast == null ? null : rt.truth(downcast), names, defaults, flags);
    }

    /** Compiles a recipe (function() or f.copy()) into what the script holds. */
    static ScriptFunction compile(Runtime rt, Recipe r, boolean listOutput, List<String> outputKeys, Boolean downcast, List<String> names,
                                  List<Object> defaults, List<InOut.Flags> flags) {
        ProfileRegistry profiles = rt.sessionState(ProfileRegistry.class, ProfileRegistry::new);
        CompiledFunction f = FunctionCompiler.compile(r.inputs(), r.outputs(), r.updates(), r.givens(), profiles.apply(r.options()));
        profiles.register(f);
        return new ScriptFunction(f, listOutput, outputKeys, downcast, names, defaults, flags, r,
                new java.util.concurrent.atomic.AtomicBoolean(false));
    }

    /** Out(y) -> y, also inside a list of outputs. */
    private static Object unwrapOut(Object spec) {
        if (spec instanceof InOut.Out o) return o.variable();
        List<?> items = Sequences.isListOrTuple(spec) ? Sequences.items(spec) : null;
        if (items == null || items.stream().noneMatch(x -> x instanceof InOut.Out)) return spec;
        List<Object> out = new ArrayList<>();
        for (Object x : items) out.add(x instanceof InOut.Out o ? o.variable() : x);
        return out;
    }

    static Object call(Runtime rt, ScriptFunction sf, Args a) {
        Object subset = a.keywords().get("output_subset");
        if (a.keywords().containsKey("output_subset")) { // Theano pops it before binding the inputs
            Map<String, Object> rest = new LinkedHashMap<>(a.keywords());
            rest.remove("output_subset");
            a = new Args(a.function(), a.positional(), rest);
        }
        List<NDArray> values = new ArrayList<>(a.size());
        List<Object> args = new ArrayList<>(a.positional());
        boolean defaults = args.size() < sf.names().size() && sf.defaults().stream().anyMatch(java.util.Objects::nonNull);
        if (!a.keywords().isEmpty() || defaults) args = withKeywordsAndDefaults(sf, args, a);
        List<Variable> inputs = sf.compiled().inputs();
        for (int i = 0; i < args.size(); i++) {
            Object o = args.get(i);
            InOut.Flags flag = i < sf.flags().size() ? sf.flags().get(i) : InOut.Flags.PLAIN;
            if (flag.strict() && i < inputs.size()) InOut.checkStrict(rt, o, inputs.get(i), sf.compiled().where(i));
            NDArray v = o instanceof NDArray n ? n : NumpyConvert.toArray(o);
            // Theano's input filter (a wrong count or rank is the compiled function's own error)
            // the same dtype passes unchanged: only a conversion builds the filter's context (a hot path in training loops)
            if (i < inputs.size() && v.rank() == inputs.get(i).rank() && v.dtype() != inputs.get(i).dtype()) {
                Boolean downcast = flag.allowDowncast() != null ? flag.allowDowncast() : sf.allowInputDowncast();
                v = TypeFilter.filter(v, inputs.get(i).dtype(), downcast, source(o), Symbolic.floatX(rt),
                        sf.compiled().where(i), "pass allow_input_downcast=True to function()");
            }
            values.add(v);
        }
        List<NDArray> out = sf.compiled().call(values, rt::checkInterrupt); // Ctrl-C midway stores no update
        if (subset != null) return OutputSubset.select(rt, out, sf.outputKeys(), subset);
        if (sf.outputKeys() != null) {
            Map<Object, Object> byKey = new LinkedHashMap<>();
            for (int i = 0; i < out.size(); i++) byKey.put(sf.outputKeys().get(i), out.get(i));
            return byKey;
        }
        if (sf.listOutput()) return new ArrayList<Object>(out);
        return out.get(0);
    }

    /**
     * Python's binding of the call's arguments to the inputs: positional first, then keywords by
     * input name, then defaults (theano.In(value=)); a missing or doubly given input is a TypeError.
     */
    private static List<Object> withKeywordsAndDefaults(ScriptFunction sf, List<Object> positional, Args a) {
        int n = sf.names().size();
        if (positional.size() > n) return positional; // the compiled function reports the count
        Object[] bound = new Object[n];
        boolean[] given = new boolean[n];
        for (int i = 0; i < positional.size(); i++) {
            bound[i] = positional.get(i);
            given[i] = true;
        }
        for (Map.Entry<String, Object> e : a.keywords().entrySet()) {
            int i = sf.names().indexOf(e.getKey());
            if (i < 0) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "the function has no input named '" + e.getKey() + "'",
                        "inputs are named by their variable's name or theano.In(x, name=...): " + sf.names());
            }
            if (given[i]) throw new TdlError(ErrorKind.TYPE_ERROR, "input '" + e.getKey() + "' given twice");
            bound[i] = e.getValue();
            given[i] = true;
        }
        for (int i = 0; i < n; i++) {
            if (given[i]) continue;
            if (sf.defaults().get(i) == null) {
                String name = sf.names().get(i);
                throw new TdlError(ErrorKind.TYPE_ERROR, "missing input " + (name != null ? "'" + name + "'" : "number " + (i + 1))
                        + ": the function takes " + n + " input(s)", "pass it, or give it a default with theano.In(x, value=...)");
            }
            bound[i] = sf.defaults().get(i);
        }
        return java.util.Arrays.asList(bound);
    }

    /** How a value reached a compiled function or set_value, for {@link TypeFilter}. */
    static TypeFilter.Source source(Object o) {
        if (o instanceof NDArray) return TypeFilter.Source.ARRAY;
        if (o instanceof Double) return TypeFilter.Source.PYTHON_FLOAT;
        return TypeFilter.Source.PYTHON_VALUE;
    }

    static Object evalVariable(Runtime rt, Variable v, Args a) {
        Object givensSpec = a.get(0, "inputs_to_values", null);
        if (givensSpec == null) return FunctionCompiler.evaluate(v);
        if (!(givensSpec instanceof Map<?, ?> m)) throw new TdlError(ErrorKind.TYPE_ERROR, "eval() takes a dict {variable: value}");
        Map<Variable, NDArray> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            values.put(Symbolic.lift(rt, e.getKey(), "an eval() key"), NumpyConvert.toArray(e.getValue()));
        }
        checkUnused(rt, v, values.keySet());
        return FunctionCompiler.evaluate(v, values);
    }

    /**
     * Theano's eval compiles theano.function(inputs, self) with on_unused_input left to
     * config.on_unused_input ('raise' by default), so a key the expression does not use is an
     * UnusedInputError (naming it); 'warn' prints a warning, 'ignore' says nothing.
     */
    private static void checkUnused(Runtime rt, Variable v, java.util.Set<Variable> keys) {
        Object flag = TheanoConfig.of(rt).module().members().get("on_unused_input");
        OnUnused mode = OnUnused.fromName(String.valueOf(flag));
        if (mode == OnUnused.IGNORE) return;
        java.util.Set<Variable> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        used.addAll(tdl.graph.GraphWalk.leaves(List.of(v)));
        for (Variable key : keys) {
            if (used.contains(key)) continue;
            String msg = "eval() was given a value for '" + key + "', which the expression does not use";
            if (mode == OnUnused.WARN) {
                rt.err().println("warning: UnusedInputError: " + msg);
                continue;
            }
            throw new TdlError(ErrorKind.UNUSED_INPUT_ERROR, msg, "leave it out of the dict (Theano's eval compiles a function, whose "
                    + "on_unused_input is theano.config.on_unused_input, 'raise' unless set to 'warn' or 'ignore')");
        }
    }

    /**
     * Theano's mode names. FAST_RUN and FAST_COMPILE both run the standard rewrites (same values);
     * DebugMode and NanGuardMode stop at the first NaN or Inf and name the op (as --nan-guard);
     * DebugMode also compares each call's results with an unrewritten plan's ({@code DebugCheck});
     * ProfileMode profiles the function. Anything else is an error rather than silently ignored.
     */
    private static String compileMode(Runtime rt, Object mode) {
        if (mode == null) mode = TheanoConfig.of(rt).module().members().get("mode"); // Theano: None means config.mode
        if (mode instanceof CompileModes.Mode m) return m.name();
        if (mode instanceof String m && CompileModes.canonical(m) != null) return CompileModes.canonical(m);
        throw new TdlError(ErrorKind.VALUE_ERROR, "function(mode=" + rt.repr(mode) + "): unknown mode",
                "use None, 'FAST_RUN', 'FAST_COMPILE', 'DebugMode', 'NanGuardMode' or 'ProfileMode'");
    }

    /** profile=None means config.profile, which THEANO_FLAGS gives as text ('True', '1'). */
    private static boolean profile(Runtime rt, Object profile, Map<String, Object> config) {
        if (profile != null) return rt.truth(profile);
        Object flag = config.get("profile");
        return flag instanceof String s ? TheanoConfig.truth(s) : rt.truth(flag);
    }

    /** True (every draw), False/None (none) or a list of random draws whose streams this function must not advance. */
    private static NoDefaultUpdates noDefaultUpdates(Runtime rt, Object spec) {
        if (spec == null || Boolean.FALSE.equals(spec)) return NoDefaultUpdates.NONE;
        if (Boolean.TRUE.equals(spec)) return new NoDefaultUpdates(true, java.util.Set.of());
        List<?> items = Sequences.items(spec);
        if (items == null) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "no_default_updates must be True, False or a list of random draws, got "
                    + Symbolic.typeName(rt, spec));
        }
        List<RandomCounter> counters = new ArrayList<>();
        for (Object o : items) {
            if (!(o instanceof Variable v && v.owner() != null && v.owner().op() instanceof RandomOp r)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "no_default_updates lists random draws (the results of srng.uniform(...), "
                        + "srng.normal(...), srng.binomial(...)), got " + Symbolic.typeName(rt, o),
                        "pass the draw itself, e.g. no_default_updates=[rv_u]");
            }
            counters.add(r.counter());
        }
        return NoDefaultUpdates.of(counters);
    }

    private static List<Variable> variables(Runtime rt, Object spec, String what) {
        List<?> items = Sequences.items(spec);
        if (items == null) {
            if (spec instanceof Variable v && what.equals("inputs")) { // Theano refuses it too: a list is what is meant
                throw new TdlError(ErrorKind.TYPE_ERROR, "Input variables of a Theano function should be contained in a list, "
                        + "even when there is a single input.", "function([" + (v.name() == null ? "x" : v.name()) + "], ...)");
            }
            if (spec instanceof Variable v) return List.of(v);
            throw new TdlError(ErrorKind.TYPE_ERROR, what + " must be a list of symbolic variables, got " + Symbolic.typeName(rt, spec));
        }
        List<Variable> out = new ArrayList<>();
        for (Object o : items) {
            if (what.equals("inputs") && !(o instanceof Variable)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "function inputs must be symbolic variables, got " + Symbolic.typeName(rt, o));
            }
            out.add(Symbolic.lift(rt, o, "a function " + what.substring(0, what.length() - 1)));
        }
        return out;
    }

    /**
     * An explicit (rv.rng, new_rng) update (srng.updates()) advances that draw's stream in this
     * function, also under no_default_updates. TDL advances a stream by evaluating its draw, so the
     * draw must be computed by the function; a stream Theano would advance without its value being
     * used is refused rather than silently left as it is.
     */
    private static void checkRngUpdates(List<RandomCounter> rngUpdates, List<Variable> outputs, List<Map.Entry<SharedVariable, Variable>> updates) {
        if (rngUpdates.isEmpty()) return;
        List<Variable> results = new ArrayList<>(outputs);
        for (Map.Entry<SharedVariable, Variable> e : updates) results.add(e.getValue());
        java.util.Set<RandomCounter> drawn = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<List<Variable>> todo = new java.util.ArrayDeque<>();
        todo.add(results);
        while (!todo.isEmpty()) {
            for (tdl.graph.Apply node : tdl.graph.GraphWalk.toposort(todo.pop())) {
                if (node.op() instanceof RandomOp r) drawn.add(r.counter());
                for (tdl.graph.InnerGraph g : node.op().innerGraphs()) todo.add(g.outputs());
            }
        }
        for (RandomCounter c : rngUpdates) {
            if (!drawn.contains(c)) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "updates= advances the stream of a random draw this function does not compute; "
                        + "TDL advances a stream only by drawing from it", "leave that (rng, new_rng) pair out, or add the draw to the outputs");
            }
        }
    }

    private static List<Map.Entry<SharedVariable, Variable>> updates(Runtime rt, Object spec, List<RandomCounter> rngUpdates) {
        List<Map.Entry<SharedVariable, Variable>> out = new ArrayList<>();
        if (spec == null) return out;
        List<Object[]> pairs = new ArrayList<>();
        if (spec instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) pairs.add(new Object[] {e.getKey(), e.getValue()});
        } else {
            List<?> items = Sequences.items(spec);
            if (items == null) throw new TdlError(ErrorKind.TYPE_ERROR, "updates must be a list of (shared, expression) pairs or a dict");
            for (Object o : items) {
                List<?> pair = Sequences.items(o);
                if (pair == null || pair.size() != 2) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "each update must be a (shared_variable, new_value) pair, got " + rt.repr(o));
                }
                pairs.add(new Object[] {pair.get(0), pair.get(1)});
            }
        }
        for (Object[] p : pairs) {
            if (p[0] instanceof RandomStateShared rng) {
                if (!(p[1] instanceof RandomStateShared.NewState ns && ns.rng() == rng)) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "a random stream's state can only be updated to its own next state, got "
                            + rt.repr(p[1]), "use the pairs srng.updates() returns, or rv.update");
                }
                rngUpdates.add(rng.counter);
                continue;
            }
            if (!(p[0] instanceof SharedVariable s)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "an update target must be a shared variable, got " + Symbolic.typeName(rt, p[0]),
                        "only theano.shared(...) variables can be updated");
            }
            out.add(new AbstractMap.SimpleImmutableEntry<>(s, Symbolic.lift(rt, p[1], "an update value")));
        }
        return out;
    }

    private static Map<Variable, Variable> givens(Runtime rt, Object spec) {
        Map<Variable, Variable> out = new LinkedHashMap<>();
        if (spec == null) return out;
        if (spec instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(Symbolic.lift(rt, e.getKey(), "a givens key"), Symbolic.lift(rt, e.getValue(), "a givens value"));
            }
            return out;
        }
        List<?> items = Sequences.items(spec);
        if (items == null) throw new TdlError(ErrorKind.TYPE_ERROR, "givens must be a dict {variable: expression} or a list of pairs");
        for (Object o : items) {
            List<?> pair = Sequences.items(o);
            if (pair == null || pair.size() != 2) throw new TdlError(ErrorKind.TYPE_ERROR, "each given must be a (variable, expression) pair");
            out.put(Symbolic.lift(rt, pair.get(0), "a givens key"), Symbolic.lift(rt, pair.get(1), "a givens value"));
        }
        return out;
    }
}
