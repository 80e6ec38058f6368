package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.SumToShapeOp;

/**
 * {@code sum_to_shape(g, x) -> g} when g provably has x's shape already ({@link ShapeFacts}, or
 * {@link ShapeInference}, which also sees through dot, reductions and the shapes gradients ask): the
 * gradient of an operand that was not broadcast. Without broadcastable flags this is how a
 * gradient graph loses the reductions Theano never inserts.
 */
public final class UselessSumToShape implements Rewrite {
    @Override
    public String name() { return "UselessSumToShape"; }

    @Override
    public Variable apply(Apply node) { return apply(node, new ShapeInference()); }

    @Override
    public Variable apply(Apply node, ShapeInference shapes) {
        if (!(node.op() instanceof SumToShapeOp)) return null;
        Variable g = node.inputs().get(0), x = node.inputs().get(1);
        return ShapeFacts.sameShape(g, x) || shapes.sameShape(g, x) ? g : null;
    }
}
