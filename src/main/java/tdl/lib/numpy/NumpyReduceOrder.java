package tdl.lib.numpy;

/**
 * numpy 1.26's sums, products, means and variances of float32 and float64 host arrays, computed
 * in the array's precision in numpy's order, so {@code np.mean(costs)} and {@code a.sum()} give
 * numpy's bits (and print numpy's digits). A Theano graph sums float32 with a float64 accumulator
 * (acc_dtype) and float64 sequentially; host numpy does neither, and a script's printed
 * statistics come from host numpy. Values are held as doubles; with {@code single} every
 * operation is rounded to float32, which gives float32 arithmetic exactly (a double holds the
 * exact sum, product or quotient of two floats closely enough that one rounding is correct).
 *
 * <p>numpy's order, for a C-contiguous array (checked against numpy 1.26 on 960 random shapes and
 * axes): axes of length 1 drop out; the trailing axes that share the last axis's reduced/kept
 * status coalesce into one inner run of L elements. If that run is reduced, every outer index (C
 * order) adds the run's pairwise sum (numpy's {@code pairwise_sum}: 8 accumulators, blocks of
 * 128, split in halves) to its output, the run cut into the ufunc buffer's 8192-element chunks;
 * if it is kept, outputs accumulate the elements one by one in C order. Sums start at 0, products
 * at 1 and multiply one by one (numpy has no pairwise product).
 */
final class NumpyReduceOrder {
    private NumpyReduceOrder() {}

    /** numpy's default ufunc buffer size: a buffered reduction's inner loop sees at most this many elements. */
    private static final int BUFFER = 8192;

    /** numpy's loop shape: the axes longer than 1, which of them are reduced, and the output's size. */
    private record Plan(int[] dims, boolean[] reduced, int outSize) {}

    /**
     * Sum or product of {@code x} (row-major, {@code shape}) over the axes {@code reduced} marks;
     * the result is row-major over the kept axes.
     */
    static double[] reduce(double[] x, int[] shape, boolean[] reduced, boolean product, boolean single) {
        Plan p = plan(shape, reduced);
        double[] out = new double[p.outSize];
        if (product) java.util.Arrays.fill(out, 1);
        int nd = p.dims.length;
        if (nd == 0) { // a single element
            if (x.length > 0) out[0] = r(product ? out[0] * x[0] : out[0] + x[0], single);
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
                double acc = out[pos];
                if (product) {
                    for (int j = 0; j < run; j++) acc = r(acc * x[base + j], single);
                } else {
                    for (int c = 0; c < run; c += BUFFER) acc = r(acc + pairwise(x, base + c, Math.min(BUFFER, run - c), single), single);
                }
                out[pos] = acc;
            } else {
                for (int j = 0; j < run; j++) {
                    out[pos + j] = r(product ? out[pos + j] * x[base + j] : out[pos + j] + x[base + j], single);
                }
            }
            for (int i = k - 1; i >= 0; i--) { // next outer index, C order
                if (++idx[i] < p.dims[i]) break;
                idx[i] = 0;
            }
        }
        return out;
    }

    /** numpy's mean: the sum divided by the count, in the array's precision. */
    static double[] mean(double[] x, int[] shape, boolean[] reduced, boolean single) {
        double[] sum = reduce(x, shape, reduced, false, single);
        long n = count(shape, reduced);
        for (int i = 0; i < sum.length; i++) sum[i] = r(sum[i] / n, single);
        return sum;
    }

    /** numpy's _var: the mean, the deviations squared, their sum over n - ddof, in the array's precision. */
    static double[] var(double[] x, int[] shape, boolean[] reduced, long ddof, boolean single) {
        double[] mean = mean(x, shape, reduced, single);
        int[] lane = lanes(shape, reduced);
        double[] sq = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double d = r(x[i] - mean[lane[i]], single);
            sq[i] = r(d * d, single);
        }
        double[] sum = reduce(sq, shape, reduced, false, single);
        long n = Math.max(count(shape, reduced) - ddof, 0);
        for (int i = 0; i < sum.length; i++) sum[i] = r(sum[i] / n, single);
        return sum;
    }

    /** One operation's result in the array's precision. */
    private static double r(double v, boolean single) { return single ? (float) v : v; }

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
        double[] x = a.doubles();
        double[] sq = new double[x.length];
        for (int i = 0; i < x.length; i++) sq[i] = (float) (x[i] * x[i]);
        double[] r = reduce(sq, shape, reduced, false, true);
        for (int i = 0; i < r.length; i++) r[i] = (float) Math.sqrt(r[i]);
        int[] out = new int[shape.length];
        int rank = 0;
        for (int i = 0; i < shape.length; i++) {
            if (!reduced[i]) out[rank++] = shape[i];
            else if (keep) out[rank++] = 1;
        }
        tdl.graph.NDArray res = tdl.graph.NDArray.of(tdl.graph.DType.FLOAT32, java.util.Arrays.copyOf(out, rank), r);
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

    /** numpy's FLOAT/DOUBLE_pairwise_sum (loops_utils.h.src), each addition in the array's precision. */
    static double pairwise(double[] a, int off, int n, boolean single) {
        if (n < 8) {
            double res = -0.0;
            for (int i = 0; i < n; i++) res = r(res + a[off + i], single);
            return res;
        }
        if (n <= 128) {
            double[] acc = new double[8];
            System.arraycopy(a, off, acc, 0, 8);
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) acc[j] = r(acc[j] + a[off + i + j], single);
            }
            double res = r(r(r(acc[0] + acc[1], single) + r(acc[2] + acc[3], single), single)
                    + r(r(acc[4] + acc[5], single) + r(acc[6] + acc[7], single), single), single);
            for (; i < n; i++) res = r(res + a[off + i], single);
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return r(pairwise(a, off, n2, single) + pairwise(a, off + n2, n - n2, single), single);
    }
}
