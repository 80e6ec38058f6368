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
        // the common cases return an operand's own (never modified) shape array: no allocation per call
        if (broadcastsTo(b, a)) return a;
        if (broadcastsTo(a, b)) return b;
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da == db || db == 1) out[i] = da;
            else if (da == 1) out[i] = db;
            else return null;
        }
        return out;
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
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** {@code shape} left-padded with 1s to rank 4. */
    public static int[] pad4(int[] shape) {
        int[] p = {1, 1, 1, 1};
        System.arraycopy(shape, 0, p, 4 - shape.length, shape.length);
        return p;
    }

    /**
     * Rank-4 strides that read an array of shape {@code in} as if broadcast to {@code out}: 0 on
     * axes where {@code in} is missing or has size 1. Caller has checked {@link #broadcastsTo}.
     */
    public static int[] strides4(int[] in, int[] out) {
        int[] s = strides(in);
        int[] r = new int[4];
        int off = 4 - out.length, inOff = out.length - in.length;
        for (int i = 0; i < out.length; i++) {
            int k = i - inOff;
            r[off + i] = k < 0 || in[k] == 1 ? 0 : s[k];
        }
        return r;
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

    /** A fresh or reused array of shape {@code sh} holding {@code a} broadcast to it. */
    public static double[] expand(NDArray a, int[] shape) {
        double[] d = new double[(int) NDArray.sizeOf(shape)];
        gather(a.data(), 0, strides4(a.shape(), shape), pad4(shape), d);
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
