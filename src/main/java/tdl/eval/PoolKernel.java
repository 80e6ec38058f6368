package tdl.eval;

import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.ops.Pool2dOp;
import tdl.graph.ops.Pool2dOp.Mode;

/**
 * pool_2d and its gradient by direct loops over each window (the windows are small and the work is
 * proportional to the input, so a product formulation would gain nothing). Window bounds follow
 * {@link Pool2dOp}'s rules, in padded coordinates then moved back into the image. LeNet's case (2x2
 * max pooling, stride 2) has a direct loop without per-window bounds, and large inputs are split
 * by planes between the two cores.
 */
final class PoolKernel implements Kernel {
    // below this many input elements a call is not worth handing half of to another thread
    private static final long PARALLEL_ELEMENTS = 1 << 15;
    // a parallel call's planes are handed out in about this many blocks
    private static final int BLOCKS = 32;

    private final Apply node;
    private final Pool2dOp op;
    private final DType dtype;

    private final int[] outShape = new int[4];
    private final Team team;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    private final Team.Parts halves = this::half; // made once: a call allocates nothing
    // the current call's sizes and arrays, read by both halves
    private int rows, cols, planes, oh, ow;
    private double[] xd, gd, od;

    PoolKernel(Apply node, Team team) {
        this.team = team;
        this.node = node;
        this.op = (Pool2dOp) node.op();
        this.dtype = node.output().dtype();
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        NDArray x = in[0];
        rows = x.dim(2);
        cols = x.dim(3);
        planes = x.dim(0) * x.dim(1);
        oh = op.outLength(0, rows);
        ow = op.outLength(1, cols);
        NDArray out;
        if (op.grad()) {
            NDArray g = in[1];
            if (g.dim(0) != x.dim(0) || g.dim(1) != x.dim(1) || g.dim(2) != oh || g.dim(3) != ow) {
                throw Kernels.shapeError(node, "pool_2d gradient: the output gradient has shape " + NDArray.shapeString(g.shape())
                        + ", expected (" + x.dim(0) + ", " + x.dim(1) + ", " + oh + ", " + ow + ")",
                        "the gradient must be shaped like pool_2d's output");
            }
            out = Kernels.output(reuse, dtype, x.shape());
            gd = g.data();
        } else {
            outShape[0] = x.dim(0);
            outShape[1] = x.dim(1);
            outShape[2] = oh;
            outShape[3] = ow;
            out = Kernels.output(reuse, dtype, outShape);
            gd = null;
        }
        xd = x.data();
        od = out.data();
        try {
            // planes are independent: two halves of them on the two cores when the input is large enough
            next.set(0);
            if (planes >= 2 && (long) planes * rows * cols >= PARALLEL_ELEMENTS) team.run(halves);
            else half(0, planes);
        } finally {
            xd = gd = od = null; // keep no caller arrays alive between calls
        }
        return out;
    }

    /**
     * One thread's share: blocks of planes taken in turn, so a core that another program holds up
     * does not leave the other waiting with half the work (each plane is computed the same wherever).
     */
    private void half(int part) {
        int block = Math.max(1, planes / BLOCKS);
        for (int p = next.getAndAdd(block); p < planes; p = next.getAndAdd(block)) half(p, Math.min(planes, p + block));
    }

    private void half(int from, int to) {
        boolean max22 = op.mode() == Mode.MAX && op.wsH() == 2 && op.wsW() == 2 && op.stH() == 2 && op.stW() == 2
                && op.padH() == 0 && op.padW() == 0 && 2 * oh <= rows && 2 * ow <= cols;
        if (gd != null) {
            if (max22) {
                for (int p = from; p < to; p++) maxGrad22(p);
                return;
            }
            java.util.Arrays.fill(od, from * rows * cols, to * rows * cols, 0.0);
        }
        for (int p = from; p < to; p++) {
            if (max22 && gd == null) max22(p);
            else plane(xd, gd, od, p, rows, cols, oh, ow);
        }
    }

    /**
     * The common case (2x2 windows, stride 2, no padding, every window inside the image): the max
     * of each window taken in the order {@link #plane} takes it, so the values are the same.
     */
    private void max22(int p) {
        double[] x = xd, o = od;
        int xBase = p * rows * cols, oBase = p * oh * ow;
        for (int r = 0; r < oh; r++) {
            int a = xBase + 2 * r * cols, b = a + cols, oi = oBase + r * ow;
            for (int c = 0; c < ow; c++, a += 2, b += 2) {
                o[oi + c] = Math.max(Math.max(Math.max(x[a], x[a + 1]), x[b]), x[b + 1]);
            }
        }
    }

