package tdl.rewrite;

import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.Variable;
import tdl.graph.ops.DimShuffleOp;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.ReduceOp;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.TensorOps;

/**
 * {@code log(sum(exp(x), axes)) -> m + log(sum(exp(x - m'), axes))} with {@code m} the max of x over
 * those axes (Theano 1.0's local_log_sum_exp; {@code m'} the same with the axes kept). exp overflows
 * to inf for x above 709 and the plain log is then inf; the shifted sum is at least 1.
 * <p>
 * Unlike Theano's form, a lane whose max is infinite is shifted by 0 instead ({@code m = switch(
 * isinf(max), 0, max)}): a lane of -inf only stays {@code log(0) = -inf} as in the plain form,
 * where {@code -inf - -inf} would make it NaN. A sum already shifted by its own max (the form this
 * rule and {@link LogSoftmax} build) is left alone, so the rule does not fire on its own output.
 */
public final class LogSumExp implements Rewrite {
    @Override
    public String name() { return "LogSumExp"; }

    @Override
    public Variable apply(Apply node) {
        Apply log = Patterns.elemwise(node.output(), Scalar.LOG);
        if (log == null) return null;
        Apply sum = log.inputs().get(0).owner();
        if (sum == null || !(sum.op() instanceof ReduceOp r) || r.kind() != ReduceOp.Kind.SUM) return null;
        Apply exp = Patterns.elemwise(sum.inputs().get(0), Scalar.EXP);
        if (exp == null) return null;
        Variable x = exp.inputs().get(0);
        if (!x.dtype().isFloat() || x.dtype() != node.output().dtype() || shiftedByOwnMax(x)) return null;
        TensorOps t = new TensorOps(node::origin);
        int[] axes = r.axes() == null ? null : r.axes().stream().mapToInt(Integer::intValue).toArray();
        Variable kept = finiteOrZero(t, t.max(x, axes, true), x.dtype());
        Variable shifted = t.log(t.sum(t.exp(t.sub(x, kept)), axes, r.keepdims()));
        Variable m = r.keepdims() ? kept : finiteOrZero(t, t.max(x, axes, false), x.dtype());
        return t.add(m, shifted);
    }

    private static Variable finiteOrZero(TensorOps t, Variable m, DType dtype) {
        return t.switchOp(t.isinf(m), t.constant(dtype, 0), m);
    }

    /** Whether x is {@code y - s} with s (through dimshuffles and a switch's else-branch) a max of y. */
    static boolean shiftedByOwnMax(Variable x) {
        Apply sub = Patterns.elemwise(x, Scalar.SUB);
        if (sub == null) return false;
        Variable y = sub.inputs().get(0), s = sub.inputs().get(1);
        while (s.owner() != null) {
            Apply a = s.owner();
            if (a.op() instanceof DimShuffleOp) s = a.inputs().get(0);
            else if (a.op() instanceof ElemwiseOp e && e.scalar() == Scalar.SWITCH) s = a.inputs().get(2);
            else break;
        }
        Apply max = s.owner();
        return max != null && max.op() instanceof ReduceOp mr && mr.kind() == ReduceOp.Kind.MAX && max.inputs().get(0) == y;
    }

}
