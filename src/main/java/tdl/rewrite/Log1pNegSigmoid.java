package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code log1p(-sigmoid(x)) -> -softplus(x)} (Theano 1.0's log1p_neg_sigmoid): sigmoid rounds to 1
 * above x = 37, and log1p(-1) is -inf; -softplus(x) is -x there.
 */
public final class Log1pNegSigmoid implements Rewrite {
    @Override
    public String name() { return "Log1pNegSigmoid"; }

    @Override
    public Variable apply(Apply node) {
        Apply log1p = Patterns.elemwise(node.output(), Scalar.LOG1P);
        Apply neg = log1p == null ? null : Patterns.elemwise(log1p.inputs().get(0), Scalar.NEG);
        Apply sig = neg == null ? null : Patterns.elemwise(neg.inputs().get(0), Scalar.SIGMOID);
        if (sig == null) return null;
        return Patterns.make(Scalar.NEG, node, Patterns.make(Scalar.SOFTPLUS, node, sig.inputs().get(0)));
    }
}
