package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * An op whose value is its first input, unchanged, and whose kernel checks something at run time
 * that the graph cannot (a shape against a promise, sizes, probabilities), so a wrong value is an
 * error rather than a silently clamped or misread result. The gradient passes to that first input;
 * any other input is only read by the check.
 */
interface ValueCheckOp extends Op {
    /** The user's function the check belongs to, as arity errors name it. */
    String checkedFunction();

    /** How many inputs: the value, then what the check reads. */
    int arity();

    @Override
    default List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity(checkedFunction(), in, arity());
        return List.of(in.get(0));
    }

    @Override
    default List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable[] g = new Variable[arity()];
        g[0] = outputGrads.get(0);
        return Arrays.asList(g);
    }
}
