package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code log(1 + x) -> log1p(x)} (either operand order): accurate for tiny x, where 1 + x rounds to 1.
 */
public final class LogOnePlusToLog1p implements Rewrite {
    @Override
    public String name() { return "LogOnePlusToLog1p"; }

    @Override
    public Variable apply(Apply node) {
        Apply log = Patterns.elemwise(node.output(), Scalar.LOG);
        Apply add = log == null ? null : Patterns.elemwise(log.inputs().get(0), Scalar.ADD);
        Variable x = add == null ? null : Patterns.otherThanConstant(add, 1.0);
        return x == null ? null : Patterns.make(Scalar.LOG1P, node, x);
    }
}
