package tdl.lib.numpy;

import java.util.function.DoubleBinaryOperator;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * The array-parameter path of numpy's legacy RandomState methods (cont_broadcast_2 and the
 * binomial loop in mtrand.pyx): the output takes {@code size} or else the parameters' broadcast
 * shape, and one draw is made per output element in C order with that element's broadcast
 * parameters, so the stream is consumed exactly as numpy consumes it. The shape checks and their
 * messages are numpy's (np.broadcast's "Mismatch is between arg i ... and arg j ..." naming the
 * output as arg 0 when size is given, then validate_output_shape).
 */
final class BroadcastDraws {
    private BroadcastDraws() {}

    /** The output shape for parameters {@code params} (in numpy's argument order) and {@code size} (null: None). */
    static int[] outputShape(int[] size, NDArray... params) {
        int[][] shapes = new int[params.length + (size == null ? 0 : 1)][];
        int k = 0;
        if (size != null) shapes[k++] = size;
        for (NDArray p : params) shapes[k++] = p.shape();
        int[] common = multiIterShape(shapes);
        if (size != null && !java.util.Arrays.equals(common, size)) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "Output size " + NDArray.shapeString(size)
                    + " is not compatible with broadcast dimensions of inputs " + NDArray.shapeString(common) + ".");
        }
        return common;
    }

    /** numpy's PyArray_Broadcast: dimensions from the outermost, the first arg of size != 1 sets each. */
    static int[] multiIterShape(int[]... shapes) {
        int nd = 0;
        for (int[] s : shapes) nd = Math.max(nd, s.length);
        int[] out = new int[nd];
        int src = 0;
        for (int i = 0; i < nd; i++) {
            out[i] = 1;
            for (int j = 0; j < shapes.length; j++) {
                int k = i + shapes[j].length - nd;
                if (k < 0 || shapes[j][k] == 1) continue;
                if (out[i] == 1) {
                    out[i] = shapes[j][k];
                    src = j;
                } else if (out[i] != shapes[j][k]) {
                    throw new TdlError(ErrorKind.VALUE_ERROR, "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg "
                            + src + " with shape " + NDArray.shapeString(shapes[src]) + " and arg " + j + " with shape " + NDArray.shapeString(shapes[j]) + ".");
                }
            }
        }
        return out;
    }

    /** One float64 draw {@code f(a, b)} per element of {@code shape}, C order. */
    static NDArray draw2(int[] shape, NDArray a, NDArray b, DoubleBinaryOperator f) {
        double[] av = ArrayIndex.broadcastTo(a, shape, "internal: broadcast");
        double[] bv = ArrayIndex.broadcastTo(b, shape, "internal: broadcast");
        double[] out = new double[av.length];
        for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(av[i], bv[i]);
        return new NDArray(DType.FLOAT64, shape, out);
    }

    /** numpy's CONS_NON_NEGATIVE on an array: a set sign bit (-0.0 too) outside NaN is refused. */
    static void checkNonNegative(NDArray v, String name) {
        for (int i = 0, n = v.size(); i < n; i++) {
            double x = v.get(i);
            if (!Double.isNaN(x) && (Double.doubleToRawLongBits(x) < 0)) throw new TdlError(ErrorKind.VALUE_ERROR, name + " < 0");
        }
    }

    /** The same check on a scalar parameter (check_constraint). */
    static void checkNonNegative(double x, String name) {
        if (!Double.isNaN(x) && Double.doubleToRawLongBits(x) < 0) throw new TdlError(ErrorKind.VALUE_ERROR, name + " < 0");
    }
}
