package tdl.rewrite;

import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.IndexSpec;
import tdl.graph.ops.ShapeOp;
import tdl.graph.ops.SubtensorOp;

/**
 * {@code x.shape[i] -> } the size {@link ShapeInference} infers for axis i of x, when it does not
 * read x itself (Theano's local_shape_to_shape_i); {@code x.shape -> } a constant when every size is
 * known, or {@code y.shape} when x provably has the shape of an earlier y. Gradients ask the shape of
 * forward values (a mean divides by {@code x.shape[0]}, {@code zeros_like(x)} allocates
 * {@code x.shape}); after this the forward value is no longer read and dead code elimination drops
 * it. A size that depends on data (nonzero, boolean indexing) or on a broadcast that could go either
 * way is not inferred, so the node stays.
 */
public final class ShapeFromInputs implements Rewrite {
    @Override
    public String name() { return "ShapeFromInputs"; }

    @Override
    public Variable apply(Apply node) { return apply(node, new ShapeInference()); }

    @Override
    public Variable apply(Apply node, ShapeInference shapes) {
        if (node.op() instanceof ShapeOp) return wholeShape(node, shapes);
        Variable x = ShapeInference.shapeSource(node.output());
        if (x == null) return null;
        int axis = ShapeInference.shapeAxis(node.output());
        Dim d = shapes.shapeOf(x).get(axis);
        if (d.equals(new Dim.Of(x, axis))) return null;
        Variable v = sizeVariable(d, node.origin());
        return v.dtype() == DType.INT64 ? v : null;
    }

    private static Variable wholeShape(Apply node, ShapeInference shapes) {
        Variable x = node.inputs().get(0);
        List<Dim> dims = shapes.shapeOf(x);
        double[] sizes = new double[dims.size()];
        Variable single = null;
        boolean allKnown = true, oneSource = true;
        for (int i = 0; i < dims.size(); i++) {
            Dim d = dims.get(i);
            if (d instanceof Dim.Known k) sizes[i] = k.size();
            else allKnown = false;
            if (d instanceof Dim.Of of && of.axis() == i && (single == null || single == of.of())) single = of.of();
            else oneSource = false;
        }
        if (allKnown) return new Constant(new NDArray(DType.INT64, new int[] {sizes.length}, sizes));
        if (oneSource && single != x && single.rank() == x.rank()) return Apply.make(new ShapeOp(), List.of(single), node.origin()).output();
        return null;
    }

    /** An int64 scalar holding the size d: a constant, {@code y.shape[axis]}, or the scalar itself. */
    static Variable sizeVariable(Dim d, Object origin) {
        if (d instanceof Dim.Known k) return new Constant(NDArray.scalar(DType.INT64, k.size()));
        if (d instanceof Dim.Value v) return v.scalar();
        Dim.Of of = (Dim.Of) d;
        Variable shape = Apply.make(new ShapeOp(), List.of(of.of()), origin).output();
        Variable axis = new Constant(NDArray.scalar(DType.INT64, of.axis()));
        return Apply.make(new SubtensorOp(List.of(IndexSpec.POINT)), List.of(shape, axis), origin).output();
    }
}
