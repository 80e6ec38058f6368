package tdl.eval;

import tdl.vocab.ErrorKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.Op;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.graph.ops.IfElseOp;
import tdl.graph.ops.RandomOp;

/**
 * Evaluates graphs on the spot (v.eval(), constant folding, host-array arithmetic): leaves are
 * constants and shared variables (their current value). Nodes run in an iterative topological
 * order (deep graphs cannot overflow the stack), each once per call. ifelse is lazy here: only the
 * branch its condition picks is evaluated.
 */
public final class Eager {
    private Eager() {}

    /** The value of {@code v}; the result may be a constant's or shared variable's own array. */
    public static NDArray evaluate(Variable v) {
        return evaluate(List.of(v)).get(0);
    }

    public static List<NDArray> evaluate(List<Variable> vs) {
        Map<Variable, NDArray> memo = evaluate(vs, v -> v.owner() == null ? leaf(v) : null, false);
        List<NDArray> out = new ArrayList<>(vs.size());
        for (Variable v : vs) out.add(memo.get(v));
        return out;
    }

    /**
     * Every value computed on the way to {@code vs}. {@code known} gives the value of a variable the
     * caller already has (null: compute it from its node; for a variable without one it must answer
     * or throw), so test values can stand for inputs and earlier results. With {@code freezeDraws} a
     * random draw computes the numbers its next evaluation would give without advancing its stream
     * (Theano computes a draw's test value on a copy of its generator).
     */
    public static Map<Variable, NDArray> evaluate(List<Variable> vs, Function<Variable, NDArray> known, boolean freezeDraws) {
        Map<Variable, NDArray> memo = new IdentityHashMap<>();
        Map<Apply, Boolean> expanded = new IdentityHashMap<>();
        Deque<Variable> stack = new ArrayDeque<>();
        for (Variable v : vs) stack.push(v);
        while (!stack.isEmpty()) {
            Variable v = stack.peek();
            if (memo.containsKey(v)) { stack.pop(); continue; }
            NDArray given = known.apply(v);
            if (given != null) {
                memo.put(v, given);
                stack.pop();
                continue;
            }
            Apply node = v.owner();
            if (node.op() instanceof IfElseOp) { // lazy: only the taken branch is computed
                Variable cond = node.inputs().get(0);
                if (!memo.containsKey(cond)) { stack.push(cond); continue; }
                Variable taken = node.inputs().get(memo.get(cond).get(0) != 0 ? 1 : 2);
                if (!memo.containsKey(taken)) { stack.push(taken); continue; }
                stack.pop();
                memo.put(v, Kernels.cast(memo.get(taken), v.dtype(), null));
                continue;
            }
            if (expanded.put(node, Boolean.TRUE) == null) {
                for (Variable in : node.inputs()) if (!memo.containsKey(in)) stack.push(in);
                continue;
            }
            stack.pop();
            NDArray[] args = new NDArray[node.inputs().size()];
            for (int i = 0; i < args.length; i++) args[i] = memo.get(node.inputs().get(i));
            Apply run = freezeDraws && node.op() instanceof RandomOp r ? Apply.make(r.frozen(), node.inputs(), node.origin()) : node;
            Kernel k = Kernels.forApply(run);
            if (k instanceof MultiKernel mk) { // every output at once: v may be any of them
                NDArray[] outs = mk.runAll(args);
                for (int i = 0; i < outs.length; i++) memo.put(node.outputs().get(i), outs[i]);
            } else {
                memo.put(v, k.run(args, null));
            }
        }
        return memo;
    }

    private static NDArray leaf(Variable v) {
        if (v instanceof Constant c) return c.value();
        if (v instanceof SharedVariable s) return s.value();
        throw new GraphError(ErrorKind.MISSING_INPUT_ERROR, "input variable " + (v.name() != null ? "'" + v.name() + "'" : v.toString())
                + " has no value; compile a function with it as input",
                "use theano.function([" + (v.name() != null ? v.name() : "x") + "], expr) and call it with a value");
    }

    /** Applies one single-output op to values (host-array arithmetic goes through this). */
    public static NDArray apply(Op op, NDArray... inputs) {
        List<Variable> in = new ArrayList<>(inputs.length);
        for (NDArray a : inputs) in.add(new Constant(a));
        Apply node = Apply.make(op, in, null);
        return Kernels.forApply(node).run(Arrays.copyOf(inputs, inputs.length), null);
    }
}
