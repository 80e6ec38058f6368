package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.AllocOp;

/**
 * {@code alloc(y, d0, ..., dn-1) -> y} when y provably has the shape (d0, ..., dn-1) already
 * ({@link ShapeInference}; Theano's local_useless_alloc): the alloc would copy y unchanged.
 */
public final class UselessAlloc implements Rewrite {
    @Override
    public String name() { return "UselessAlloc"; }

    @Override
    public Variable apply(Apply node) { return apply(node, new ShapeInference()); }

    @Override
    public Variable apply(Apply node, ShapeInference shapes) {
        if (!(node.op() instanceof AllocOp)) return null;
        Variable y = node.inputs().get(0);
        if (y.rank() != node.output().rank()) return null;
        return shapes.shapeOf(y).equals(shapes.allocDims(node)) ? y : null;
    }
}
