package tdl.function;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.rewrite.RewriteLog;

/**
 * What {@code function} returns. A call validates and converts the arguments, runs the plan, copies
 * the outputs out, and only then stores every update: update values are all computed from the state
 * before the call, and a call that fails stores none of them.
 */
public final class CompiledFunction {
    private final String name;
    private final List<Variable> inputs;
    private final List<Variable> outputs;
    private final List<Map.Entry<SharedVariable, Variable>> updates;
    private final Plan plan;
    private final Profile profile;
    private final List<String> warnings;
    private final RewriteLog rewriteLog;
    // two arrays per update that the function owns and alternates between, so storing an update
    // copies into a buffer nobody is reading instead of allocating (see storeUpdates)
    private final NDArray[][] updateBuffers;
    // reused by every call (calls are synchronized): the converted arguments and borrowed outputs
    private final NDArray[] argBuffer;
    private final NDArray[] borrowed;
    private final java.util.concurrent.locks.ReentrantLock[] locks;
    // DebugMode: the unrewritten plan each call is compared with (null: no check)
    private final DebugCheck check;
    private final CompileTimes compileTimes;
    // the random draws this function evaluates (its scans' too): a failed call puts them back
    private final tdl.graph.ops.RandomCounter[] draws;

    CompiledFunction(String name, List<Variable> inputs, List<Variable> outputs,
                     List<Map.Entry<SharedVariable, Variable>> updates, Plan plan, Profile profile,
                     List<String> warnings, RewriteLog rewriteLog, DebugCheck check, CompileTimes compileTimes) {
        this.name = name;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.updates = List.copyOf(updates);
        this.plan = plan;
        this.profile = profile;
        this.warnings = List.copyOf(warnings);
        this.rewriteLog = rewriteLog;
        this.updateBuffers = new NDArray[updates.size()][2];
        this.argBuffer = new NDArray[inputs.size()];
        this.borrowed = new NDArray[outputs.size()];
        this.locks = sharedLocks();
        this.check = check;
        this.compileTimes = compileTimes;
        this.draws = drawsOf(outputs, updates);
    }

    private static tdl.graph.ops.RandomCounter[] drawsOf(List<Variable> outputs, List<Map.Entry<SharedVariable, Variable>> updates) {
        List<Variable> roots = new ArrayList<>(outputs);
        for (Map.Entry<SharedVariable, Variable> u : updates) roots.add(u.getValue());
        java.util.Set<tdl.graph.ops.RandomCounter> found = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        collectDraws(roots, found);
        return found.toArray(new tdl.graph.ops.RandomCounter[0]);
    }

    private static void collectDraws(List<Variable> roots, java.util.Set<tdl.graph.ops.RandomCounter> found) {
        for (tdl.graph.Apply a : tdl.graph.GraphWalk.toposort(roots)) {
            if (a.op() instanceof tdl.graph.ops.RandomOp r) found.add(r.counter());
            for (tdl.graph.InnerGraph g : a.op().innerGraphs()) collectDraws(g.outputs(), found);
        }
    }

    /**
     * The distinct locks of the shared variables this function reads or updates, in one global
     * order (identity hash; in practice there is one, the session's): a call holds
     * them all from reading the first value to storing the last update, so two functions updating
     * the same variables from several threads lose nothing. A session's variables share one lock.
     */
    private java.util.concurrent.locks.ReentrantLock[] sharedLocks() {
        List<Variable> roots = new ArrayList<>(outputs);
        for (Map.Entry<SharedVariable, Variable> u : updates) {
            roots.add(u.getKey());
            roots.add(u.getValue());
        }
        java.util.LinkedHashSet<java.util.concurrent.locks.ReentrantLock> found = new java.util.LinkedHashSet<>();
        for (Variable v : tdl.graph.GraphWalk.leaves(roots)) if (v instanceof SharedVariable sv) found.add(sv.lock());
        java.util.concurrent.locks.ReentrantLock[] l = found.toArray(new java.util.concurrent.locks.ReentrantLock[0]);
        java.util.Arrays.sort(l, java.util.Comparator.comparingInt(System::identityHashCode));
        return l;
    }

