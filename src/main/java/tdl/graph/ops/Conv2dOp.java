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
 * Theano's 2-D convolution (theano.tensor.nnet.conv2d) on (batch, channels, rows, cols) images and
 * (filters, channels, rows, cols) kernels, and its two gradients. The three roles are the three
 * bilinear faces of one trilinear form T(x, w, g) = sum(g * conv(x, w)):
 * <ul>
 * <li>FORWARD(x, w) = conv(x, w);</li>
 * <li>GRAD_INPUTS(g, w, x) = dT/dx, where x only gives the input's shape (a strided convolution
 * does not determine it): x itself, or (conv2d_transpose) an int vector holding the shape;</li>
 * <li>GRAD_FILTERS(x, g, w) = dT/dw, where w only gives the filters' shape.</li>
 * </ul>
 * So each role's gradient is another role of the same op, and gradients of any order exist.
 * 'full' and 'half' borders pad by an amount that depends on the filter size, which is known only
 * at run time, so the border is kept symbolic here and resolved by the kernel.
 */
public record Conv2dOp(Role role, Border border, int padH, int padW, int strideH, int strideW,
                       int dilH, int dilW, boolean flip) implements Op {

    /** Which face of the convolution this node computes. */
    public enum Role { FORWARD, GRAD_INPUTS, GRAD_FILTERS }

    /** EXPLICIT uses padH/padW; FULL pads by the dilated filter size - 1; HALF by half of it. */
    public enum Border { EXPLICIT, FULL, HALF }

    public Conv2dOp withRole(Role r) {
        return new Conv2dOp(r, border, padH, padW, strideH, strideW, dilH, dilW, flip);
    }

    /** The padding of one axis for a filter of {@code k} taps (Theano's rules for 'full' and 'half'). */
    public int pad(int axis, int k) {
        int span = (k - 1) * (axis == 0 ? dilH : dilW) + 1;
        return switch (border) {
            case EXPLICIT -> axis == 0 ? padH : padW;
            case FULL -> span - 1;
            case HALF -> span / 2;
        };
    }

    /** Output length of one axis: (n + 2 pad - dilated span) / stride + 1; may be <= 0 when the filter does not fit. */
    public int outLength(int axis, int n, int k) {
        int span = (k - 1) * (axis == 0 ? dilH : dilW) + 1;
        return Math.floorDiv(n + 2 * pad(axis, k) - span, axis == 0 ? strideH : strideW) + 1;
    }

    /** Theano's spelling of the border, for printing. */
    public String borderName() {
        return switch (border) {
            case FULL -> "full";
            case HALF -> "half";
            case EXPLICIT -> padH == 0 && padW == 0 ? "valid" : "(" + padH + ", " + padW + ")";
        };
    }

    @Override
    public String name() {
        String base = switch (role) {
            case FORWARD -> "Conv2d";
            case GRAD_INPUTS -> "Conv2dGradInputs";
            case GRAD_FILTERS -> "Conv2dGradWeights";
        };
        StringBuilder s = new StringBuilder(base).append("{").append(borderName());
        if (strideH != 1 || strideW != 1) s.append(", subsample=(").append(strideH).append(", ").append(strideW).append(")");
        if (dilH != 1 || dilW != 1) s.append(", filter_dilation=(").append(dilH).append(", ").append(dilW).append(")");
        if (!flip) s.append(", filter_flip=False");
        return s.append("}").toString();
    }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity(name(), in, role == Role.FORWARD ? 2 : 3);
        String[] names = switch (role) {
            case FORWARD -> new String[] {"input", "filters"};
            case GRAD_INPUTS -> new String[] {"output gradient", "filters", "input"};
            case GRAD_FILTERS -> new String[] {"input", "output gradient", "filters"};
        };
        for (int i = 0; i < in.size(); i++) {
            TensorType t = in.get(i);
            // conv2d_transpose gives the input's shape as an int vector instead of a tensor of that shape
            if (i == 2 && role == Role.GRAD_INPUTS && t.rank() == 1 && t.dtype().isInteger()) continue;
            if (t.rank() != 4) {
                throw new GraphError(ErrorKind.TYPE_ERROR, "conv2d needs a 4-D " + names[i]
                        + (i == 0 && role == Role.FORWARD ? " (batch, channels, rows, cols)" : "")
                        + (i == 1 && role == Role.FORWARD ? " (filters, channels, rows, cols)" : "")
                        + ", got " + t, "a single image or filter needs its leading axes: x.reshape((1, 1, rows, cols)) "
                        + "or x.dimshuffle('x', 'x', 0, 1)");
            }
            if (t.dtype() == DType.BOOL) {
                throw new GraphError(ErrorKind.TYPE_ERROR, "conv2d of a " + t.dtype().pyName() + " " + names[i],
                        "cast it first with T.cast(x, 'float64')");
            }
        }
        DType d = DType.upcast(in.get(0).dtype(), in.get(1).dtype());
        return List.of(new TensorType(d.isFloat() ? d : DType.FLOAT64, 4));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable h = outputGrads.get(0);
        List<Variable> in = node.inputs();
        Variable[] res = new Variable[in.size()];
        if (h == null) return Arrays.asList(res);
        TensorOps t = new TensorOps(node::origin);
        switch (role) {
            case FORWARD -> { // x, w
                Variable x = in.get(0), w = in.get(1);
                res[0] = t.apply(withRole(Role.GRAD_INPUTS), h, w, x);
                res[1] = t.apply(withRole(Role.GRAD_FILTERS), x, h, w);
            }
            case GRAD_INPUTS -> { // g, w, (x's shape); h is shaped like x
                Variable g = in.get(0), w = in.get(1);
                res[0] = t.apply(withRole(Role.FORWARD), h, w);
                res[1] = t.apply(withRole(Role.GRAD_FILTERS), h, g, w);
            }
            case GRAD_FILTERS -> { // x, g, (w's shape); h is shaped like w
                Variable x = in.get(0), g = in.get(1);
                res[0] = t.apply(withRole(Role.GRAD_INPUTS), g, h, x);
                res[1] = t.apply(withRole(Role.FORWARD), x, h);
            }
        }
        for (int i = 0; i < res.length; i++) if (res[i] != null && !in.get(i).dtype().isFloat()) res[i] = null;
        return Arrays.asList(res);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Conv2dOp that
                && java.util.Objects.equals(role, that.role)
                && java.util.Objects.equals(border, that.border)
                && padH == that.padH
                && padW == that.padW
                && strideH == that.strideH
                && strideW == that.strideW
                && dilH == that.dilH
                && dilW == that.dilW
                && flip == that.flip;
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(role);
        h = 31 * h + java.util.Objects.hashCode(border);
        h = 31 * h + padH;
        h = 31 * h + padW;
        h = 31 * h + strideH;
        h = 31 * h + strideW;
        h = 31 * h + dilH;
        h = 31 * h + dilW;
        h = 31 * h + Boolean.hashCode(flip);
        return h;
    }
}
