package tdl.rewrite;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.AllocOp;
import tdl.graph.ops.ElemwiseOp;

/**
 * {@code f(alloc(v, dims), s1, ...) -> alloc(f(v, s1, ...), dims)} when every other operand holds
 * one element ({@link ShapeFacts#isSingleton}); Theano's local_fill_sink. The function runs once
 * on the value instead of on every element, and the constant folder can then finish it. Gradients build {@code zeros_like(x) + g}
 * to broadcast g, which this turns into one alloc. The shape is the alloc's either way: one-element
 * operands do not widen it.
 */
public final class FillSink implements Rewrite {
    @Override
    public String name() { return "FillSink"; }

    @Override
    public Variable apply(Apply node) {
        if (!(node.op() instanceof ElemwiseOp e)) return null;
        Apply alloc = null;
        int at = -1;
        for (int i = 0; i < node.inputs().size(); i++) {
            Variable in = node.inputs().get(i);
            if (ShapeFacts.isSingleton(in)) continue;
            Apply owner = in.owner();
            if (alloc != null || owner == null || !(owner.op() instanceof AllocOp) || in.rank() != node.output().rank()) return null;
            alloc = owner;
            at = i;
        }
        if (alloc == null) return null;
        List<Variable> args = new ArrayList<>(node.inputs());
        args.set(at, alloc.inputs().get(0));
        Variable value = Apply.make(e, args, node.origin()).output();
        List<Variable> allocArgs = new ArrayList<>(alloc.inputs());
        allocArgs.set(0, value);
        return Apply.make(new AllocOp(), allocArgs, node.origin()).output();
    }
}
