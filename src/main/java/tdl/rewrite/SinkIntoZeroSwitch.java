package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * A product or quotient with a switch that has a constant 0 branch moves into the other branch
 * (Theano 1.0's local_mul_switch_sink and local_div_switch_sink):
 * <ul>
 *   <li>{@code a * switch(c, 0, y) -> switch(c, 0, a * y)}, and with the 0 in the else-branch;</li>
 *   <li>{@code switch(c, 0, y) / a -> switch(c, 0, y / a)} (true and floor division), likewise.</li>
 * </ul>
 * The gradient of {@code switch(x > 0, sqrt(x), 0)} is {@code switch(x > 0, g, 0) / (2 sqrt(x))}:
 * where the switch picks 0 the other factor may be inf (here at x = 0), and {@code 0 * inf} is NaN;
 * after the sink that lane is the 0 the switch picks. Values elsewhere are the same products. The
 * result's shape is the broadcast of c, y, a and the 0 either way. The 0 must be a one-element
 * constant (Theano's only_process_constants), so a computed zero is not trusted.
 */
public final class SinkIntoZeroSwitch implements Rewrite {
    @Override
    public String name() { return "SinkIntoZeroSwitch"; }

    @Override
    public Variable apply(Apply node) {
        Apply op = Patterns.elemwise(node.output(), Scalar.MUL);
        if (op != null && op.inputs().size() == 2) {
            for (int side = 0; side < 2; side++) {
                Variable sunk = sink(op.inputs().get(side), op.inputs().get(1 - side), Scalar.MUL, true, node);
                if (sunk != null) return sunk;
            }
            return null;
        }
        for (Scalar div : new Scalar[] {Scalar.TRUE_DIV, Scalar.INT_DIV}) {
            op = Patterns.elemwise(node.output(), div);
            if (op != null && op.inputs().size() == 2) return sink(op.inputs().get(0), op.inputs().get(1), div, false, node);
        }
        return null;
    }

    /** {@code switch(c, s1, s2) (op) other} with the op moved into the nonzero branch, or null. */
    private static Variable sink(Variable sw, Variable other, Scalar s, boolean otherFirst, Apply like) {
        Apply a = Patterns.elemwise(sw, Scalar.SWITCH);
        if (a == null) return null;
        Variable c = a.inputs().get(0), then = a.inputs().get(1), otherwise = a.inputs().get(2);
        if (Patterns.isScalarConstant(then, 0.0)) {
            return Patterns.make(Scalar.SWITCH, like, c, then, apply(s, otherwise, other, otherFirst, like));
        }
        if (Patterns.isScalarConstant(otherwise, 0.0)) {
            return Patterns.make(Scalar.SWITCH, like, c, apply(s, then, other, otherFirst, like), otherwise);
        }
        return null;
    }

    private static Variable apply(Scalar s, Variable branch, Variable other, boolean otherFirst, Apply like) {
        return otherFirst ? Patterns.make(s, like, other, branch) : Patterns.make(s, like, branch, other);
    }
}
