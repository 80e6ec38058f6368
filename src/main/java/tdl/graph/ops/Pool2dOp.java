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
 * Theano's pool_2d over the last two axes of a 4-D tensor, and its gradient (role GRAD, inputs x
 * and the output gradient). Window (r, c) covers rows r*stride .. r*stride+ws of the zero-padded
 * image, cut at the padded image's edge; max, sum and average_exc_pad then also leave the padding
 * out, average_inc_pad counts it (Theano 1.0's Pool.perform). The max gradient goes to every
 * element of the window equal to the max, so tied elements each get the whole gradient, as
 * Theano's MaxPoolGrad does.
 */
public record Pool2dOp(Mode mode, boolean grad, int wsH, int wsW, int stH, int stW, int padH, int padW,
                       boolean ignoreBorder) implements Op {

    /** Theano's pooling modes, with their spelling. */
    public enum Mode {
        MAX("max"), SUM("sum"), AVERAGE_INC_PAD("average_inc_pad"), AVERAGE_EXC_PAD("average_exc_pad");

        public final String pyName;

        Mode(String pyName) { this.pyName = pyName; }

        public static Mode byName(String name) {
            if (name.equals("average")) return AVERAGE_INC_PAD; // Theano's old alias
            for (Mode m : values()) if (m.pyName.equals(name)) return m;
            return null;
        }
    }

    /** Output length of one axis for an input of length n (Theano's Pool.out_shape). */
    public int outLength(int axis, int n) {
        int ws = axis == 0 ? wsH : wsW, st = axis == 0 ? stH : stW, r = n + 2 * (axis == 0 ? padH : padW);
        if (ignoreBorder) return Math.max(0, Math.floorDiv(r - ws, st) + 1);
        if (st >= ws) return Math.floorDiv(r - 1, st) + 1;
        return Math.max(0, Math.floorDiv(r - 1 - ws, st) + 1) + 1;
    }

    @Override
    public String name() {
        return (grad ? (mode == Mode.MAX ? "MaxPoolGrad" : "AveragePoolGrad") : "Pool") + "{ws=(" + wsH + ", " + wsW
                + "), stride=(" + stH + ", " + stW + "), pad=(" + padH + ", " + padW + "), ignore_border="
                + (ignoreBorder ? "True" : "False") + ", mode='" + mode.pyName + "'}";
    }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity(name(), in, grad ? 2 : 1);
        for (TensorType t : in) {
            if (t.rank() != 4) {
                throw new GraphError(ErrorKind.TYPE_ERROR, "pool_2d needs a 4-D input (batch, channels, rows, cols), got " + t,
                        "add leading axes first, e.g. x.dimshuffle('x', 'x', 0, 1) for a single image");
            }
            if (t.dtype() == DType.BOOL) {
                throw new GraphError(ErrorKind.TYPE_ERROR, "pool_2d of a bool tensor", "cast it first with T.cast(x, 'float64')");
            }
        }
        TensorType x = in.get(0);
        if (grad) return List.of(x.dtype().isFloat() ? x : x.withDtype(DType.FLOAT64));
        return List.of(x);
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable h = outputGrads.get(0);
        Variable x = node.inputs().get(0);
        Variable[] res = new Variable[node.inputs().size()];
        if (h == null) return Arrays.asList(res);
        TensorOps t = new TensorOps(node::origin);
        if (!grad) {
            if (x.dtype().isFloat()) res[0] = t.apply(new Pool2dOp(mode, true, wsH, wsW, stH, stW, padH, padW, ignoreBorder), x, h);
            return Arrays.asList(res);
        }
        if (mode == Mode.MAX) {
            throw new GraphError(ErrorKind.GRADIENT_ERROR, "the gradient of max pooling's gradient is not implemented",
                    "second derivatives through pool_2d need mode='sum' or an average mode");
        }
        // an average or sum pooling gradient is linear in the output gradient and independent of x
        res[1] = t.apply(new Pool2dOp(mode, false, wsH, wsW, stH, stW, padH, padW, ignoreBorder), h);
        return Arrays.asList(res);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Pool2dOp that
                && java.util.Objects.equals(mode, that.mode)
                && grad == that.grad
                && wsH == that.wsH
                && wsW == that.wsW
                && stH == that.stH
                && stW == that.stW
                && padH == that.padH
                && padW == that.padW
                && ignoreBorder == that.ignoreBorder;
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(mode);
        h = 31 * h + Boolean.hashCode(grad);
        h = 31 * h + wsH;
        h = 31 * h + wsW;
        h = 31 * h + stH;
        h = 31 * h + stW;
        h = 31 * h + padH;
        h = 31 * h + padW;
        h = 31 * h + Boolean.hashCode(ignoreBorder);
        return h;
    }
}
