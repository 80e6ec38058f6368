package tdl.rewrite;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.AllocOp;
import tdl.graph.ops.ElemwiseOp;

/**
 * {@code f(alloc(v, dims), y) -> f(v, y)} when v holds one element and another operand y provably has the
 * alloc's shape ({@link ShapeFacts}): y already gives the result that shape, so broadcasting v
 * does the alloc's work. The gradient of a sum multiplies by {@code ones_like(x)}; after this,
 * {@link MulByOne} removes the 1.
 */
public final class UselessFill implements Rewrite {
    @Override
    public String name() { return "UselessFill"; }

    @Override
    public Variable apply(Apply node) {
        if (!(node.op() instanceof ElemwiseOp)) return null;
        List<Variable> in = node.inputs();
        for (int i = 0; i < in.size(); i++) {
            Apply alloc = in.get(i).owner();
            if (alloc == null || !(alloc.op() instanceof AllocOp) || !ShapeFacts.isSingleton(alloc.inputs().get(0))) continue;
            for (int j = 0; j < in.size(); j++) {
                // the shape must come from a real operand, not from another fill
                if (j != i && !(in.get(j).owner() != null && in.get(j).owner().op() instanceof AllocOp)
                        && ShapeFacts.sameShape(in.get(i), in.get(j))) {
                    List<Variable> args = new ArrayList<>(in);
                    args.set(i, alloc.inputs().get(0));
                    return Apply.make(node.op(), args, node.origin()).output();
                }
            }
        }
        return null;
    }
}
