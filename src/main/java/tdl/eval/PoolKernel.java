package tdl.eval;

import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.ops.Pool2dOp;
import tdl.graph.ops.Pool2dOp.Mode;

/**
 * pool_2d and its gradient by direct loops over each window (the windows are small and the work is
 * proportional to the input, so a product formulation would gain nothing). Window bounds follow
 * {@link Pool2dOp}'s rules, in padded coordinates then moved back into the image.
 */
final class PoolKernel implements Kernel {
    private final Apply node;
    private final Pool2dOp op;
    private final DType dtype;
    private final int[] outShape = new int[4];

    PoolKernel(Apply node) {
        this.node = node;
        this.op = (Pool2dOp) node.op();
        this.dtype = node.output().dtype();
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        NDArray x = in[0];
        int rows = x.dim(2), cols = x.dim(3), planes = x.dim(0) * x.dim(1);
        int oh = op.outLength(0, rows), ow = op.outLength(1, cols);
        if (op.grad()) {
            NDArray g = in[1];
            if (g.dim(0) != x.dim(0) || g.dim(1) != x.dim(1) || g.dim(2) != oh || g.dim(3) != ow) {
                throw Kernels.shapeError(node, "pool_2d gradient: the output gradient has shape " + NDArray.shapeString(g.shape())
                        + ", expected (" + x.dim(0) + ", " + x.dim(1) + ", " + oh + ", " + ow + ")",
                        "the gradient must be shaped like pool_2d's output");
            }
            NDArray out = Kernels.output(reuse, dtype, x.shape());
            java.util.Arrays.fill(out.data(), 0.0);
            for (int p = 0; p < planes; p++) plane(x.data(), g.data(), out.data(), p, rows, cols, oh, ow);
            return out;
        }
        outShape[0] = x.dim(0);
        outShape[1] = x.dim(1);
        outShape[2] = oh;
        outShape[3] = ow;
        NDArray out = Kernels.output(reuse, dtype, outShape);
        for (int p = 0; p < planes; p++) plane(x.data(), null, out.data(), p, rows, cols, oh, ow);
        return out;
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
