package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code log(sigmoid(x)) -> -softplus(-x)}: finite for large negative x, where sigmoid underflows to 0.
 */
public final class LogSigmoidToSoftplus implements Rewrite {
    @Override
    public String name() { return "LogSigmoidToSoftplus"; }

    @Override
    public Variable apply(Apply node) {
        Apply log = Patterns.elemwise(node.output(), Scalar.LOG);
        Apply sig = log == null ? null : Patterns.elemwise(log.inputs().get(0), Scalar.SIGMOID);
        if (sig == null) return null;
        Variable negX = Patterns.neg(sig.inputs().get(0), node);
        return Patterns.make(Scalar.NEG, node, Patterns.make(Scalar.SOFTPLUS, node, negX));
    }
}
