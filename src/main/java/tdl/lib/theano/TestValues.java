package tdl.lib.theano;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import tdl.eval.Eager;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.TypeFilter;
import tdl.graph.Variable;
import tdl.interp.Runtime;
import tdl.lib.numpy.NumpyConvert;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * Theano's test values for one session (theano.config.compute_test_value, {@code x.tag}). While the
 * flag is not 'off', every node the script builds is computed at once from its inputs' test values
 * (Theano's {@code PureOp.__call__}), so a shape error is raised by the line that builds the faulty
 * expression. Kept beside the graph, not in it: graph nodes are immutable and shared by every session
 * component, and a test value is the script's scratch. Weak keys: a variable the script dropped
 * takes its values with it.
 */
final class TestValues {
    private final Runtime rt;
    /** Each variable's tag attributes as the script set them (Theano's scratchpad). */
    private final Map<Variable, Map<String, Object>> tags = new WeakHashMap<>();
    /** Test values computed for the outputs of nodes (Theano stores them in the outputs' tags). */
    private final Map<Variable, NDArray> computed = new WeakHashMap<>();

    private TestValues(Runtime rt) { this.rt = rt; }

    static TestValues of(Runtime rt) { return rt.sessionState(TestValues.class, () -> new TestValues(rt)); }

    /** Thrown inside the evaluation when a leaf has no test value: which one. */
    private static final class Missing extends RuntimeException {
        final transient Variable variable;

        Missing(Variable variable) {
            super(null, null, false, false);
            this.variable = variable;
        }
    }

    private String mode() { return String.valueOf(TheanoConfig.of(rt).module().members().get("compute_test_value")); }

    /** The tag's own attributes of {@code v} (created on first use). */
    Map<String, Object> tag(Variable v) { return tags.computeIfAbsent(v, k -> new java.util.LinkedHashMap<>()); }

    /**
     * What {@code v.tag.test_value} reads: the value set, else the one computed, else null. A node
     * built without passing through the session's builder (gradients: TDL's grad rules build their own
     * nodes, where Theano's go through Op.__call__) is computed on first reading while the flag is on.
     */
    Object tagTestValue(Variable v) {
        Map<String, Object> t = tags.get(v);
        if (t != null && t.containsKey("test_value")) return t.get("test_value");
        NDArray c = computed.get(v);
        if (c != null || v.owner() == null || mode().equals("off")) return c;
        try {
            return valueOf(v);
        } catch (Missing m) {
            return null;
        }
    }

    /**
     * Theano's {@code Op.__call__} with the flag on: the node's outputs get test values computed from
     * the inputs'. An input without one is an error ('raise'), a warning ('warn') or nothing ('ignore'),
     * and the node is then left without test values.
     */
    void built(Apply node) {
        String mode = mode();
        if (mode.equals("off")) return;
        List<Variable> inputs = node.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            try {
                valueOf(inputs.get(i));
            } catch (Missing m) {
                String msg = "Cannot compute test value: input " + i + " (" + rt.str(inputs.get(i)) + ") of Op "
                        + nodeText(node) + " missing default value";
                if (mode.equals("raise")) {
                    throw new TdlError(ErrorKind.VALUE_ERROR, msg, "give " + leafName(m.variable)
                            + " a test value (x.tag.test_value = numpy array) before building on it, or set compute_test_value to 'warn', 'ignore' or 'off'");
                }
                if (mode.equals("warn")) rt.err().println("warning: UserWarning: Warning, " + msg);
                return;
            }
        }
        Map<Variable, NDArray> values = Eager.evaluate(node.outputs(), this::known, true);
        for (Variable out : node.outputs()) {
            NDArray v = values.get(out);
            if (v != null) computed.put(out, v);
        }
    }

    /**
     * Theano's get_test_value: a constant's value, a shared variable's, the tag's (converted to the
     * variable's type), one computed when the node was built; with the flag on, a node built where no
     * test value was computed (a gradient) is computed now. Throws {@link Missing} for a leaf without one.
     */
    private NDArray valueOf(Variable v) {
        NDArray direct = known(v);
        if (direct != null) return direct;
        if (mode().equals("off")) throw new Missing(v);
        Map<Variable, NDArray> values = Eager.evaluate(List.of(v), this::known, true);
        for (Map.Entry<Variable, NDArray> e : values.entrySet()) {
            if (e.getKey().owner() != null) computed.put(e.getKey(), e.getValue());
        }
        return values.get(v);
    }

    /** The test value of {@code v} if it has one, null for a node output to compute, Missing for a bare input. */
    private NDArray known(Variable v) {
        if (v instanceof Constant c) return c.value();
        if (v instanceof SharedVariable s) return s.value();
        Map<String, Object> t = tags.get(v);
        if (t != null && t.containsKey("test_value")) return filter(v, t.get("test_value"));
        NDArray c = computed.get(v);
        if (c != null) return c;
        if (v.owner() == null) throw new Missing(v);
        if (!v.owner().op().innerGraphs().isEmpty()) return compiled(v.owner()).get(v);
        return null;
    }

    /**
     * The outputs of a node with inner graphs (scan), which runs only inside a compiled function: the
     * node over constants holding its inputs' test values, compiled and called once.
     */
    private Map<Variable, NDArray> compiled(Apply node) {
        List<Variable> constants = new java.util.ArrayList<>();
        for (Variable in : node.inputs()) constants.add(new Constant(valueOf(in)));
        Apply copy = node.withInputs(constants);
        List<NDArray> outs = tdl.function.FunctionCompiler.compile(List.of(), copy.outputs(), List.of(), Map.of(),
                tdl.function.FunctionCompiler.Options.defaults().withOnUnused(tdl.vocab.OnUnused.IGNORE).withName("test value")).call(List.of());
        Map<Variable, NDArray> values = new java.util.IdentityHashMap<>();
        for (int i = 0; i < outs.size(); i++) {
            values.put(node.outputs().get(i), outs.get(i));
            computed.put(node.outputs().get(i), outs.get(i));
        }
        return values;
    }

    /** The value a script gives as a test value, as v's type stores it (Theano's TensorType.filter). */
    private NDArray filter(Variable v, Object raw) {
        String who = "For compute_test_value, the test value of " + rt.str(v) + " does not have the requested type";
        NDArray a = raw instanceof NDArray n ? n : NumpyConvert.toArray(raw);
        if (a.rank() != v.rank()) {
            throw new TdlError(ErrorKind.TYPE_ERROR, who + ": Wrong number of dimensions: expected " + v.rank() + ", got " + a.rank()
                    + " with shape " + NDArray.shapeString(a.shape()) + ".", "set x.tag.test_value to an array of the variable's rank");
        }
        v.checkPattern(a, who, "give the test value length 1 on the broadcastable axes");
        return TypeFilter.filter(a, v.dtype(), null, Functions.source(raw), Symbolic.floatX(rt), who,
                "cast the test value to the variable's dtype");
    }

    /**
     * Theano's scan gives the step function's arguments the test values of their first step: the
     * first element of each sequence (the last with go_backwards), the initial state of each output
     * (for several taps, the stacked row each tap reads first). Arguments whose outer value has no
     * test value are left without one; the step's nodes then report them by the flag.
     */
    void seedScanArguments(List<Variable> sequences, List<tdl.scan.ScanBuilder.OutputInfo> infos, List<Variable> args, boolean back) {
        if (mode().equals("off")) return;
        int k = 0;
        for (Variable s : sequences) {
            Variable inner = args.get(k++);
            NDArray outer = quietly(s);
            if (outer != null && outer.rank() > 0 && outer.dim(0) > 0) computed.put(inner, row(outer, back ? outer.dim(0) - 1 : 0));
        }
        if (infos == null) return;
        for (tdl.scan.ScanBuilder.OutputInfo inf : infos) {
            if (inf.initial() == null) continue;
            NDArray init = quietly(inf.initial());
            boolean stacked = !inf.taps().equals(List.of(-1));
            int min = inf.taps().stream().mapToInt(Integer::intValue).min().orElse(-1);
            for (int tap : inf.taps()) {
                Variable inner = args.get(k++);
                if (init == null) continue;
                if (!stacked) computed.put(inner, init);
                else if (tap - min < init.dim(0)) computed.put(inner, row(init, tap - min));
            }
        }
    }

    private NDArray quietly(Variable v) {
        try {
            return valueOf(v);
        } catch (Missing m) {
            return null;
        }
    }

    /** a[i] of an array of rank 1 or more: a copy of one row. */
    private static NDArray row(NDArray a, int i) {
        int[] shape = java.util.Arrays.copyOfRange(a.shape(), 1, a.rank());
        int n = (int) NDArray.sizeOf(shape);
        NDArray out = NDArray.zeros(a.dtype(), shape);
        NDArray.copy(a, i * n, out, 0, n);
        return out;
    }

    /** Theano's get_test_value(v) for scripts: the AttributeError it raises when there is none. */
    Object get(Variable v) {
        try {
            return valueOf(v);
        } catch (Missing m) {
            throw new TdlError(ErrorKind.ATTRIBUTE_ERROR, rt.str(v) + " has no test value",
                    "give it one: " + leafName(m.variable) + ".tag.test_value = numpy array");
        }
    }

    /** The test value if there is one without computing anything (repr under print_test_value). */
    NDArray peek(Variable v) {
        try {
            return known(v);
        } catch (RuntimeException e) { // none, or one the type refuses: repr shows nothing
            return null;
        }
    }

    private String leafName(Variable v) { return v.name() != null ? v.name() : rt.str(v); }

    /** A node as Theano's Apply.__str__ writes it: op(inputs), constants as TensorConstant{...}. */
    private String nodeText(Apply node) {
        StringBuilder b = new StringBuilder(node.op().name()).append('(');
        for (int i = 0; i < node.inputs().size(); i++) {
            Variable in = node.inputs().get(i);
            b.append(i > 0 ? ", " : "").append(rt.str(in));
        }
        return b.append(')').toString();
    }
}
