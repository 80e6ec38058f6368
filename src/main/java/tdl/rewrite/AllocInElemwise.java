package tdl.rewrite;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.AllocOp;
import tdl.graph.ops.ElemwiseOp;

/**
 * {@code f(..., alloc(x, dims), ..., z, ...) -> f(..., x, ..., z, ...)} when x provably broadcasts to
 * dims and dims to z's shape, z having the result's rank (Theano's local_elemwise_alloc, without its
 * run-time asserts: here the sizes are proved equal or the rule does not fire). The elementwise op
 * broadcasts x itself, to the same result, without the alloc's full-size copy. Examples: the fill of
 * a sum's gradient, {@code ones_like(h) * sigmoid(h)}; a column of per-row factors broadcast to h's
 * shape and then multiplied by a function of h.
 */
public final class AllocInElemwise implements Rewrite {
    @Override
    public String name() { return "AllocInElemwise"; }

    @Override
    public Variable apply(Apply node) { return apply(node, new ShapeInference()); }

    @Override
    public Variable apply(Apply node, ShapeInference shapes) {
        if (!(node.op() instanceof ElemwiseOp)) return null;
        List<Variable> in = node.inputs();
        int rank = node.output().rank();
        for (int i = 0; i < in.size(); i++) {
            Apply alloc = in.get(i).owner();
            if (alloc == null || !(alloc.op() instanceof AllocOp)) continue;
            Variable x = alloc.inputs().get(0);
            List<Dim> dims = shapes.allocDims(alloc);
            if (!ShapeInference.broadcastsTo(shapes.shapeOf(x), dims)) continue;
            boolean singleton = shapes.isSingleton(x);
            for (int j = 0; j < in.size(); j++) {
                Variable z = in.get(j);
                // as in UselessFill, the shape comes from a computed operand, not from another fill
                if (j == i || z.rank() != rank || (z.owner() != null && z.owner().op() instanceof AllocOp)
                        || !ShapeInference.broadcastsTo(dims, shapes.shapeOf(z))) continue;
                // a one-element fill of z's very shape is UselessFill's, after FillSink and the constant
                // folder had their turn (a gradient's zero coefficient folds away there, and with it a
                // 0 * inf); firing first here would attach the constant to z's operand instead
                if (singleton && dims.equals(shapes.shapeOf(z))) continue;
                List<Variable> args = new ArrayList<>(in);
                args.set(i, x);
                return Apply.make(node.op(), args, node.origin()).output();
            }
        }
        return null;
    }
}
