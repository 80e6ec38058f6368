package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code log(1 - sigmoid(x)) -> -softplus(x)}: finite for large positive x, where 1 - sigmoid(x) rounds to 0.
 */
public final class LogOneMinusSigmoidToSoftplus implements Rewrite {
    @Override
    public String name() { return "LogOneMinusSigmoidToSoftplus"; }

    @Override
    public Variable apply(Apply node) {
        Apply log = Patterns.elemwise(node.output(), Scalar.LOG);
        Apply sub = log == null ? null : Patterns.elemwise(log.inputs().get(0), Scalar.SUB);
        if (sub == null || !Patterns.isScalarConstant(sub.inputs().get(0), 1.0)) return null;
        Apply sig = Patterns.elemwise(sub.inputs().get(1), Scalar.SIGMOID);
        if (sig == null) return null;
        return Patterns.make(Scalar.NEG, node, Patterns.make(Scalar.SOFTPLUS, node, sig.inputs().get(0)));
    }
}
