package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.TensorOps;

/**
 * {@code 0 * x -> zeros_like(x)} and {@code 0 / x -> zeros_like(x)} for a one-element constant 0
 * (Theano 1.0's local_mul_zero, local_zero_div, and local_mul_specialize's zero case). This changes
 * values: where x is inf or NaN (or 0, below), the plain form is NaN and Theano's is 0, so a term
 * switched off by a zero coefficient ({@code cost + 0.0 * L2}, the tutorials' {@code L1_reg = 0.00})
 * stays off when the term overflows. The result is x's shape (the constant has one element) in
 * the node's dtype; a zero of a higher rank than x would change the rank, which the rewriter refuses.
 */
public final class ZeroProductToZeros implements Rewrite {
    @Override
    public String name() { return "ZeroProductToZeros"; }

    @Override
    public Variable apply(Apply node) {
        Variable other = null;
        Apply mul = Patterns.elemwise(node.output(), Scalar.MUL);
        if (mul != null && mul.inputs().size() == 2) other = Patterns.otherThanConstant(mul, 0.0);
        for (Scalar div : new Scalar[] {Scalar.TRUE_DIV, Scalar.INT_DIV}) {
            Apply d = Patterns.elemwise(node.output(), div);
            if (d != null && d.inputs().size() == 2 && Patterns.isScalarConstant(d.inputs().get(0), 0.0)) other = d.inputs().get(1);
        }
        if (other == null || other.rank() != node.output().rank()) return null;
        TensorOps t = new TensorOps(node::origin);
        return t.fill(other, t.constant(node.output().dtype(), 0));
    }
}
