package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.TensorOps;

/**
 * {@code log(exp(a) + exp(b)) -> maximum(a, b) + log1p(exp(-|a - b|))} (Theano 1.0's local_log_add,
 * for exactly two terms as there). The plain form is inf once a or b passes 709. Where a - b is NaN
 * because both are the same infinity, the difference is taken as 0, so the result stays that
 * infinity (the plain form's value) instead of NaN; a NaN operand still gives NaN through maximum.
 */
public final class LogAddExp implements Rewrite {
    @Override
    public String name() { return "LogAddExp"; }

    @Override
    public Variable apply(Apply node) {
        Apply log = Patterns.elemwise(node.output(), Scalar.LOG);
        if (log == null) return null;
        Apply add = Patterns.elemwise(log.inputs().get(0), Scalar.ADD);
        if (add == null || add.inputs().size() != 2) return null;
        Apply ea = Patterns.elemwise(add.inputs().get(0), Scalar.EXP), eb = Patterns.elemwise(add.inputs().get(1), Scalar.EXP);
        if (ea == null || eb == null) return null;
        Variable a = ea.inputs().get(0), b = eb.inputs().get(0);
        if (!a.dtype().isFloat() || a.dtype() != b.dtype() || a.dtype() != node.output().dtype()) return null;
        TensorOps t = new TensorOps(node::origin);
        Variable d = t.sub(a, b);
        Variable d0 = t.switchOp(t.isnan(d), t.constant(a.dtype(), 0), d);
        return t.add(t.maximum(a, b), t.log1p(t.exp(t.neg(t.abs(d0)))));
    }
}
