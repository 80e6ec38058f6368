package tdl.eval;

import tdl.vocab.ErrorKind;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.ops.ReduceOp;

/** sum/prod/max/min/all/any over some axes: one pass over the input, accumulating in place. */
final class ReduceKernel implements Kernel {
    private final Apply node;
    private final ReduceOp op;
    private final DType dtype;
    // refilled every call: x's shape with reduced axes set to 1, the output's shape, loop strides
    private int[] keptShape = new int[0], outShape = new int[0];
    private final int[] st4 = new int[4], sh4 = new int[4];

    ReduceKernel(Apply node) {
        this.node = node;
        this.op = (ReduceOp) node.op();
        this.dtype = node.output().dtype();
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        NDArray x = in[0];
        int r = x.rank();
        int[] xs = x.shape();
        int kept = 0;
        for (int a = 0; a < r; a++) if (!op.reduces(a)) kept++;
        if (keptShape.length != r) keptShape = new int[r];
        if (outShape.length != (op.keepdims() ? r : kept)) outShape = new int[op.keepdims() ? r : kept];
        int[] keptShape = this.keptShape, outShape = this.outShape;
        for (int a = 0, k = 0; a < r; a++) {
            keptShape[a] = op.reduces(a) ? 1 : xs[a];
            if (op.keepdims()) outShape[a] = keptShape[a];
            else if (!op.reduces(a)) outShape[k++] = xs[a];
        }
        if (x.size() == 0 && NDArray.sizeOf(outShape) > 0 && (op.kind() == ReduceOp.Kind.MAX || op.kind() == ReduceOp.Kind.MIN)) {
            throw new GraphError(ErrorKind.VALUE_ERROR, "zero-size array to reduction operation "
                    + op.kind().name().toLowerCase(java.util.Locale.ROOT) + " which has no identity", null, node);
        }
        NDArray out = Kernels.output(reuse, dtype, outShape);
        double[] o = out.data(), d = x.data();
        java.util.Arrays.fill(o, identity());
        if (o.length == 1) {
            o[0] = all(d);
        } else if (op.kind() == ReduceOp.Kind.SUM && o.length > 0 && prefixOrSuffix(keptShape, xs) != 0) {
            // sums over leading axes (bias gradients) or trailing axes (row sums): contiguous loops
            int n = o.length;
            if (prefixOrSuffix(keptShape, xs) < 0) {
                for (int row = 0; row < d.length; row += n) for (int j = 0; j < n; j++) o[j] += d[row + j];
            } else {
                int block = d.length / n;
                for (int j = 0, p = 0; j < n; j++) {
                    double acc = 0;
                    for (int e = p + block; p < e; p++) acc += d[p];
                    o[j] = acc;
                }
            }
        } else {
            int[] st = Broadcast.strides4(keptShape, xs, st4); // where each x element lands in out
            int[] sh = Broadcast.pad4(xs, sh4);
            int k = 0;
            ReduceOp.Kind kind = op.kind();
            for (int i0 = 0; i0 < sh[0]; i0++) {
                for (int i1 = 0; i1 < sh[1]; i1++) {
                    for (int i2 = 0; i2 < sh[2]; i2++) {
                        int base = i0 * st[0] + i1 * st[1] + i2 * st[2];
                        if (kind == ReduceOp.Kind.SUM) { // the common case (bias gradients) without a switch per element
                            for (int i3 = 0; i3 < sh[3]; i3++) o[base + i3 * st[3]] += d[k++];
                        } else {
                            for (int i3 = 0; i3 < sh[3]; i3++) {
                                int p = base + i3 * st[3];
                                o[p] = combine(kind, o[p], d[k++]);
                            }
                        }
                    }
                }
            }
        }
        if (dtype.needsCoerce()) for (int i = 0; i < o.length; i++) o[i] = dtype.coerce(o[i]);
        return out;
    }

    /** -1 when only leading axes are reduced, 1 when only trailing ones, else 0. */
    private static int prefixOrSuffix(int[] kept, int[] xs) {
        int r = xs.length, first = r, last = -1;
        for (int a = 0; a < r; a++) {
            if (kept[a] == 1 && xs[a] != 1) { first = Math.min(first, a); last = a; }
        }
        if (last < 0) return 0;
        boolean prefix = true, suffix = true;
        for (int a = 0; a < r; a++) {
            boolean reduced = kept[a] == 1 && xs[a] != 1;
            if (a <= last && !reduced && xs[a] != 1) prefix = false;
            if (a >= first && !reduced && xs[a] != 1) suffix = false;
        }
        return prefix ? -1 : suffix ? 1 : 0;
    }

    private double all(double[] d) {
        double acc = identity();
        ReduceOp.Kind kind = op.kind();
        if (kind == ReduceOp.Kind.SUM) {
            for (double v : d) acc += v;
            return acc;
        }
        for (double v : d) acc = combine(kind, acc, v);
        return acc;
    }

    private double identity() {
        return switch (op.kind()) {
            case SUM, ANY -> 0;
            case PROD, ALL -> 1;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
        };
    }

    private static double combine(ReduceOp.Kind kind, double acc, double v) {
        return switch (kind) {
            case SUM -> acc + v;
            case PROD -> acc * v;
            case MAX -> Math.max(acc, v);
            case MIN -> Math.min(acc, v);
            case ALL -> acc != 0 && v != 0 ? 1 : 0;
            case ANY -> acc != 0 || v != 0 ? 1 : 0;
        };
    }
}
