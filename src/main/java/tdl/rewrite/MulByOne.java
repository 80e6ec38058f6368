package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code x * 1 -> x}, {@code 1 * x -> x} (1 a size-1 constant, maybe dimshuffled).
 */
public final class MulByOne implements Rewrite {
    @Override
    public String name() { return "MulByOne"; }

    @Override
    public Variable apply(Apply node) {
        Apply m = Patterns.elemwise(node.output(), Scalar.MUL);
        return m == null ? null : Patterns.otherThanConstant(m, 1.0);
    }
}
