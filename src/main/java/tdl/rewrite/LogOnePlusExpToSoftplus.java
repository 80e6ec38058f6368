package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code log(1 + exp(x)) -> softplus(x)} (also {@code log(exp(x) + 1)} and {@code log1p(exp(x))}):
 * softplus is computed as {@code max(x, 0) + log1p(exp(-|x|))}, finite where exp(x) overflows.
 */
public final class LogOnePlusExpToSoftplus implements Rewrite {
    @Override
    public String name() { return "LogOnePlusExpToSoftplus"; }

    @Override
    public Variable apply(Apply node) {
        Apply log = Patterns.elemwise(node.output(), Scalar.LOG);
        Variable arg;
        if (log != null) {
            Apply add = Patterns.elemwise(log.inputs().get(0), Scalar.ADD);
            if (add == null) return null;
            arg = Patterns.otherThanConstant(add, 1.0);
        } else {
            Apply log1p = Patterns.elemwise(node.output(), Scalar.LOG1P);
            if (log1p == null) return null;
            arg = log1p.inputs().get(0);
        }
        Apply exp = arg == null ? null : Patterns.elemwise(arg, Scalar.EXP);
        return exp == null ? null : Patterns.make(Scalar.SOFTPLUS, node, exp.inputs().get(0));
    }
}
