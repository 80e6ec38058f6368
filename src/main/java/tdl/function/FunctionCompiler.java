package tdl.function;

import tdl.vocab.OnUnused;
import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.GraphWalk;
import tdl.graph.NDArray;
import tdl.graph.Rebuild;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.rewrite.Pipeline;
import tdl.rewrite.RewriteLog;

/**
 * theano.function: validate -> substitute givens (a rebuilt copy; the user's graph is untouched)
 * -> check missing and unused inputs -> rewrite ({@link Pipeline}) -> order once and build a
 * {@link Plan}. The outputs and the update values are compiled together, so they share
 * subexpressions and all read the state before the call.
 */
public final class FunctionCompiler {
    private FunctionCompiler() {}

    /**
     * Everything {@code function(...)} can be told besides the graph. {@code nanGuard} (the
     * --nan-guard option) stops a call at the first step whose output holds NaN or Inf.
     */
    public record Options(OnUnused onUnused, String name, Pipeline pipeline, boolean profile, boolean nanGuard,
                          NoDefaultUpdates noDefaultUpdates, boolean debugCheck, NodeMonitor monitor) {
        public static Options defaults() {
            return new Options(OnUnused.RAISE, null, Pipeline.standard(), false, false, NoDefaultUpdates.NONE, false, null);
        }

        /** MonitorMode: {@code m} is called around each step of the function's own plan (null: none). */
        public Options withMonitor(NodeMonitor m) { return new Options(onUnused, name, pipeline, profile, nanGuard, noDefaultUpdates, debugCheck, m); }

        public Options withName(String n) { return new Options(onUnused, n, pipeline, profile, nanGuard, noDefaultUpdates, debugCheck, monitor); }

        public Options withOnUnused(OnUnused m) { return new Options(m, name, pipeline, profile, nanGuard, noDefaultUpdates, debugCheck, monitor); }

        public Options withPipeline(Pipeline p) { return new Options(onUnused, name, p, profile, nanGuard, noDefaultUpdates, debugCheck, monitor); }

        public Options withProfile(boolean p) { return new Options(onUnused, name, pipeline, p, nanGuard, noDefaultUpdates, debugCheck, monitor); }

        public Options withNanGuard(boolean g) { return new Options(onUnused, name, pipeline, profile, g, noDefaultUpdates, debugCheck, monitor); }

        public Options withNoDefaultUpdates(NoDefaultUpdates n) { return new Options(onUnused, name, pipeline, profile, nanGuard, n, debugCheck, monitor); }

        /**
         * DebugMode's check: every call also runs an unrewritten plan of the same graph and compares
         * the results ({@link DebugCheck}).
         */
        public Options withDebugCheck(boolean d) { return new Options(onUnused, name, pipeline, profile, nanGuard, noDefaultUpdates, d, monitor); }
    }

    public static CompiledFunction compile(List<Variable> inputs, List<Variable> outputs,
                                           List<Map.Entry<SharedVariable, Variable>> updates,
                                           Map<Variable, Variable> givens, Options options) {
        long start = System.nanoTime();
        CompileTimes times = new CompileTimes();
        if (updates == null) updates = List.of();
        if (givens == null) givens = Map.of();
        if (outputs == null) outputs = List.of();
        checkInputs(inputs);
        checkUpdates(updates);
        checkGivens(givens);
        givens = GivensPattern.checked(givens);

        List<Variable> results = new ArrayList<>(outputs);
        for (Map.Entry<SharedVariable, Variable> u : updates) results.add(u.getValue());
        results = Rebuild.substitute(results, givens);
        results = options.noDefaultUpdates().apply(results);

        List<String> warnings = new ArrayList<>();
        checkMissingAndUnused(inputs, results, options.onUnused(), warnings);
        times.since("checks and givens", start);

        RewriteLog log = new RewriteLog();
        Profile profile = options.profile() ? new Profile() : null;
        // built before rewriting, from the same graph: what the rewritten plan must agree with
        DebugCheck check = options.debugCheck() ? DebugCheck.of(inputs, results, outputs.size(), updates, options) : null;
        Compilation compilation = Compilation.of(options, profile, times);
        results = compilation.rewrite(results, log);
        long planStart = System.nanoTime();
        Plan plan = compilation.plan(inputs, results);
        times.since("plan", planStart);
        CompiledFunction f = new CompiledFunction(options.name(), inputs, outputs, updates, plan, profile, warnings, log, check, times);
        times.since("total", start);
        return f;
    }

