package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code log(1 + x) -> log1p(x)} (either operand order) and {@code log(1 - x) -> log1p(-x)}, as Theano
 * 1.0's local_log1p: accurate for tiny x, where 1 + x rounds to 1 (log(1 - 1e-17) was 0, not -1e-17).
 */
public final class LogOnePlusToLog1p implements Rewrite {
    @Override
    public String name() { return "LogOnePlusToLog1p"; }

    @Override
    public Variable apply(Apply node) {
        Apply log = Patterns.elemwise(node.output(), Scalar.LOG);
        if (log == null) return null;
        Apply add = Patterns.elemwise(log.inputs().get(0), Scalar.ADD);
        Variable x = add == null ? null : Patterns.otherThanConstant(add, 1.0);
        if (x != null) return Patterns.make(Scalar.LOG1P, node, x);
        Apply sub = Patterns.elemwise(log.inputs().get(0), Scalar.SUB);
        if (sub == null || !Patterns.isScalarConstant(sub.inputs().get(0), 1.0)) return null;
        return Patterns.make(Scalar.LOG1P, node, Patterns.make(Scalar.NEG, node, sub.inputs().get(1)));
    }
}