    /** The name given at compile time, or null. */
    public String name() { return name; }

    /** The name used in messages: the given name, else "function". */
    public String displayName() { return name != null ? name : "function"; }

    public List<Variable> inputs() { return inputs; }

    /** The outputs as given (before rewriting). */
    public List<Variable> outputs() { return outputs; }

    public List<Map.Entry<SharedVariable, Variable>> updates() { return updates; }

    public Plan plan() { return plan; }

    /** The accumulated profile, or null when compiled without profiling. */
    public Profile profile() { return profile; }

    /** Compile-time warnings (unused inputs in WARN mode) for the caller to print. */
    public List<String> warnings() { return warnings; }

    /** How long each step of this function's compilation took. */
    public CompileTimes compileTimes() { return compileTimes; }

    /** Which rewrites fired when this function was compiled. */
    public RewriteLog rewriteLog() { return rewriteLog; }

    /**
     * Calls the function: one value per input; returns fresh copies of the outputs. Synchronized:
     * the plan's buffers serve one call at a time (an embedder may call from several threads).
     */
    public List<NDArray> call(List<NDArray> arguments) {
        return call(arguments, null);
    }

    /**
     * Like {@link #call(List)}, but runs {@code beforeUpdates} (the interpreter's interrupt check) once
     * every value is computed and before any update is stored: if it throws, the call stores nothing.
     */
    public synchronized List<NDArray> call(List<NDArray> arguments, Runnable beforeUpdates) {
        checkCount(arguments.size());
        for (int i = 0; i < argBuffer.length; i++) argBuffer[i] = arguments.get(i);
        run(beforeUpdates);
        List<NDArray> out = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) out.add(borrowed[i].copy());
        java.util.Arrays.fill(borrowed, null);
        return out;
    }

    /**
     * Calls the function without copying the outputs (Theano's {@code Out(y, borrow=True)}): the
     * returned array and the arrays in it belong to the function and are valid until its next
     * call; read them, do not modify them. A call with same-shaped arguments allocates nothing.
     */
    public synchronized NDArray[] callBorrowed(NDArray... arguments) {
        checkCount(arguments.length);
        System.arraycopy(arguments, 0, argBuffer, 0, argBuffer.length);
        run(null);
        return borrowed;
    }

    /** Runs the plan on argBuffer, fills {@link #borrowed} with the outputs, stores the updates. */
    private void run(Runnable beforeUpdates) {
        for (int i = 0; i < locks.length; i++) locks[i].lock();
        for (tdl.graph.ops.RandomCounter d : draws) d.mark();
        boolean stored = false;
        try {
            for (int i = 0; i < argBuffer.length; i++) argBuffer[i] = convert(i, argBuffer[i]);
            // the reference runs first: its random draws read the keys the real draws then advance past
            NDArray[] expected = check == null ? null : check.runReference(argBuffer);
            NDArray[] results = plan.run(argBuffer);
            if (check != null) check.compare(displayName(), results, expected);
            if (beforeUpdates != null) beforeUpdates.run();
            System.arraycopy(results, 0, borrowed, 0, borrowed.length);
            storeUpdates(results);
            stored = true;
        } finally {
            // a failed call stores no update, and the generators' new states are updates (Theano's rng updates)
            if (!stored) for (tdl.graph.ops.RandomCounter d : draws) d.rollback();
            java.util.Arrays.fill(argBuffer, null);
            plan.release();
            if (check != null) check.release();
            for (int i = locks.length - 1; i >= 0; i--) locks[i].unlock();
        }
    }

    private void storeUpdates(NDArray[] results) {
        // every value is computed by now; copying and setting cannot fail (types checked at compile time),
        // except for a broadcastable pattern, checked on every value before any is stored
        for (int u = 0; u < updates.size(); u++) updates.get(u).getKey().checkPattern(results[outputs.size() + u], "update");
        for (int u = 0; u < updates.size(); u++) {
            SharedVariable sv = updates.get(u).getKey();
            NDArray value = results[outputs.size() + u];
            NDArray[] pair = updateBuffers[u];
            int which = pair[0] != null && pair[0] == sv.value() ? 1 : 0;
            NDArray target = pair[which];
            if (target == null || !target.sameShape(value.shape()) || target.dtype() != sv.dtype()) {
                target = NDArray.zeros(sv.dtype(), value.shape());
                pair[which] = target;
            }
            if (value.dtype() == sv.dtype()) {
                target.copyFrom(value); // float32 stays float[] end to end
            } else {
                DType d = sv.dtype();
                for (int i = 0, n = value.size(); i < n; i++) target.set(i, d.coerce(value.get(i)));
            }
            results[outputs.size() + u] = target;
        }
        for (int u = 0; u < updates.size(); u++) updates.get(u).getKey().setValue(results[outputs.size() + u]);
    }

    private void checkCount(int given) {
        if (given != inputs.size()) {
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < inputs.size(); i++) names.append(i > 0 ? ", " : "").append(inputName(i));
            throw new GraphError(ErrorKind.TYPE_ERROR, displayName() + "() takes " + inputs.size() + " argument"
                    + (inputs.size() == 1 ? "" : "s") + " (" + names + "), got " + given);
        }
    }

    private String inputName(int i) {
        String n = inputs.get(i).name();
        return n != null ? n : "arg" + i;
    }

    /** Argument i as messages name it: {@code f(): argument 1 'x'}. */
    public String where(int i) {
        return displayName() + "(): argument " + (i + 1) + " '" + inputName(i) + "'";
    }

    private NDArray convert(int i, NDArray a) {
        Variable in = inputs.get(i);
        if (a == null) {
            throw new GraphError(ErrorKind.TYPE_ERROR, where(i) + " expects " + in.type() + ", got None");
        }
        if (a.rank() != in.rank()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, where(i) + " expects " + in.type() + " (rank " + in.rank()
                    + "), got an array of shape " + NDArray.shapeString(a.shape()) + " (rank " + a.rank() + ")",
                    "pass an array with " + in.rank() + " dimension" + (in.rank() == 1 ? "" : "s"));
        }
        // Theano's TensorType.filter: a T.row/T.col input refuses a longer axis (one null check when no
        // pattern; the message is built only for a failure, so a steady-state call allocates nothing)
        if (in.hasPattern() && !in.fitsPattern(a)) in.checkPattern(a, where(i), patternHint(in));
        DType want = in.dtype();
        if (a.dtype() == want) return a;
        if (want.isFloat()) return a.astype(want); // ints, bools and float32 upcast, as Theano does
        if (a.dtype().isFloat()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, where(i) + " expects " + in.type() + ", got a " + a.dtype().pyName()
                    + " array (converting would lose the fractional part)",
                    "convert the value with .astype('" + want.pyName() + "')");
        }
        NDArray c = a.astype(want);
        for (int k = 0, n = a.size(); k < n; k++) {
            if (a.get(k) != c.get(k)) {
                throw new GraphError(ErrorKind.TYPE_ERROR, where(i) + " expects " + in.type() + ", got a " + a.dtype().pyName()
                        + " array with the value " + (long) a.get(k) + " that " + want.pyName() + " cannot hold");
            }
        }
        return c;
    }

    private static String patternHint(Variable in) {
        return "pass an array of length 1 on that axis, or declare '" + in + "' without the broadcastable axis"
                + " (T.matrix instead of T.row/T.col, whose length-1 axes broadcast at run time anyway)";
    }

    @Override
    public String toString() { return "<compiled function " + displayName() + ">"; }
}
