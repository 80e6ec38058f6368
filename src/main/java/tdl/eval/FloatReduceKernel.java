package tdl.eval;

import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.ops.ReduceOp;
import tdl.vocab.ErrorKind;

/**
 * {@link ReduceKernel} for a float32 input and result, reading the float[] storage directly. As
 * Theano 1.0 (CAReduceDtype's acc_dtype: float32 accumulates in float64), sums and products
 * accumulate in double and round once into the float32 result; max and min are exact in float.
 */
final class FloatReduceKernel implements Float32Native {
    private final Apply node;
    private final ReduceOp op;
    private int[] keptShape = new int[0], outShape = new int[0];
    private final int[] st4 = new int[4], sh4 = new int[4];
    private double[] acc = new double[0]; // the double accumulators, one per output element, kept between calls

    FloatReduceKernel(Apply node) {
        this.node = node;
        this.op = (ReduceOp) node.op();
    }

    /** Whether this kernel serves {@code node}: sum, prod, max or min of a float32 input into a float32 result. */
    static boolean serves(Apply node) {
        ReduceOp op = (ReduceOp) node.op();
        return node.output().dtype() == DType.FLOAT32 && node.inputs().get(0).dtype() == DType.FLOAT32
                && op.kind() != ReduceOp.Kind.ALL && op.kind() != ReduceOp.Kind.ANY;
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
        for (int a = 0, k = 0; a < r; a++) {
            keptShape[a] = op.reduces(a) ? 1 : xs[a];
            if (op.keepdims()) outShape[a] = keptShape[a];
            else if (!op.reduces(a)) outShape[k++] = xs[a];
        }
        ReduceOp.Kind kind = op.kind();
        if (x.size() == 0 && NDArray.sizeOf(outShape) > 0 && (kind == ReduceOp.Kind.MAX || kind == ReduceOp.Kind.MIN)) {
            throw new GraphError(ErrorKind.VALUE_ERROR, "zero-size array to reduction operation "
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + " which has no identity", null, node);
        }
        NDArray out = Kernels.nativeOutput(reuse, DType.FLOAT32, outShape);
        float[] o = out.floats(), d = x.floats();
        if (acc.length != o.length) acc = new double[o.length];
        double[] c = acc;
        java.util.Arrays.fill(c, identity(kind));
        if (c.length == 1) {
            c[0] = all(kind, d);
        } else if (kind == ReduceOp.Kind.SUM && c.length > 0 && prefixOrSuffix(keptShape, xs) != 0) {
            int n = c.length;
            if (prefixOrSuffix(keptShape, xs) < 0) {
                for (int row = 0; row < d.length; row += n) for (int j = 0; j < n; j++) c[j] += d[row + j];
            } else {
                int block = d.length / n;
                for (int j = 0, p = 0; j < n; j++) {
                    double s = 0;
                    for (int e = p + block; p < e; p++) s += d[p];
                    c[j] = s;
                }
            }
        } else {
            int[] st = Broadcast.strides4(keptShape, xs, st4);
            int[] sh = Broadcast.pad4(xs, sh4);
            int k = 0;
            for (int i0 = 0; i0 < sh[0]; i0++) {
                for (int i1 = 0; i1 < sh[1]; i1++) {
                    for (int i2 = 0; i2 < sh[2]; i2++) {
                        int base = i0 * st[0] + i1 * st[1] + i2 * st[2];
                        for (int i3 = 0; i3 < sh[3]; i3++) {
                            int p = base + i3 * st[3];
                            c[p] = combine(kind, c[p], d[k++]);
                        }
                    }
                }
            }
        }
        for (int i = 0; i < o.length; i++) o[i] = (float) c[i];
        return out;
    }

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

    private static double all(ReduceOp.Kind kind, float[] d) {
        double acc = identity(kind);
        if (kind == ReduceOp.Kind.SUM) {
            for (float v : d) acc += v;
            return acc;
        }
        for (float v : d) acc = combine(kind, acc, v);
        return acc;
    }

    private static double identity(ReduceOp.Kind kind) {
        return switch (kind) {
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
            case ALL, ANY -> throw new IllegalStateException("bool reductions are not served here");
        };
    }
}
