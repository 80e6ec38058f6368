package tdl.rewrite;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.AllocOp;
import tdl.graph.ops.Scalar;

/**
 * {@code alloc(0, dims) + y -> alloc(y, dims)} (either order) when y provably broadcasts to exactly
 * dims ({@link ShapeInference#broadcastsTo}: each of y's sizes, aligned from the right, is the
 * constant 1 or the same as dims'). Gradients broadcast g back to an input's shape as
 * {@code zeros_like(x) + g}; the alloc does it in one pass, and {@link UselessAlloc} or
 * {@link AllocInElemwise} can then drop it. When y might be wider than dims (an unknown size against
 * a 1), the sum stays.
 */
public final class ZerosPlusToAlloc implements Rewrite {
    @Override
    public String name() { return "ZerosPlusToAlloc"; }

    @Override
    public Variable apply(Apply node) { return apply(node, new ShapeInference()); }

    @Override
    public Variable apply(Apply node, ShapeInference shapes) {
        Apply add = Patterns.elemwise(node.output(), Scalar.ADD);
        if (add == null) return null;
        for (int i = 0; i < 2; i++) {
            Variable zeros = add.inputs().get(i), y = add.inputs().get(1 - i);
            if (!Patterns.isFilledWith(zeros, 0.0) || y.dtype() != node.output().dtype()) continue;
            Apply alloc = zeros.owner();
            if (!ShapeInference.broadcastsTo(shapes.shapeOf(y), shapes.allocDims(alloc))) continue;
            List<Variable> args = new ArrayList<>(alloc.inputs());
            args.set(0, y);
            return Apply.make(new AllocOp(), args, node.origin()).output();
        }
        return null;
    }
}
