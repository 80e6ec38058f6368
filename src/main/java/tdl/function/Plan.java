package tdl.function;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tdl.eval.Float32Adaptor;
import tdl.eval.InnerCompiler;
import tdl.eval.InnerPlan;
import tdl.eval.Kernel;
import tdl.eval.Kernels;
import tdl.eval.MultiKernel;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.Memory;
import tdl.graph.GraphError;
import tdl.graph.GraphWalk;
import tdl.graph.Interrupts;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;

/**
 * A graph flattened once into steps over a slot table: slots [0, inputs) hold the arguments, then
 * shared values (read at the start of each run), constants, and one slot per step output. Running
 * it walks the steps array; nothing is looked up in the graph. Each step keeps its last output
 * buffer and hands it to its kernel as {@code reuse}, so a steady-state call with same-shaped data
 * allocates no new step buffers ({@link #allocations()} counts the ones that were).
 * Not thread-safe: one plan runs one call at a time. The plan of a scan's body is one too, built
 * with its function's options ({@link Compilation}).
 */
public final class Plan implements InnerPlan {
    /** One kernel run: the node it computes (blamed on errors), its input slots and its output slot. */
    public record Step(Apply node, Kernel kernel, int[] inputs, int output) { }

    private final int inputCount;
    private final SharedVariable[] shared;
    private final int[] sharedSlots;
    private final NDArray[] initial;
    private final Step[] steps;
    // lazy ifelse: per step, null or the guards (cond slot, taken when true?, block end) checked before it
    private final int[][] guards;
    private final int[] resultSlots;
    private final List<Variable> slotVariables;
    private final NDArray[] slots;
    private final NDArray[] reuse;
    private final NDArray[][] args;
    private long allocations;
    // --profile and --nan-guard: when either is on, run() takes the checking loop
    private final Profile profile;
    private final Profile.Entry[] profiled; // each step's entry in profile, when profiling
    private final boolean nanGuard;
    private final NodeMonitor monitor; // null unless MonitorMode
    // the array run() returns, reused: valid until the next run, like the buffers it points to
    private final NDArray[] resultBuffer;
    // float32 slots read by adapted (float64) kernels: one widened copy per slot per run, so an array
    // read by several such kernels is widened once; an adapted step's own double result seeds it
    private final boolean[] adapted;
    private final NDArray[] wide;
    private final NDArray[] wideOf;   // the slot value wide[slot] was made from
    private final long[] wideRun;     // the run wide[slot] belongs to
    private final boolean[] wideOwned; // false: wide[slot] is an adaptor's scratch, never written here
    private long runs;

    private Plan(int inputCount, List<SharedVariable> shared, List<Integer> sharedSlots, NDArray[] initial,
                 List<Step> steps, int[][] guards, int[] resultSlots, List<Variable> slotVariables, Profile profile,
                 boolean nanGuard, NodeMonitor monitor) {
        this.inputCount = inputCount;
        this.monitor = monitor;
        this.shared = shared.toArray(new SharedVariable[0]);
        this.sharedSlots = sharedSlots.stream().mapToInt(Integer::intValue).toArray();
        this.initial = initial;
        this.steps = steps.toArray(new Step[0]);
        this.guards = guards;
        this.resultSlots = resultSlots;
        this.resultBuffer = new NDArray[resultSlots.length];
        this.slotVariables = List.copyOf(slotVariables);
        this.profile = profile;
        this.profiled = new Profile.Entry[this.steps.length];
        if (profile != null) for (int i = 0; i < this.steps.length; i++) profiled[i] = profile.entry(this.steps[i].node().op().name());
        this.nanGuard = nanGuard;
        this.slots = initial.clone();
        this.reuse = new NDArray[this.steps.length];
        this.args = new NDArray[this.steps.length][];
        for (int i = 0; i < this.steps.length; i++) args[i] = new NDArray[this.steps[i].inputs().length];
        this.adapted = new boolean[this.steps.length];
        for (int i = 0; i < this.steps.length; i++) adapted[i] = this.steps[i].kernel() instanceof Float32Adaptor;
        this.wide = new NDArray[initial.length];
        this.wideOf = new NDArray[initial.length];
        this.wideRun = new long[initial.length];
        this.wideOwned = new boolean[initial.length];
    }

    /**
     * Orders the graph computing {@code results} (iteratively, once) and assigns slots. Every free
     * input the results need must be in {@code inputs}; shared variables listed in {@code inputs}
     * are bound to arguments (inner graphs receive them that way), other shared variables are read.
     * Ops with inner graphs compile them through {@code inner}; each step is timed into
     * {@code profile} when it is not null, and checked for NaN and Inf with {@code nanGuard}.
     */
    static Plan build(List<Variable> inputs, List<Variable> results, InnerCompiler inner, Profile profile, boolean nanGuard) {
        return build(inputs, results, inner, profile, nanGuard, null);
    }