    /** Variable.eval(): compiles an input-less function on the fly and returns a copy of the value. */
    public static NDArray evaluate(Variable v) {
        return evaluate(v, Map.of());
    }

    /** Variable.eval({x: value, ...}). */
    public static NDArray evaluate(Variable v, Map<Variable, NDArray> inputs) {
        List<Variable> ins = new ArrayList<>(inputs.keySet());
        List<NDArray> args = new ArrayList<>();
        for (Variable in : ins) args.add(inputs.get(in));
        CompiledFunction f = compile(ins, List.of(v), List.of(), Map.of(),
                Options.defaults().withOnUnused(OnUnused.IGNORE).withName("eval"));
        return f.call(args).get(0);
    }

    static GraphError missingInput(Variable v) {
        return new GraphError(ErrorKind.MISSING_INPUT_ERROR, "input '" + v + "' is needed to compute the outputs but was not given",
                "add '" + v + "' to the function's inputs, or substitute it with givens={" + v + ": ...}");
    }

    private static void checkInputs(List<Variable> inputs) {
        Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < inputs.size(); i++) {
            Variable v = inputs.get(i);
            if (v instanceof SharedVariable) {
                throw new GraphError(ErrorKind.TYPE_ERROR, inputName(i, v) + " is a shared variable; shared variables are implicit inputs",
                        "remove it from the inputs (its value is used automatically), or substitute it with givens");
            }
            if (v instanceof Constant) {
                throw new GraphError(ErrorKind.TYPE_ERROR, inputName(i, v) + " is a constant, not an input variable",
                        "inputs must be symbolic variables such as T.matrix('x')");
            }
            if (v.owner() != null) {
                throw new GraphError(ErrorKind.TYPE_ERROR, inputName(i, v) + " is an expression (computed by " + v.owner().op().name()
                        + "), not an input variable", "use a fresh input variable, and givens to tie it to the expression");
            }
            if (!seen.add(v)) {
                throw new GraphError(ErrorKind.VALUE_ERROR, inputName(i, v) + " appears more than once in the inputs",
                        "list each input once");
            }
        }
    }

    // messages are built only when a check fails: a compile that passes formats no names (a fresh
    // JVM's first compile paid for the string concatenations' bootstraps otherwise)
    private static String inputName(int i, Variable v) {
        return "function input " + (i + 1) + " '" + v + "'";
    }

    private static String updateOf(SharedVariable sv) {
        return "update of shared variable '" + sv + "': ";
    }

    private static void checkUpdates(List<Map.Entry<SharedVariable, Variable>> updates) {
        Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<SharedVariable, Variable> u : updates) {
            SharedVariable sv = u.getKey();
            Variable value = u.getValue();
            if (!seen.add(sv)) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "shared variable '" + sv + "' is updated twice in one function",
                        "give each shared variable at most one update");
            }
            if (value.rank() != sv.rank()) {
                throw new GraphError(ErrorKind.TYPE_ERROR, updateOf(sv) + "the shared variable has type " + sv.type()
                        + " but the update expression has type " + value.type(),
                        "the update must have the same number of dimensions as the shared variable");
            }
            DType want = sv.dtype(), got = value.dtype();
            // Theano's rebuild_collect_shared: filter_variable(update, allow_convert=False) accepts only the
            // same type, so even a lossless widening (float32 into float64, int into float) is refused
            if (got != want) {
                // the fix named here works: T.cast to the shared variable's dtype gives exactly its type
                String hint = "cast the update, e.g. T.cast(expr, '" + want.pyName() + "')";
                if (want == DType.FLOAT32 && got == DType.FLOAT64) {
                    hint += "; where a Python float such as 0.1 made it float64, floatX=float32 (THEANO_FLAGS=floatX=float32"
                            + " or tdl --floatX float32) keeps Python floats float32";
                } else if (want == DType.FLOAT64 && got == DType.FLOAT32) {
                    hint += ", or make the shared variable float32: theano.shared(np.asarray(v, dtype=theano.config.floatX))"
                            + " (theano.shared(0.5) of a Python float is float64, as in Theano)";
                }
                throw new GraphError(ErrorKind.TYPE_ERROR, updateOf(sv) + "the shared variable has type " + sv.type()
                        + " but the update expression has type " + value.type(), hint);
            }
        }
    }

    private static void checkGivens(Map<Variable, Variable> givens) {
        for (Map.Entry<Variable, Variable> g : givens.entrySet()) {
            Variable k = g.getKey(), v = g.getValue();
            if (k instanceof Constant) {
                throw new GraphError(ErrorKind.TYPE_ERROR, "givens: cannot substitute the constant " + k);
            }
            if (k.dtype() == DType.FLOAT32 && v.dtype() == DType.FLOAT64 && k.rank() == v.rank()) {
                // Theano refuses this (the replacement's type must convert to the key's); it would
                // silently turn a float32 graph into a float64 one
                throw new GraphError(ErrorKind.TYPE_ERROR, "givens: '" + k + "' has type " + k.type()
                        + " but its replacement has type " + v.type(),
                        "store the data as float32, e.g. theano.shared(np.asarray(data, dtype=theano.config.floatX)),"
                                + " or cast the replacement with T.cast(..., 'float32')");
            }
            if (k.rank() != v.rank()) {
                throw new GraphError(ErrorKind.TYPE_ERROR, "givens: '" + k + "' has type " + k.type()
                        + " but its replacement has type " + v.type(),
                        "the replacement must have the same number of dimensions");
            }
            if (k.dtype() != v.dtype()) {
                // Theano's strict rebuild (TensorType.convert_variable) wants the same dtype; re-typing the
                // graph instead would compute in the replacement's dtype (uint8 pixels: 200 * 200 wraps to 64)
                throw new GraphError(ErrorKind.TYPE_ERROR, "givens: '" + k + "' has type " + k.type()
                        + " but its replacement has type " + v.type() + ": a replacement must have the same dtype",
                        "cast the replacement with T.cast(..., '" + k.dtype().pyName() + "'), or declare '" + k
                                + "' with dtype '" + v.dtype().pyName() + "'");
            }
        }
    }

    private static void checkMissingAndUnused(List<Variable> inputs, List<Variable> results, OnUnused mode,
                                              List<String> warnings) {
        List<Variable> leaves = GraphWalk.leaves(results);
        Set<Variable> used = Collections.newSetFromMap(new IdentityHashMap<>());
        used.addAll(leaves);
        Set<Variable> given = Collections.newSetFromMap(new IdentityHashMap<>());
        given.addAll(inputs);
        for (Variable leaf : leaves) {
            if (leaf.isInput() && !given.contains(leaf)) throw missingInput(leaf);
        }
        for (int i = 0; i < inputs.size(); i++) {
            Variable in = inputs.get(i);
            if (used.contains(in)) continue;
            String msg = "function input " + (i + 1) + " '" + in + "' is not used by any output or update";
            switch (mode) {
                case RAISE -> throw new GraphError(ErrorKind.UNUSED_INPUT_ERROR, msg,
                        "remove it from the inputs, or pass on_unused_input='warn' (or 'ignore') to function");
                case WARN -> warnings.add("UnusedInputError: " + msg);
                case IGNORE -> { }
            }
        }
    }
}
