package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code exp(x) - 1 -> expm1(x)} (Theano 1.0's local_expm1): near x = 0 the subtraction cancels
 * all but a few digits (exp(1e-10) - 1 is 1.00000008e-10; expm1 gives 1.00000000005e-10).
 */
public final class ExpMinusOneToExpm1 implements Rewrite {
    @Override
    public String name() { return "ExpMinusOneToExpm1"; }

    @Override
    public Variable apply(Apply node) {
        Apply sub = Patterns.elemwise(node.output(), Scalar.SUB);
        if (sub == null || !Patterns.isScalarConstant(sub.inputs().get(1), 1.0)) return null;
        Apply exp = Patterns.elemwise(sub.inputs().get(0), Scalar.EXP);
        return exp == null ? null : Patterns.make(Scalar.EXPM1, node, exp.inputs().get(0));
    }
}
