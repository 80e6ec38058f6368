package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code 1 / (1 + exp(-x)) -> sigmoid(x)} (also {@code inv(1 + exp(-x))}): finite and exact at the tails.
 */
public final class SigmoidFromExp implements Rewrite {
    @Override
    public String name() { return "SigmoidFromExp"; }

    @Override
    public Variable apply(Apply node) {
        Variable denom;
        Apply div = Patterns.elemwise(node.output(), Scalar.TRUE_DIV);
        if (div != null) {
            if (!Patterns.isScalarConstant(div.inputs().get(0), 1.0)) return null;
            denom = div.inputs().get(1);
        } else {
            Apply inv = Patterns.elemwise(node.output(), Scalar.INV);
            if (inv == null) return null;
            denom = inv.inputs().get(0);
        }
        Apply add = Patterns.elemwise(denom, Scalar.ADD);
        Variable e = add == null ? null : Patterns.otherThanConstant(add, 1.0);
        Apply exp = e == null ? null : Patterns.elemwise(e, Scalar.EXP);
        Apply neg = exp == null ? null : Patterns.elemwise(exp.inputs().get(0), Scalar.NEG);
        return neg == null ? null : Patterns.make(Scalar.SIGMOID, node, neg.inputs().get(0));
    }
}
