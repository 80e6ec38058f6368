package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code 1 - sigmoid(x) -> sigmoid(-x)} (Theano's local_1msigmoid): exact where 1 - sigmoid(x)
 * rounds to 0 (x > 37), and a sigmoid the product rules ({@link SigmoidInProducts}) can cancel.
 */
public final class OneMinusSigmoid implements Rewrite {
    @Override
    public String name() { return "OneMinusSigmoid"; }

    @Override
    public Variable apply(Apply node) {
        Apply sub = Patterns.elemwise(node.output(), Scalar.SUB);
        if (sub == null || !Patterns.isScalarConstant(sub.inputs().get(0), 1.0)) return null;
        Apply sig = Patterns.elemwise(sub.inputs().get(1), Scalar.SIGMOID);
        if (sig == null) return null;
        return Patterns.make(Scalar.SIGMOID, node, Patterns.neg(sig.inputs().get(0), node));
    }
}
