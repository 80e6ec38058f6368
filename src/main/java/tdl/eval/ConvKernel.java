package tdl.eval;

import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.ops.Conv2dOp;

/**
 * The three faces of {@link Conv2dOp} as products on {@link Gemm}: each image is unrolled into a
 * column matrix (im2col: one row per (channel, filter row, filter col), one column per output
 * pixel), so the convolution of image b is W' (F x CKK) times col (CKK x OHW), W' being the
 * filters flipped when filter_flip is set (true convolution). The input gradient is W'^T g folded
 * back (col2im), the filter gradient the sum over images of g col^T. Scratch buffers grow to the
 * largest call seen and are then reused: a steady-state call allocates nothing but a new output
 * when the previous one does not fit.
 */
final class ConvKernel implements Kernel {
    private final Apply node;
    private final Conv2dOp op;
    private final DType dtype;
    private final Gemm.Workspace workspace = new Gemm.Workspace();
    private final int[] outShape = new int[4], transposeShape = new int[4];
    private double[] wf = new double[0], col = new double[0], prod = new double[0], gb = new double[0];

    // geometry of the current call
    private int batch, chans, rows, cols, nf, kh, kw, ph, pw, oh, ow;

    ConvKernel(Apply node) {
        this.node = node;
        this.op = (Conv2dOp) node.op();
        this.dtype = node.output().dtype();
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        return switch (op.role()) {
            case FORWARD -> forward(in[0], in[1], reuse);
            case GRAD_INPUTS -> gradInputs(in[0], in[1], in[2], reuse);
            case GRAD_FILTERS -> gradFilters(in[0], in[1], in[2], reuse);
        };
    }

    private NDArray forward(NDArray x, NDArray w, NDArray reuse) {
        geometry(x.shape(), w);
        int ckk = chans * kh * kw, ohw = oh * ow;
        flipFilters(w);
        col = grow(col, ckk * ohw);
        prod = grow(prod, nf * ohw);
        NDArray out = output(reuse, batch, nf, oh, ow);
        double[] o = out.data();
        for (int b = 0; b < batch; b++) {
            im2col(x.data(), b);
            Gemm.multiply(wf, nf, ckk, false, col, ckk, ohw, false, prod, nf, ohw, ckk, workspace);
            System.arraycopy(prod, 0, o, b * nf * ohw, nf * ohw);
        }
        return out;
    }

    private NDArray gradInputs(NDArray g, NDArray w, NDArray x, NDArray reuse) {
        if (x.rank() == 1) inputShape(x, w);
        else geometry(x.shape(), w);
        checkGradient(g);
        int ckk = chans * kh * kw, ohw = oh * ow;
        flipFilters(w);
        col = grow(col, ckk * ohw);
        gb = grow(gb, nf * ohw);
        NDArray out = output(reuse, batch, chans, rows, cols);
        double[] o = out.data();
        java.util.Arrays.fill(o, 0.0);
        for (int b = 0; b < batch; b++) {
            System.arraycopy(g.data(), b * nf * ohw, gb, 0, nf * ohw);
            Gemm.multiply(wf, nf, ckk, true, gb, nf, ohw, false, col, ckk, ohw, nf, workspace);
            col2im(o, b);
        }
        return out;
    }

    private NDArray gradFilters(NDArray x, NDArray g, NDArray w, NDArray reuse) {
        geometry(x.shape(), w);
        checkGradient(g);
        int ckk = chans * kh * kw, ohw = oh * ow;
        col = grow(col, ckk * ohw);
        gb = grow(gb, nf * ohw);
        prod = grow(prod, nf * ckk);
        wf = grow(wf, nf * ckk);
        java.util.Arrays.fill(wf, 0, nf * ckk, 0.0);
        for (int b = 0; b < batch; b++) {
            im2col(x.data(), b);
            System.arraycopy(g.data(), b * nf * ohw, gb, 0, nf * ohw);
            Gemm.multiply(gb, nf, ohw, false, col, ckk, ohw, true, prod, nf, ckk, ohw, workspace);
            for (int i = 0; i < nf * ckk; i++) wf[i] += prod[i];
        }
        NDArray out = output(reuse, nf, chans, kh, kw);
        double[] o = out.data();
        int kk = kh * kw;
        for (int fc = 0; fc < nf * chans; fc++) { // the gradient of the flipped filters, flipped back
            for (int u = 0; u < kh; u++) {
                for (int v = 0; v < kw; v++) {
                    int src = op.flip() ? (kh - 1 - u) * kw + (kw - 1 - v) : u * kw + v;
                    o[fc * kk + u * kw + v] = wf[fc * kk + src];
                }
            }
        }
        return out;
    }

    /** conv2d_transpose's output_shape, given as an int vector: four non-negative sizes. */
    private void inputShape(NDArray shape, NDArray w) {
        if (shape.size() != 4) {
            throw Kernels.shapeError(node, "conv2d_transpose: output_shape has " + shape.size() + " entries, expected 4",
                    "give (batch, channels, rows, cols)");
        }
        double[] d = shape.data();
        for (int i = 0; i < 4; i++) {
            if (d[i] < 0) throw Kernels.shapeError(node, "conv2d_transpose: negative size in output_shape", null);
            transposeShape[i] = (int) d[i];
        }
        geometry(transposeShape, w);
    }

