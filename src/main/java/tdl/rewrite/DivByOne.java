package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code x / 1 -> x}.
 */
public final class DivByOne implements Rewrite {
    @Override
    public String name() { return "DivByOne"; }

    @Override
    public Variable apply(Apply node) {
        Apply m = Patterns.elemwise(node.output(), Scalar.TRUE_DIV);
        return m != null && Patterns.isScalarConstant(m.inputs().get(1), 1.0) ? m.inputs().get(0) : null;
    }
}