    /** As above, with {@code monitor} called around every step (null: none). */
    static Plan build(List<Variable> inputs, List<Variable> results, InnerCompiler inner, Profile profile, boolean nanGuard,
                      NodeMonitor monitor) {
        Map<Variable, Integer> slotOf = new IdentityHashMap<>();
        List<Variable> slotVars = new ArrayList<>();
        for (Variable in : inputs) {
            slotOf.put(in, slotVars.size());
            slotVars.add(in);
        }
        List<SharedVariable> shared = new ArrayList<>();
        List<Integer> sharedSlots = new ArrayList<>();
        List<NDArray> constants = new ArrayList<>();
        List<Integer> constantSlots = new ArrayList<>();
        LazyBranches.Schedule schedule = LazyBranches.schedule(GraphWalk.toposort(results), results);
        List<Apply> order = schedule.order();
        for (Variable leaf : GraphWalk.leaves(results)) {
            if (slotOf.containsKey(leaf)) continue;
            int slot = slotVars.size();
            if (leaf instanceof SharedVariable sv) {
                shared.add(sv);
                sharedSlots.add(slot);
            } else if (leaf instanceof Constant c) {
                constants.add(c.value());
                constantSlots.add(slot);
            } else {
                throw FunctionCompiler.missingInput(leaf);
            }
            slotOf.put(leaf, slot);
            slotVars.add(leaf);
        }
        List<Step> steps = new ArrayList<>(order.size());
        for (Apply a : order) {
            Kernel k = Kernels.forApply(a, inner);
            if (a.outputs().size() != 1 && !(k instanceof MultiKernel)) {
                throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR, "op " + a.op().name() + " has " + a.outputs().size()
                        + " outputs; plans run single-output ops", null, a);
            }
            int[] ins = new int[a.inputs().size()];
            for (int i = 0; i < ins.length; i++) ins[i] = slotOf.get(a.inputs().get(i));
            // a multi-output node's outputs take consecutive slots starting at its step's output slot
            int out = slotVars.size();
            for (Variable o : a.outputs()) {
                slotOf.put(o, slotVars.size());
                slotVars.add(o);
            }
            steps.add(new Step(a, k, ins, out));
        }
        NDArray[] initial = new NDArray[slotVars.size()];
        for (int i = 0; i < constants.size(); i++) initial[constantSlots.get(i)] = constants.get(i);
        int[] resultSlots = new int[results.size()];
        for (int i = 0; i < resultSlots.length; i++) resultSlots[i] = slotOf.get(results.get(i));
        int[][] guards = new int[steps.size()][];
        for (Map.Entry<Integer, List<LazyBranches.Guard>> e : schedule.guards().entrySet()) {
            List<LazyBranches.Guard> gs = e.getValue();
            int[] g = new int[3 * gs.size()];
            for (int i = 0; i < gs.size(); i++) {
                g[3 * i] = slotOf.get(gs.get(i).cond());
                g[3 * i + 1] = gs.get(i).whenTrue() ? 1 : 0;
                g[3 * i + 2] = gs.get(i).end();
            }
            guards[e.getKey()] = g;
        }
        return new Plan(inputs.size(), shared, sharedSlots, initial, steps, guards, resultSlots, slotVars, profile, nanGuard, monitor);
    }

    /**
     * Runs the plan and returns the result values (outputs, then update values). The returned arrays
     * are the plan's own buffers (or arguments, shared values, constants): valid until the next run;
     * copy what you keep.
     */
    @Override
    public NDArray[] run(NDArray[] arguments) {
        if (profile != null || nanGuard || monitor != null) return runChecked(arguments);
        load(arguments);
        for (int s = 0; s < steps.length; s++) {
            if (guards[s] != null) {
                int skip = skipTo(s);
                if (skip >= 0) { s = skip - 1; continue; }
            }
            Step st = steps[s];
            NDArray[] a = args[s];
            Interrupts.check(); // between nodes; long kernels also check inside
            if (adapted[s]) for (int i = 0; i < a.length; i++) a[i] = widened(st.inputs()[i]);
            else for (int i = 0; i < a.length; i++) a[i] = slots[st.inputs()[i]];
            slots[st.output()] = runStep(s, st, a);
        }
        return results();
    }

    /**
     * {@link #run} with per-op-kind timing into {@code profile} (when not null) and, with
     * {@code nanGuard}, a check of every step's output: the first NaN or Inf stops the call, blamed
     * on the node that produced it; a {@code monitor} is called around each step. A separate loop so
     * plain runs pay for none of them.
     */
    private NDArray[] runChecked(NDArray[] arguments) {
        long start = System.nanoTime();
        load(arguments);
        for (int s = 0; s < steps.length; s++) {
            if (guards[s] != null) {
                int skip = skipTo(s);
                if (skip >= 0) { s = skip - 1; continue; }
            }
            Step st = steps[s];
            NDArray[] a = args[s];
            Interrupts.check(); // between nodes; long kernels also check inside
            if (adapted[s]) for (int i = 0; i < a.length; i++) a[i] = widened(st.inputs()[i]);
            else for (int i = 0; i < a.length; i++) a[i] = slots[st.inputs()[i]];
            if (monitor != null) monitor.before(s, st.node(), a);
            long t0 = System.nanoTime();
            NDArray out = runStep(s, st, a);
            if (profile != null) profiled[s].add(System.nanoTime() - t0);
            if (nanGuard) checkFinite(st, out);
            if (monitor != null) monitor.after(s, st.node(), a, out);
            slots[st.output()] = out;
        }
        if (profile != null) profile.callDone(System.nanoTime() - start);
        return results();
    }

    /** The end of the first block starting at step s that its ifelse's condition does not take, or -1. */
    private int skipTo(int s) {
        int[] g = guards[s];
        for (int i = 0; i < g.length; i += 3) {
            boolean truth = slots[g[i]].get(0) != 0;
            if (truth != (g[i + 1] == 1)) return g[i + 2];
        }
        return -1;
    }

    private static void checkFinite(Step st, NDArray out) {
        int n = out.size();
        for (int i = 0; i < n; i++) {
            double v = out.get(i);
            if (!Double.isFinite(v)) {
                throw new GraphError(ErrorKind.FLOATING_POINT_ERROR, st.node().op().name() + " produced " + v
                        + (n > 1 ? " (element " + i + " of shape " + NDArray.shapeString(out.shape()) + ")" : ""),
                        "look for log of 0 or a negative number, division by 0, or an overflowing exp; "
                                + "the stabilised forms (softplus, log1p) avoid most of these", st.node());
            }
        }
    }

    /**
     * Slot {@code slot}'s value for an adapted kernel: a float32 value as its double copy for this run
     * (made once, or the producing adaptor's own), anything else as it is.
     */
    private NDArray widened(int slot) {
        NDArray v = slots[slot];
        if (!v.isFloats()) return v;
        if (wideRun[slot] == runs && wideOf[slot] == v) return wide[slot];
        NDArray w = wide[slot];
        if (w == null || !wideOwned[slot] || !w.sameShape(v.shape())) {
            w = NDArray.wide(DType.FLOAT32, v.shape(), Memory.doubles(v.shape(), DType.FLOAT32));
            wide[slot] = w;
            wideOwned[slot] = true;
        }
        float[] f = v.floats();
        double[] d = w.data();
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        wideOf[slot] = v;
        wideRun[slot] = runs;
        return w;
    }

    /** After an adapted step: its double result is the widened copy of its float32 output, for this run. */
    private void keepWide(int s, NDArray out) {
        NDArray w = ((Float32Adaptor) steps[s].kernel()).wideResult();
        if (w == null || !out.isFloats()) return;
        int slot = steps[s].output();
        wide[slot] = w;
        wideOf[slot] = out;
        wideRun[slot] = runs;
        wideOwned[slot] = false;
    }

    private void load(NDArray[] arguments) {
        runs++;
        if (arguments.length != inputCount) {
            throw new IllegalArgumentException("plan takes " + inputCount + " arguments, got " + arguments.length);
        }
        System.arraycopy(arguments, 0, slots, 0, inputCount);
        for (int i = 0; i < shared.length; i++) slots[sharedSlots[i]] = shared[i].value();
    }

    private NDArray runStep(int s, Step st, NDArray[] a) {
        NDArray out;
        try {
            if (st.kernel() instanceof MultiKernel mk) {
                NDArray[] outs = mk.runAll(a);
                System.arraycopy(outs, 1, slots, st.output() + 1, outs.length - 1);
                return outs[0];
            }
            out = st.kernel().run(a, reuse[s]);
            if (adapted[s]) keepWide(s, out);
        } catch (GraphError e) {
            if (e.blamed() != null) throw e;
            GraphError blamed = new GraphError(e.kind(), e.getMessage(), e.hint(), st.node());
            blamed.initCause(e);
            throw blamed;
        } catch (RuntimeException e) {
            // a kernel bug still reaches the user as one positioned message, not a stack trace
            GraphError blamed = new GraphError(ErrorKind.RUNTIME_ERROR, st.node().op().name() + " failed: " + e, null, st.node());
            blamed.initCause(e);
            throw blamed;
        }
        if (out != reuse[s]) {
            allocations++;
            reuse[s] = out;
        }
        return out;
    }

    private NDArray[] results() {
        NDArray[] r = resultBuffer;
        for (int i = 0; i < r.length; i++) r[i] = slots[resultSlots[i]];
        return r;
    }

    /** Drops references to this run's arguments and shared values (buffers stay for reuse). */
    @Override
    public void release() {
        for (int i = 0; i < inputCount; i++) slots[i] = wideOf[i] = null;
        for (int slot : sharedSlots) slots[slot] = wideOf[slot] = null;
    }

    /** The steps in execution order (for printing). */
    public List<Step> steps() { return List.of(steps); }

    /** The variable each slot holds (arguments, shared values, constants, step outputs). */
    public List<Variable> slotVariables() { return slotVariables; }

    /** The slots of the results: the outputs, then the update values. */
    public int[] resultSlots() { return resultSlots.clone(); }

    /** How many times a step had to allocate a new output buffer instead of reusing its previous one. */
    public long allocations() { return allocations; }

    public int stepCount() { return steps.length; }
}
