package tdl.lib.numpy;

import tdl.vocab.ErrorKind;
import java.util.List;
import tdl.eval.Eager;
import tdl.graph.NDArray;
import tdl.graph.ops.DimShuffleOp;
import tdl.syntax.TdlError;

/** Shape manipulation of host arrays (reshape with -1, transpose with an axis order). */
final class Shapes {
    private Shapes() {}

    /** a.reshape(dims): a copy with the new shape; one dim may be -1. */
    /** The shape a.reshape(dims) has (one -1 inferred), or numpy's error when the sizes disagree. */
    static int[] reshapedShape(NDArray a, Object dims) {
        int[] shape;
        List<?> items = NumpyConvert.items(dims);
        if (items == null) items = List.of(dims);
        shape = new int[items.size()];
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            long d = NumpyConvert.toLong(items.get(i), "shape");
            if (d == -1) {
                if (unknown >= 0) throw new TdlError(ErrorKind.VALUE_ERROR, "can only specify one unknown dimension");
                unknown = i;
            } else if (d < 0) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "negative dimensions not allowed");
            } else {
                shape[i] = (int) d;
                known *= d;
            }
        }
        if (unknown >= 0) {
            if (known == 0 || a.size() % known != 0) throw cannot(a, items);
            shape[unknown] = (int) (a.size() / known);
        } else if (known != a.size()) {
            throw cannot(a, items);
        }
        if (shape.length > 4) throw new TdlError(ErrorKind.VALUE_ERROR, "arrays of rank " + shape.length + " are not supported (rank 0 to 4)");
        return shape;
    }

    private static TdlError cannot(NDArray a, List<?> items) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) sb.append(i > 0 ? ", " : "").append(items.get(i));
        if (items.size() == 1) sb.append(',');
        return new TdlError(ErrorKind.VALUE_ERROR, "cannot reshape array of size " + a.size() + " into shape " + sb.append(')'));
    }

    /** a.T / np.transpose(a, axes): axes reversed, or in the given order. */
    /** transpose as the user's a.T / a.transpose() / np.transpose(a) return it: writes into it reach a ({@link Views}). */
    static NDArray transposeView(NDArray a, Object axesArg) {
        int[] p = permutation(a, axesArg);
        return Views.transposed(a, transpose(a, p), p);
    }

    static NDArray transpose(NDArray a, Object axesArg) {
        return transpose(a, permutation(a, axesArg));
    }

    private static NDArray transpose(NDArray a, int[] p) {
        if (a.rank() < 2) return a.copy();
        return Eager.apply(DimShuffleOp.of(p), a).copy();
    }

    private static int[] permutation(NDArray a, Object axesArg) {
        int r = a.rank();
        int[] p = new int[r];
        if (axesArg == null) {
            for (int i = 0; i < r; i++) p[i] = r - 1 - i;
        } else {
            List<?> items = NumpyConvert.items(axesArg);
            if (items == null || items.size() != r) throw new TdlError(ErrorKind.VALUE_ERROR, "axes don't match array");
            boolean[] seen = new boolean[r];
            for (int i = 0; i < r; i++) {
                long ax = NumpyConvert.toLong(items.get(i), "axes");
                int n = (int) (ax < 0 ? ax + r : ax);
                if (n < 0 || n >= r || seen[n]) throw new TdlError(ErrorKind.VALUE_ERROR, "axes don't match array");
                seen[n] = true;
                p[i] = n;
            }
        }
        return p;
    }
}
