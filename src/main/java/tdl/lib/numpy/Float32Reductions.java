package tdl.lib.numpy;

/**
 * numpy 1.26's float32 sums, products, means and variances of host arrays, computed in float32 in
 * numpy's order, so {@code np.mean(costs)} and {@code a.sum()} of a float32 array give numpy's
 * bits (and print numpy's digits). A Theano graph sums float32 with a float64 accumulator
 * (acc_dtype); host numpy does not, and a script's printed statistics come from host numpy.
 *
 * <p>numpy's order, for a C-contiguous array (checked against numpy 1.26 on 960 random shapes and
 * axes): axes of length 1 drop out; the trailing axes that share the last axis's reduced/kept
 * status coalesce into one inner run of L elements. If that run is reduced, every outer index (C
 * order) adds the run's pairwise sum (numpy's {@code pairwise_sum}: 8 accumulators, blocks of
 * 128, split in halves) to its output, the run cut into the ufunc buffer's 8192-element chunks;
 * if it is kept, outputs accumulate the elements one by one in C order. Sums start at 0, products
 * at 1 and multiply one by one (numpy has no pairwise product).
 */
final class Float32Reductions {
    private Float32Reductions() {}

    /** numpy's default ufunc buffer size: a buffered reduction's inner loop sees at most this many elements. */
    private static final int BUFFER = 8192;

    /** numpy's loop shape: the axes longer than 1, which of them are reduced, and the output's size. */
    private record Plan(int[] dims, boolean[] reduced, int outSize) {}

    /**
     * Sum or product of {@code x} (row-major, {@code shape}) over the axes {@code reduced} marks;
     * the result is row-major over the kept axes.
     */
    static float[] reduce(float[] x, int[] shape, boolean[] reduced, boolean product) {
        Plan p = plan(shape, reduced);
        float[] out = new float[p.outSize];
        if (product) java.util.Arrays.fill(out, 1f);
        int nd = p.dims.length;
        if (nd == 0) { // a single element
            if (x.length > 0) out[0] = product ? out[0] * x[0] : out[0] + x[0];
            return out;
        }
        int k = nd;
        while (k > 0 && p.reduced[k - 1] == p.reduced[nd - 1]) k--;
        int run = 1;
        for (int i = k; i < nd; i++) run *= p.dims[i];
        boolean innerReduced = p.reduced[nd - 1];
        // output strides of the kept outer axes, counting the inner run when it is kept
        int[] outStride = new int[k];
        int s = innerReduced ? 1 : run;
        for (int i = k - 1; i >= 0; i--) {
            if (!p.reduced[i]) { outStride[i] = s; s *= p.dims[i]; }
        }
        int[] idx = new int[k];
        int outerCount = x.length / Math.max(run, 1);
        for (int o = 0, base = 0; o < outerCount; o++, base += run) {
            int pos = 0;
            for (int i = 0; i < k; i++) pos += idx[i] * outStride[i];
            if (innerReduced) {
                if (product) {
                    float acc = out[pos];
                    for (int j = 0; j < run; j++) acc *= x[base + j];
                    out[pos] = acc;
                } else {
                    float acc = out[pos];
                    for (int c = 0; c < run; c += BUFFER) acc += pairwise(x, base + c, Math.min(BUFFER, run - c));
                    out[pos] = acc;
                }
            } else {
                for (int j = 0; j < run; j++) {
                    out[pos + j] = product ? out[pos + j] * x[base + j] : out[pos + j] + x[base + j];
                }
            }
            for (int i = k - 1; i >= 0; i--) { // next outer index, C order
                if (++idx[i] < p.dims[i]) break;
                idx[i] = 0;
            }
        }
        return out;
    }

    /** numpy's mean: the float32 sum divided by the count, rounded to float32. */
    static float[] mean(float[] x, int[] shape, boolean[] reduced) {
        float[] sum = reduce(x, shape, reduced, false);
        long n = count(shape, reduced);
        for (int i = 0; i < sum.length; i++) sum[i] = (float) ((double) sum[i] / n);
        return sum;
    }

