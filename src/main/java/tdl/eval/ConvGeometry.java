package tdl.eval;

import tdl.graph.ops.Conv2dOp;

/**
 * The sizes of one convolution call and the two data movements its products need: im2col (a chunk
 * of images unrolled into one column matrix, so one product covers many images) and its adjoint
 * col2im. The chunk's matrix has one row per (channel, filter row, filter col) and one column per
 * (image of the chunk, output pixel): row stride count * oh * ow. Mutable, one per kernel: the
 * kernel sets it at the start of every call and its two halves only read it.
 */
final class ConvGeometry {
    int batch, chans, rows, cols, nf, kh, kw, ph, pw, oh, ow, sh, sw, dh, dw;

    void set(Conv2dOp op, int[] xs, int nf, int kh, int kw) {
        batch = xs[0];
        chans = xs[1];
        rows = xs[2];
        cols = xs[3];
        this.nf = nf;
        this.kh = kh;
        this.kw = kw;
        ph = op.pad(0, kh);
        pw = op.pad(1, kw);
        oh = op.outLength(0, rows, kh);
        ow = op.outLength(1, cols, kw);
        sh = op.strideH();
        sw = op.strideW();
        dh = op.dilH();
        dw = op.dilW();
    }

    int ckk() { return chans * kh * kw; }

    int ohw() { return oh * ow; }

    /** First output column j whose input column j*sw - pw + v*dw is inside the image. */
    private int firstInside(int v) {
        int need = pw - v * dw; // j*sw >= need
        return need <= 0 ? 0 : Math.min(ow, (need + sw - 1) / sw);
    }

    /** First output column j (at least lo) whose input column is past the image's last one. */
    private int firstPast(int v, int lo) {
        int need = cols + pw - v * dw; // j*sw >= need
        return need <= 0 ? lo : Math.max(lo, Math.min(ow, (need + sw - 1) / sw));
    }

    /**
     * col[(c, u, v)][(g, i, j)] = x[b0 + g, c, i*sh - ph + u*dh, j*sw - pw + v*dw] for the
     * {@code count} images from b0, zero outside the image.
     */
    void im2col(double[] x, int b0, int count, double[] col) {
        int ohw = oh * ow, stride = count * ohw;
        int r = 0;
        for (int c = 0; c < chans; c++) {
            for (int u = 0; u < kh; u++) {
                for (int v = 0; v < kw; v++, r++) {
                    int jlo = firstInside(v), jhi = firstPast(v, jlo), x0 = jlo * sw - pw + v * dw;
                    for (int g = 0; g < count; g++) {
                        int plane = ((b0 + g) * chans + c) * rows * cols, base = r * stride + g * ohw;
                        for (int i = 0; i < oh; i++) {
                            int xi = i * sh - ph + u * dh, dst = base + i * ow;
                            if (xi < 0 || xi >= rows) {
                                java.util.Arrays.fill(col, dst, dst + ow, 0.0);
                                continue;
                            }
                            if (jlo > 0) java.util.Arrays.fill(col, dst, dst + jlo, 0.0);
                            int src = plane + xi * cols + x0;
                            if (sw == 1) {
                                if (jhi > jlo) System.arraycopy(x, src, col, dst + jlo, jhi - jlo);
                            } else for (int j = jlo; j < jhi; j++, src += sw) col[dst + j] = x[src];
                            if (jhi < ow) java.util.Arrays.fill(col, dst + jhi, dst + ow, 0.0);
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #im2col}: adds every column entry onto the input pixel it was read from. */
    void col2im(double[] col, int b0, int count, double[] dx) {
        int ohw = oh * ow, stride = count * ohw;
        int r = 0;
        for (int c = 0; c < chans; c++) {
            for (int u = 0; u < kh; u++) {
                for (int v = 0; v < kw; v++, r++) {
                    int jlo = firstInside(v), jhi = firstPast(v, jlo), x0 = jlo * sw - pw + v * dw;
                    for (int g = 0; g < count; g++) {
                        int plane = ((b0 + g) * chans + c) * rows * cols, base = r * stride + g * ohw;
                        for (int i = 0; i < oh; i++) {
                            int xi = i * sh - ph + u * dh;
                            if (xi < 0 || xi >= rows) continue;
                            int dst = plane + xi * cols + x0, src = base + i * ow;
                            for (int j = jlo; j < jhi; j++, dst += sw) dx[dst] += col[src + j];
                        }
                    }
                }
            }
        }
    }
}
