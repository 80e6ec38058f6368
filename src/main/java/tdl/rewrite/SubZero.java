package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code x - 0 -> x}.
 */
public final class SubZero implements Rewrite {
    @Override
    public String name() { return "SubZero"; }

    @Override
    public Variable apply(Apply node) {
        Apply m = Patterns.elemwise(node.output(), Scalar.SUB);
        return m != null && Patterns.isScalarConstant(m.inputs().get(1), 0.0) ? m.inputs().get(0) : null;
    }
}