    /** numpy's _var: the float32 mean, float32 deviations squared, their float32 sum over n - ddof. */
    static float[] var(float[] x, int[] shape, boolean[] reduced, long ddof) {
        float[] mean = mean(x, shape, reduced);
        int[] lane = lanes(shape, reduced);
        float[] sq = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float d = x[i] - mean[lane[i]];
            sq[i] = d * d;
        }
        float[] sum = reduce(sq, shape, reduced, false);
        long n = Math.max(count(shape, reduced) - ddof, 0);
        for (int i = 0; i < sum.length; i++) sum[i] = (float) ((double) sum[i] / n);
        return sum;
    }

    /**
     * numpy's vector 2-norm along given axes of a float32 array, {@code sqrt(add.reduce(x * x,
     * axis))} in float32; null for what numpy computes otherwise (no axis: a BLAS dot TDL cannot
     * reproduce bit for bit; other orders; matrix norms), which the float64 path rounds.
     */
    static Object norm(tdl.graph.NDArray a, Object ord, Object axisArg, boolean keep) {
        if (axisArg == null || (ord != null && !(ord instanceof Number n && n.doubleValue() == 2)) || a.size() == 0) return null;
        int[] axes = Reductions.axes(axisArg, a.rank());
        if (axes == null || axes.length != 1) return null;
        int[] shape = a.shape();
        boolean[] reduced = new boolean[shape.length];
        reduced[axes[0] < 0 ? axes[0] + shape.length : axes[0]] = true;
        float[] x = a.floats();
        float[] sq = new float[x.length];
        for (int i = 0; i < x.length; i++) sq[i] = x[i] * x[i];
        float[] r = reduce(sq, shape, reduced, false);
        for (int i = 0; i < r.length; i++) r[i] = (float) Math.sqrt(r[i]);
        int[] out = new int[shape.length];
        int rank = 0;
        for (int i = 0; i < shape.length; i++) {
            if (!reduced[i]) out[rank++] = shape[i];
            else if (keep) out[rank++] = 1;
        }
        tdl.graph.NDArray res = new tdl.graph.NDArray(java.util.Arrays.copyOf(out, rank), r);
        return rank == 0 ? NumpyConvert.npScalar(tdl.graph.DType.FLOAT32, r[0]) : res;
    }

    /** The output element each input element (row-major) belongs to. */
    private static int[] lanes(int[] shape, boolean[] reduced) {
        int size = 1;
        for (int d : shape) size *= d;
        int[] lane = new int[size];
        int[] stride = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (!reduced[i]) { stride[i] = s; s *= shape[i]; }
        }
        int[] idx = new int[shape.length];
        for (int e = 0; e < size; e++) {
            int pos = 0;
            for (int i = 0; i < shape.length; i++) pos += idx[i] * stride[i];
            lane[e] = pos;
            for (int i = shape.length - 1; i >= 0; i--) {
                if (++idx[i] < shape[i]) break;
                idx[i] = 0;
            }
        }
        return lane;
    }

    private static long count(int[] shape, boolean[] reduced) {
        long n = 1;
        for (int i = 0; i < shape.length; i++) if (reduced[i]) n *= shape[i];
        return n;
    }

    private static Plan plan(int[] shape, boolean[] reduced) {
        int nd = 0;
        int outSize = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] != 1) nd++;
            if (!reduced[i]) outSize *= shape[i];
        }
        int[] dims = new int[nd];
        boolean[] red = new boolean[nd];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (shape[i] == 1) continue;
            dims[j] = shape[i];
            red[j++] = reduced[i];
        }
        return new Plan(dims, red, outSize);
    }

    /** numpy's FLOAT_pairwise_sum (loops_utils.h.src), float arithmetic throughout. */
    static float pairwise(float[] a, int off, int n) {
        if (n < 8) {
            float res = -0.0f;
            for (int i = 0; i < n; i++) res += a[off + i];
            return res;
        }
        if (n <= 128) {
            float r0 = a[off], r1 = a[off + 1], r2 = a[off + 2], r3 = a[off + 3];
            float r4 = a[off + 4], r5 = a[off + 5], r6 = a[off + 6], r7 = a[off + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                r0 += a[off + i]; r1 += a[off + i + 1]; r2 += a[off + i + 2]; r3 += a[off + i + 3];
                r4 += a[off + i + 4]; r5 += a[off + i + 5]; r6 += a[off + i + 6]; r7 += a[off + i + 7];
            }
            float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[off + i];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, off, n2) + pairwise(a, off + n2, n - n2);
    }
}
