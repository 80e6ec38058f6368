package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code -(-x) -> x}.
 */
public final class DoubleNeg implements Rewrite {
    @Override
    public String name() { return "DoubleNeg"; }

    @Override
    public Variable apply(Apply node) {
        Apply outer = Patterns.elemwise(node.output(), Scalar.NEG);
        if (outer == null) return null;
        Apply inner = Patterns.elemwise(outer.inputs().get(0), Scalar.NEG);
        return inner == null ? null : inner.inputs().get(0);
    }
}
