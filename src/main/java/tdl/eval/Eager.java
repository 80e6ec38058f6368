package tdl.eval;

import tdl.vocab.ErrorKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.Op;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.graph.ops.IfElseOp;

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
        Map<Variable, NDArray> memo = new IdentityHashMap<>();
        Map<Apply, Boolean> expanded = new IdentityHashMap<>();
        Deque<Variable> stack = new ArrayDeque<>();
        for (Variable v : vs) stack.push(v);
        while (!stack.isEmpty()) {
            Variable v = stack.peek();
            if (memo.containsKey(v)) { stack.pop(); continue; }
            Apply node = v.owner();
            if (node == null) {
                memo.put(v, leaf(v));
                stack.pop();
                continue;
            }
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
            Kernel k = Kernels.forApply(node);
            if (k instanceof MultiKernel mk) { // every output at once: v may be any of them
                NDArray[] outs = mk.runAll(args);
                for (int i = 0; i < outs.length; i++) memo.put(node.outputs().get(i), outs[i]);
            } else {
                memo.put(v, k.run(args, null));
            }
        }
        List<NDArray> out = new ArrayList<>(vs.size());
        for (Variable v : vs) out.add(memo.get(v));
        return out;
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