    /** Reads the shapes of an input and the filters, checks they fit together and sets the output size. */
    private void geometry(int[] xs, NDArray w) {
        batch = xs[0];
        chans = xs[1];
        rows = xs[2];
        cols = xs[3];
        nf = w.dim(0);
        kh = w.dim(2);
        kw = w.dim(3);
        if (w.dim(1) != chans) {
            throw Kernels.shapeError(node, "conv2d: the input has " + chans + " channel(s) but the filters expect "
                    + w.dim(1) + " (input " + NDArray.shapeString(xs) + ", filters " + NDArray.shapeString(w.shape()) + ")",
                    "axis 1 of the input (batch, channels, rows, cols) must equal axis 1 of the filters "
                    + "(filters, channels, rows, cols)");
        }
        ph = op.pad(0, kh);
        pw = op.pad(1, kw);
        oh = op.outLength(0, rows, kh);
        ow = op.outLength(1, cols, kw);
        if (oh <= 0 || ow <= 0 || kh == 0 || kw == 0) {
            throw Kernels.shapeError(node, "conv2d: the filters " + NDArray.shapeString(w.shape()) + " do not fit in the input "
                    + NDArray.shapeString(xs) + " with border_mode='" + op.borderName() + "'"
                    + (op.dilH() != 1 || op.dilW() != 1 ? " and filter_dilation=(" + op.dilH() + ", " + op.dilW() + ")" : ""),
                    "in 'valid' mode each filter must be at most as large as the image; use border_mode='full' or "
                    + "'half', or pad the input");
        }
    }

    private void checkGradient(NDArray g) {
        if (g.rank() != 4 || g.dim(0) != batch || g.dim(1) != nf || g.dim(2) != oh || g.dim(3) != ow) {
            throw Kernels.shapeError(node, "conv2d gradient: the output gradient has shape " + NDArray.shapeString(g.shape())
                    + ", expected (" + batch + ", " + nf + ", " + oh + ", " + ow + ")", "the gradient must be shaped like conv2d's output");
        }
    }

    /** W' as an (F x C*kh*kw) row-major matrix: the filters, each flipped in both axes for a true convolution. */
    private void flipFilters(NDArray w) {
        int n = nf * chans * kh * kw, kk = kh * kw;
        wf = grow(wf, n);
        double[] s = w.data();
        if (!op.flip()) {
            System.arraycopy(s, 0, wf, 0, n);
            return;
        }
        for (int fc = 0; fc < nf * chans; fc++) {
            int base = fc * kk;
            for (int i = 0; i < kk; i++) wf[base + i] = s[base + kk - 1 - i];
        }
    }

    /** col[(c, u, v)][(i, j)] = x[b, c, i*sh - ph + u*dh, j*sw - pw + v*dw], zero outside the image. */
    private void im2col(double[] x, int b) {
        int sh = op.strideH(), sw = op.strideW(), dh = op.dilH(), dw = op.dilW(), ohw = oh * ow;
        int r = 0;
        for (int c = 0; c < chans; c++) {
            int plane = (b * chans + c) * rows * cols;
            for (int u = 0; u < kh; u++) {
                for (int v = 0; v < kw; v++, r++) {
                    int base = r * ohw;
                    for (int i = 0; i < oh; i++) {
                        int xi = i * sh - ph + u * dh, dst = base + i * ow;
                        if (xi < 0 || xi >= rows) {
                            java.util.Arrays.fill(col, dst, dst + ow, 0.0);
                            continue;
                        }
                        int src = plane + xi * cols, xj = v * dw - pw;
                        for (int j = 0; j < ow; j++, xj += sw) col[dst + j] = xj >= 0 && xj < cols ? x[src + xj] : 0.0;
                    }
                }
            }
        }
    }

    /** The adjoint of im2col: adds every column entry back onto the input pixel it was read from. */
    private void col2im(double[] dx, int b) {
        int sh = op.strideH(), sw = op.strideW(), dh = op.dilH(), dw = op.dilW(), ohw = oh * ow;
        int r = 0;
        for (int c = 0; c < chans; c++) {
            int plane = (b * chans + c) * rows * cols;
            for (int u = 0; u < kh; u++) {
                for (int v = 0; v < kw; v++, r++) {
                    int base = r * ohw;
                    for (int i = 0; i < oh; i++) {
                        int xi = i * sh - ph + u * dh;
                        if (xi < 0 || xi >= rows) continue;
                        int dst = plane + xi * cols, src = base + i * ow, xj = v * dw - pw;
                        for (int j = 0; j < ow; j++, xj += sw) if (xj >= 0 && xj < cols) dx[dst + xj] += col[src + j];
                    }
                }
            }
        }
    }

    private NDArray output(NDArray reuse, int d0, int d1, int d2, int d3) {
        outShape[0] = d0;
        outShape[1] = d1;
        outShape[2] = d2;
        outShape[3] = d3;
        return Kernels.output(reuse, dtype, outShape);
    }

    private static double[] grow(double[] buf, int size) {
        return buf.length >= size ? buf : new double[size];
    }
}
