package tdl.rewrite;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.AdvancedSubtensor1Op;
import tdl.graph.ops.AdvancedSubtensorOp;
import tdl.graph.ops.SoftmaxOp;
import tdl.graph.ops.SubtensorOp;
import tdl.graph.ops.TensorOps;

/**
 * {@code log(softmax(z)) -> z - m - log(sum(exp(z - m)))} with {@code m = max(z)} along the last
 * axis (Theano's local_log_softmax), and {@code log(softmax(z)[idx]) -> (log_softmax(z))[idx]}
 * for the read forms {@code categorical_crossentropy} and {@code log(p)[arange(n), y]} use.
 * softmax underflows to 0 for logits far below the row's largest, and log(0) is -inf; the
 * rewritten form is finite for any finite logits.
 */
public final class LogSoftmax implements Rewrite {
    @Override
    public String name() { return "LogSoftmax"; }

    @Override
    public Variable apply(Apply node) {
        Apply log = Patterns.elemwise(node.output(), tdl.graph.ops.Scalar.LOG);
        if (log == null) return null;
        Variable p = log.inputs().get(0);
        Apply a = p.owner();
        if (a == null) return null;
        if (!p.dtype().isFloat() || p.dtype() != node.output().dtype()) return null;
        if (a.op() instanceof SoftmaxOp && a.inputs().get(0).dtype() == p.dtype()) return logSoftmax(a.inputs().get(0), node);
        boolean read = a.op() instanceof SubtensorOp || a.op() instanceof AdvancedSubtensorOp || a.op() instanceof AdvancedSubtensor1Op;
        Apply sm = read ? a.inputs().get(0).owner() : null;
        if (sm == null || !(sm.op() instanceof SoftmaxOp) || sm.inputs().get(0).dtype() != p.dtype()) return null;
        List<Variable> args = new ArrayList<>(a.inputs());
        args.set(0, logSoftmax(sm.inputs().get(0), node));
        return Apply.make(a.op(), args, node.origin()).output();
    }

    private static Variable logSoftmax(Variable z, Apply like) {
        TensorOps t = new TensorOps(like::origin);
        int[] last = {z.rank() - 1};
        Variable shifted = t.sub(z, t.max(z, last, true));
        return t.sub(shifted, t.log(t.sum(t.exp(shifted), last, true)));
    }
}
