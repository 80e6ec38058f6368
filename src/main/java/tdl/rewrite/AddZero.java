package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code x + 0 -> x}, {@code 0 + x -> x} (0 a size-1 constant, maybe dimshuffled).
 */
public final class AddZero implements Rewrite {
    @Override
    public String name() { return "AddZero"; }

    @Override
    public Variable apply(Apply node) {
        Apply m = Patterns.elemwise(node.output(), Scalar.ADD);
        return m == null ? null : Patterns.otherThanConstant(m, 0.0);
    }
}
