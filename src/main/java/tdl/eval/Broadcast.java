package tdl.eval;

import tdl.graph.NDArray;

/**
 * numpy broadcasting and strided iteration shared by the kernels. Shapes of rank r are padded on
 * the left to rank 4 ("shape4"), so every loop is four nested loops with no per-element index math
 * beyond additions.
 */
public final class Broadcast {
    private Broadcast() {}

    /** The broadcast result shape of a and b, or null when they are incompatible. */
    public static int[] shape(int[] a, int[] b) {
        return shape(a, b, null);
    }

    /**
     * {@link #shape(int[], int[])} written into {@code scratch} when neither operand's shape is the
     * result and scratch has the result's rank (kernels keep one per output rank), else a new array.
     * {@code scratch} may be {@code a} or {@code b} (a fold over several operands): it is checked
     * before anything is written, and each entry is read before it is written.
     */
    public static int[] shape(int[] a, int[] b, int[] scratch) {
        // the common cases return an operand's own (never modified) shape array: no allocation per call
        if (broadcastsTo(b, a)) return a;
        if (broadcastsTo(a, b)) return b;
        int r = Math.max(a.length, b.length);
        for (int i = 0; i < r; i++) {
            int da = dim(a, i, r), db = dim(b, i, r);
            if (da != db && da != 1 && db != 1) return null;
        }
        int[] out = scratch != null && scratch.length == r ? scratch : new int[r];
        for (int i = 0; i < r; i++) {
            int da = dim(a, i, r);
            out[i] = da == 1 ? dim(b, i, r) : da;
        }
        return out;
    }

    /** Axis i of {@code s} left-padded with 1s to rank r. */
    private static int dim(int[] s, int i, int r) {
        return i < r - s.length ? 1 : s[i - (r - s.length)];
    }

    /** Whether {@code in} broadcasts to exactly {@code out}. */
    public static boolean broadcastsTo(int[] in, int[] out) {
        if (in.length > out.length) return false;
        int off = out.length - in.length;
        for (int i = 0; i < in.length; i++) if (in[i] != 1 && in[i] != out[off + i]) return false;
        return true;
    }

    /** Row-major strides of a shape. */
    public static int[] strides(int[] shape) {
        return strides(shape, new int[shape.length]);
    }

    /** Row-major strides of a shape written into dst[0, rank); returns dst. */
    public static int[] strides(int[] shape, int[] dst) {
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            dst[i] = acc;
            acc *= shape[i];
        }
        return dst;
    }

    /** {@code shape} left-padded with 1s to rank 4. */
    public static int[] pad4(int[] shape) {
        return pad4(shape, new int[4]);
    }

    /** {@link #pad4(int[])} written into {@code dst} (length 4); returns dst. */
    public static int[] pad4(int[] shape, int[] dst) {
        int off = 4 - shape.length;
        for (int i = 0; i < 4; i++) dst[i] = i < off ? 1 : shape[i - off];
        return dst;
    }

    /**
     * Rank-4 strides that read an array of shape {@code in} as if broadcast to {@code out}: 0 on
     * axes where {@code in} is missing or has size 1. Caller has checked {@link #broadcastsTo}.
     */
    public static int[] strides4(int[] in, int[] out) {
        return strides4(in, out, new int[4]);
    }

    /** {@link #strides4(int[], int[])} written into {@code dst} (length 4); returns dst. */
    public static int[] strides4(int[] in, int[] out, int[] dst) {
        int off = 4 - out.length, inOff = out.length - in.length;
        for (int i = 0; i < off; i++) dst[i] = 0;
        int acc = 1; // in's row-major stride, built from the last axis inwards
        for (int i = out.length - 1; i >= 0; i--) {
            int k = i - inOff;
            dst[off + i] = k < 0 || in[k] == 1 ? 0 : acc;
            if (k >= 0) acc *= in[k];
        }
        return dst;
    }

    /** Rank-r strides (a view's, one per axis) left-padded with 0s into {@code dst} (length 4); returns dst. */
    public static int[] padStrides4(int[] strides, int rank, int[] dst) {
        int off = 4 - rank;
        for (int i = 0; i < 4; i++) dst[i] = i < off ? 0 : strides[i - off];
        return dst;
    }

    /** Copies the strided view (offset, strides4) of src with shape4 into dst, row-major. */
    public static void gather(double[] src, int offset, int[] st, int[] sh, double[] dst) {
        int o = 0;
        for (int i0 = 0; i0 < sh[0]; i0++) {
            for (int i1 = 0; i1 < sh[1]; i1++) {
                for (int i2 = 0; i2 < sh[2]; i2++) {
                    int base = offset + i0 * st[0] + i1 * st[1] + i2 * st[2];
                    int s3 = st[3];
                    for (int i3 = 0, n = sh[3]; i3 < n; i3++) dst[o++] = src[base + i3 * s3];
                }
            }
        }
    }

    /** {@link #gather(double[], int, int[], int[], double[])} over float storage (float32 kernels). */
    public static void gather(float[] src, int offset, int[] st, int[] sh, float[] dst) {
        int o = 0;
        for (int i0 = 0; i0 < sh[0]; i0++) {
            for (int i1 = 0; i1 < sh[1]; i1++) {
                for (int i2 = 0; i2 < sh[2]; i2++) {
                    int base = offset + i0 * st[0] + i1 * st[1] + i2 * st[2];
                    int s3 = st[3];
                    for (int i3 = 0, n = sh[3]; i3 < n; i3++) dst[o++] = src[base + i3 * s3];
                }
            }
        }
    }

    /** A new array of shape {@code shape} holding {@code a} broadcast to it. */
    public static double[] expand(NDArray a, int[] shape) {
        return expand(a, shape, null, new int[4], new int[4]);
    }

    /**
     * {@code a} broadcast to {@code shape}, written into {@code dst} when it has the right size, else
     * into a new array (the caller keeps whichever comes back). st4 and sh4 are scratch of length 4.
     */
    public static double[] expand(NDArray a, int[] shape, double[] dst, int[] st4, int[] sh4) {
        int n = (int) NDArray.sizeOf(shape);
        double[] d = dst != null && dst.length == n ? dst : new double[n];
        gather(a.data(), 0, strides4(a.shape(), shape, st4), pad4(shape, sh4), d);
        return d;
    }

    /**
     * Adds src (row-major, shape {@code srcShape}) into dst at the strided positions (strides4 into
     * dst, 0 where several source elements sum into one destination element).
     */
    public static void scatterAdd(double[] src, int[] srcShape4, double[] dst, int offset, int[] st) {
        int o = 0;
        for (int i0 = 0; i0 < srcShape4[0]; i0++) {
            for (int i1 = 0; i1 < srcShape4[1]; i1++) {
                for (int i2 = 0; i2 < srcShape4[2]; i2++) {
                    int base = offset + i0 * st[0] + i1 * st[1] + i2 * st[2];
                    int s3 = st[3];
                    for (int i3 = 0, n = srcShape4[3]; i3 < n; i3++) dst[base + i3 * s3] += src[o++];
                }
            }
        }
    }
}
