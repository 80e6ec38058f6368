package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/**
 * Theano's CumOp: cumulative sum ({@code product} false) or product along a non-negative
 * {@code axis}, or over the flattened input when axis is null (the result is then a vector, as
 * numpy.cumsum(x)). Integer and bool inputs accumulate in int64, as numpy does.
 */
public record CumOp(boolean product, Integer axis) implements Op {
    @Override
    public String name() { return "CumOp{" + (axis == null ? "None" : axis) + ", " + (product ? "mul" : "add") + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity(product ? "cumprod" : "cumsum", in, 1);
        TensorType x = in.get(0);
        if (axis != null && (axis < 0 || axis >= x.rank())) {
            throw new GraphError(ErrorKind.AXIS_ERROR, "axis " + axis + " is out of bounds for a tensor of rank " + x.rank());
        }
        DType d = x.dtype().isFloat() ? x.dtype() : DType.INT64;
        return List.of(new TensorType(d, axis == null ? 1 : x.rank()));
    }

    /**
     * Theano's rule: for a sum, the reversed cumulative sum of the reversed gradient; for a product,
     * the same over (out * g), divided by x (so it is NaN where x has a zero, as in Theano).
     */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        Variable x = node.inputs().get(0);
        if (g == null || !x.dtype().isFloat()) return Arrays.asList((Variable) null);
        TensorOps t = new TensorOps(node::origin);
        ExtraOps e = new ExtraOps(t);
        int ax = axis == null ? 0 : axis;
        Variable seed = product ? t.mul(node.output(), g) : g;
        Variable gx = e.reverse(t.apply(new CumOp(false, ax), e.reverse(seed, ax)), ax);
        if (axis == null) gx = t.reshape(gx, t.shape(x), x.rank());
        if (product) gx = t.trueDiv(gx, x);
        return List.of(gx);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CumOp that
                && product == that.product
                && java.util.Objects.equals(axis, that.axis);
    }

    @Override
    public int hashCode() {
        int h = Boolean.hashCode(product);
        h = 31 * h + java.util.Objects.hashCode(axis);
        return h;
    }
}