    /**
     * MaxPoolGrad in the common case: every element of a window equal to its max gets the window's
     * gradient (ties each get all of it, as Theano's MaxPoolGrad), written directly since the
     * windows do not overlap; a last odd row or column that no window covers gets zero.
     */
    private void maxGrad22(int p) {
        double[] x = xd, g = gd, o = od;
        int xBase = p * rows * cols, oBase = p * oh * ow;
        for (int r = 0; r < oh; r++) {
            int a = xBase + 2 * r * cols, b = a + cols, oi = oBase + r * ow;
            for (int c = 0; c < ow; c++, a += 2, b += 2) {
                double x0 = x[a], x1 = x[a + 1], x2 = x[b], x3 = x[b + 1];
                double m = Math.max(Math.max(Math.max(x0, x1), x2), x3);
                // 0 + gz as Theano's zeros += gz; masked by bits rather than branches, which the
                // ties and random maxima make unpredictable
                long gz = Double.doubleToRawLongBits(0.0 + g[oi + c]);
                o[a] = Double.longBitsToDouble(gz & -(x0 == m ? 1L : 0L));
                o[a + 1] = Double.longBitsToDouble(gz & -(x1 == m ? 1L : 0L));
                o[b] = Double.longBitsToDouble(gz & -(x2 == m ? 1L : 0L));
                o[b + 1] = Double.longBitsToDouble(gz & -(x3 == m ? 1L : 0L));
            }
            if (2 * ow < cols) {
                java.util.Arrays.fill(o, xBase + 2 * r * cols + 2 * ow, xBase + (2 * r + 1) * cols, 0.0);
                java.util.Arrays.fill(o, xBase + (2 * r + 1) * cols + 2 * ow, xBase + (2 * r + 2) * cols, 0.0);
            }
        }
        java.util.Arrays.fill(o, xBase + 2 * oh * cols, xBase + rows * cols, 0.0);
    }

    /**
     * One (batch, channel) plane: pools x into o, or (g given) scatters g back through the windows
     * into o, which the caller zeroed.
     */
    private void plane(double[] x, double[] g, double[] o, int p, int rows, int cols, int oh, int ow) {
        Mode mode = op.mode();
        int ph = op.padH(), pw = op.padW(), pr = rows + 2 * ph, pc = cols + 2 * pw;
        int xBase = p * rows * cols, oBase = p * oh * ow;
        boolean incPad = mode == Mode.AVERAGE_INC_PAD;
        for (int r = 0; r < oh; r++) {
            int r0 = r * op.stH(), r1 = Math.min(r0 + op.wsH(), pr);
            int rowCount = r1 - r0;
            r0 = Math.max(r0, ph) - ph; // into image coordinates, padding left out
            r1 = Math.min(r1, rows + ph) - ph;
            for (int c = 0; c < ow; c++) {
                int c0 = c * op.stW(), c1 = Math.min(c0 + op.wsW(), pc);
                int colCount = c1 - c0;
                c0 = Math.max(c0, pw) - pw;
                c1 = Math.min(c1, cols + pw) - pw;
                int oi = oBase + r * ow + c;
                int count = incPad ? rowCount * colCount : Math.max(0, r1 - r0) * Math.max(0, c1 - c0);
                if (mode == Mode.MAX) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int i = r0; i < r1; i++) for (int j = c0; j < c1; j++) m = Math.max(m, x[xBase + i * cols + j]);
                    if (g == null) {
                        o[oi] = m;
                    } else {
                        double gz = g[oi];
                        for (int i = r0; i < r1; i++) {
                            for (int j = c0; j < c1; j++) if (x[xBase + i * cols + j] == m) o[xBase + i * cols + j] += gz;
                        }
                    }
                    continue;
                }
                double scale = mode == Mode.SUM ? 1.0 : 1.0 / count;
                if (g == null) {
                    double s = 0;
                    for (int i = r0; i < r1; i++) for (int j = c0; j < c1; j++) s += x[xBase + i * cols + j];
                    o[oi] = dtype.isFloat() ? s * scale : dtype.coerce(s * scale);
                } else {
                    double v = g[oi] * scale;
                    for (int i = r0; i < r1; i++) for (int j = c0; j < c1; j++) o[xBase + i * cols + j] += v;
                }
            }
        }
    }
}
