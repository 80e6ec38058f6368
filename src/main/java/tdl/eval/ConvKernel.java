package tdl.eval;

import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.ops.Conv2dOp;

/**
 * The three faces of {@link Conv2dOp} as products: a chunk of images is unrolled into one column
 * matrix (im2col: one row per (channel, filter row, filter col), one column per (image, output
 * pixel)), so the convolution of the chunk is W' (F x CKK) times col (CKK x chunk*OHW), W' being
 * the filters flipped when filter_flip is set (true convolution). The input gradient is W'^T g
 * folded back (col2im), the filter gradient the sum over chunks of g col^T.
 *
 * <p>Why chunks and two threads: one image's product is small (LeNet's first layer: 20 x 25 x 576),
 * too small to split between cores product by product (the hand-off costs more than it saves, and
 * im2col stayed on one core); instead two threads (the caller and one of the pool) take chunks of
 * images in turn, each with its own scratch, so im2col, col2im and the copies run in parallel too.
 * Small images are grouped several to a chunk so the product is not tiny; LeNet's layers take one
 * image (first layer) and three (second: 192 columns fill the product kernel's strips). The
 * chunks depend on the shapes alone, every output element is computed by the same chain whichever
 * thread runs it, and the filter gradient is summed in fixed groups of chunks, so results do not
 * depend on the thread count or on which thread took which chunk. A batch that makes one chunk is
 * one product, which {@link Gemm} splits itself. Scratch buffers grow to the largest call seen and
 * are then reused: a steady-state call allocates nothing but a new output when the previous one
 * does not fit.
 */
final class ConvKernel implements Kernel {
    // a chunk's column matrix holds about this many doubles (128 KB), or one image's if more: small
    // enough to stay in cache between im2col and the product (LeNet, one core: 16K doubles a little
    // faster than 64K, 256K slower for the filter gradient)
    private static final long COL_BUDGET = 1 << 14;
    // below this many multiply-adds a call is not worth handing half of to another thread
    private static final long PARALLEL_WORK = 150_000;
    // the filter gradient is summed in at most this many fixed groups of chunks, one partial sum each
    private static final int GROUPS = 8;

    private final Apply node;
    private final Conv2dOp op;
    private final DType dtype;
    private final ConvGeometry geo = new ConvGeometry();
    private final ConvScratch[] halves = {new ConvScratch(), new ConvScratch()};
    private final Gemm.Workspace workspace;
    private final Team team;
    private final Job job = new Job();
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    private final int[] outShape = new int[4], transposeShape = new int[4];
    private double[] wf = new double[0];

    // the current call: images per chunk, number of chunks, units of work (chunks, or groups of
    // chunks for the filter gradient), the arrays
    private int chunk, chunks, units;
    private boolean transposedFilterGrad;
    private double[] xd, gd, od, partials = new double[0];
    private Thread owner;

    ConvKernel(Apply node, Team team) {
        this.team = team;
        this.workspace = new Gemm.Workspace(team);
        this.node = node;
        this.op = (Conv2dOp) node.op();
        this.dtype = node.output().dtype();
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        try {
            return switch (op.role()) {
                case FORWARD -> forward(in[0], in[1], reuse);
                case GRAD_INPUTS -> gradInputs(in[0], in[1], in[2], reuse);
                case GRAD_FILTERS -> gradFilters(in[0], in[1], in[2], reuse);
            };
        } finally {
            xd = gd = od = null; // keep no caller arrays alive between calls
            owner = null;
        }
    }

    private NDArray forward(NDArray x, NDArray w, NDArray reuse) {
        geometry(x.shape(), w);
        flipFilters(w);
        NDArray out = output(reuse, geo.batch, geo.nf, geo.oh, geo.ow);
        xd = x.data();
        od = out.data();
        runHalves();
        return out;
    }

    private NDArray gradInputs(NDArray g, NDArray w, NDArray x, NDArray reuse) {
        if (x.rank() == 1) inputShape(x, w);
        else geometry(x.shape(), w);
        checkGradient(g);
        flipFilters(w);
        NDArray out = output(reuse, geo.batch, geo.chans, geo.rows, geo.cols);
        gd = g.data();
        od = out.data();
        runHalves();
        return out;
    }

    private NDArray gradFilters(NDArray x, NDArray g, NDArray w, NDArray reuse) {
        geometry(x.shape(), w);
        checkGradient(g);
        int nf = geo.nf, ckk = geo.ckk();
        // the product's output is F x CKK or its transpose: whichever wastes less of the kernel's
        // column strips (LeNet's first layer: 25 x 20 fills one strip, 20 x 25 two)
        transposedFilterGrad = paddedWork(ckk, nf) < paddedWork(nf, ckk);
        xd = x.data();
        gd = g.data();
        runHalves();
        // the groups' partial sums added in group order: the same numbers whichever thread ran which
        double[] sum = partials;
        int size = nf * ckk;
        if (units == 0) java.util.Arrays.fill(sum, 0, size, 0.0); // no images: no gradient
        for (int u = 1; u < units; u++) {
            for (int i = 0, o = u * size; i < size; i++) sum[i] += sum[o + i];
        }
        NDArray out = output(reuse, nf, geo.chans, geo.kh, geo.kw);
        double[] o = out.data();
        int kk = geo.kh * geo.kw, kw = geo.kw, kh = geo.kh;
        for (int f = 0; f < nf; f++) { // the gradient of the flipped filters, flipped back
            for (int c = 0; c < geo.chans; c++) {
                for (int u = 0; u < kh; u++) {
                    for (int v = 0; v < kw; v++) {
                        int src = op.flip() ? (kh - 1 - u) * kw + (kw - 1 - v) : u * kw + v;
                        int r = c * kk + src; // the row of (c, u', v') in W'
                        o[(f * geo.chans + c) * kk + u * kw + v] = transposedFilterGrad ? sum[r * nf + f] : sum[f * ckk + r];
                    }
                }
            }
        }
        return out;
    }

    /** Multiply-adds the product kernel spends on an m x n output: columns go in strips of STRIP. */
    private static long paddedWork(int m, int n) {
        int strip = Gemm.VECTOR ? VectorGemm.STRIP : 1;
        return (long) m * ((n + strip - 1) / strip) * strip;
    }

    /**
     * Picks the chunking for the current geometry and runs the units of work on two threads when
     * worth it. Each thread takes the next unit until none is left, so a core that another program
     * holds up does not leave the other waiting with half the work (a fixed split would).
     */
    private void runHalves() {
        int batch = geo.batch;
        long perImage = Math.max(1L, (long) geo.ckk() * geo.ohw());
        chunk = stripAligned((int) Math.max(1, Math.min(COL_BUDGET / perImage, (batch + 1) / 2)), geo.ohw(), (batch + 1) / 2);
        chunks = batch == 0 ? 0 : (batch + chunk - 1) / chunk;
        units = op.role() == Conv2dOp.Role.GRAD_FILTERS ? Math.min(chunks, GROUPS) : chunks;
        if (op.role() == Conv2dOp.Role.GRAD_FILTERS) {
            partials = ConvScratch.grow(partials, Math.max(1, units) * geo.nf * geo.ckk());
        }
        owner = Thread.currentThread();
        next.set(0);
        long work = (long) batch * geo.nf * geo.ckk() * geo.ohw();
        if (chunks >= 2 && work >= PARALLEL_WORK) {
            team.run(job);
        } else {
            job.run(0);
        }
    }

    /**
     * The chunk size near {@code g} images (up to twice as many, and at most {@code max}) whose
     * columns fill the product kernel's strips exactly, or g itself: LeNet's second layer has 64
     * output pixels an image, so one image leaves its last strip of 24 a third empty and three
     * images (192 columns) fill eight.
     */
    private static int stripAligned(int g, int ohw, int max) {
        if (!Gemm.VECTOR) return g;
        int strip = VectorGemm.STRIP;
        for (int c = g; c <= Math.min(2 * g + 1, max); c++) if ((long) c * ohw % strip == 0) return c;
        return g;
    }

    /** One thread's share of a call: units taken in turn, with that thread's own scratch. */
    private final class Job implements Team.Parts {
        @Override
        public void run(int part) {
            ConvScratch s = halves[part];
            for (int u = next.getAndIncrement(); u < units; u = next.getAndIncrement()) {
                switch (op.role()) {
                    case FORWARD -> forwardChunk(s, u);
                    case GRAD_INPUTS -> gradInputsChunk(s, u);
                    case GRAD_FILTERS -> {
                        // group u: chunks [u * chunks / units, (u + 1) * chunks / units), summed in order
                        int from = (int) ((long) u * chunks / units), to = (int) ((long) (u + 1) * chunks / units);
                        for (int c = from; c < to; c++) gradFiltersChunk(s, c, u * geo.nf * geo.ckk(), c == from);
                    }
                }
            }
        }
    }

    private int count(int c) { return Math.min(chunk, geo.batch - c * chunk); }

    private void forwardChunk(ConvScratch s, int c) {
        int b0 = c * chunk, n = count(c), nf = geo.nf, ckk = geo.ckk(), ohw = geo.ohw(), k = n * ohw;
        s.col = ConvScratch.grow(s.col, ckk * k);
        s.prod = ConvScratch.grow(s.prod, nf * k);
        geo.im2col(xd, b0, n, s.col);
        product(s, wf, nf, ckk, false, s.col, ckk, k, false, s.prod, nf, k, ckk);
        for (int f = 0; f < nf; f++) {
            for (int g = 0; g < n; g++) System.arraycopy(s.prod, f * k + g * ohw, od, ((b0 + g) * nf + f) * ohw, ohw);
        }
    }

    private void gradInputsChunk(ConvScratch s, int c) {
        int b0 = c * chunk, n = count(c), nf = geo.nf, ckk = geo.ckk(), k = n * geo.ohw();
        s.col = ConvScratch.grow(s.col, ckk * k);
        gatherGradient(s, b0, n);
        product(s, wf, nf, ckk, true, s.gch, nf, k, false, s.col, ckk, k, nf);
        int image = geo.chans * geo.rows * geo.cols;
        java.util.Arrays.fill(od, b0 * image, (b0 + n) * image, 0.0);
        geo.col2im(s.col, b0, n, od);
    }

    /** Adds chunk c's filter gradient to the partial sum at {@code at} in partials (writes it, when first). */
    private void gradFiltersChunk(ConvScratch s, int c, int at, boolean first) {
        int b0 = c * chunk, n = count(c), nf = geo.nf, ckk = geo.ckk(), k = n * geo.ohw();
        s.col = ConvScratch.grow(s.col, ckk * k);
        geo.im2col(xd, b0, n, s.col);
        gatherGradient(s, b0, n);
        s.prod = ConvScratch.grow(s.prod, nf * ckk);
        if (transposedFilterGrad) product(s, s.col, ckk, k, false, s.gch, nf, k, true, s.prod, ckk, nf, k);
        else product(s, s.gch, nf, k, false, s.col, ckk, k, true, s.prod, nf, ckk, k);
        if (first) System.arraycopy(s.prod, 0, partials, at, nf * ckk);
        else for (int i = 0; i < nf * ckk; i++) partials[at + i] += s.prod[i];
    }

    /** gch[f][(g, pixel)] = grad[b0 + g, f, pixel]: the chunk's output gradient as one F x chunk*OHW matrix. */
    private void gatherGradient(ConvScratch s, int b0, int n) {
        int nf = geo.nf, ohw = geo.ohw(), k = n * ohw;
        s.gch = ConvScratch.grow(s.gch, nf * k);
        for (int f = 0; f < nf; f++) {
            for (int g = 0; g < n; g++) System.arraycopy(gd, ((b0 + g) * nf + f) * ohw, s.gch, f * k + g * ohw, ohw);
        }
    }

    /**
     * C = op(A)·op(B) for one chunk. A call of one chunk is one product that {@link Gemm} may split
     * between the cores; otherwise the halves already use both, so each product runs where it is.
     */
    private void product(ConvScratch s, double[] a, int ar, int ac, boolean ta, double[] b, int br, int bc, boolean tb,
                         double[] c, int m, int n, int k) {
        if (chunks == 1 || !Gemm.VECTOR || k == 0 || m == 0 || n == 0) {
            Gemm.multiply(a, ar, ac, ta, b, br, bc, tb, c, m, n, k, workspace);
            return;
        }
        s.panel = ConvScratch.grow(s.panel, VectorGemm.panelSize(k));
        int ars = ta ? 1 : k, acs = ta ? m : 1, brs = tb ? 1 : n, bcs = tb ? k : 1;
        VectorGemm.multiply(a, ars, acs, b, brs, bcs, c, k, n, 0, m, 0, n, s.panel, owner);
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
        if (w.dim(1) != xs[1]) {
            throw Kernels.shapeError(node, "conv2d: the input has " + xs[1] + " channel(s) but the filters expect "
                    + w.dim(1) + " (input " + NDArray.shapeString(xs) + ", filters " + NDArray.shapeString(w.shape()) + ")",
                    "axis 1 of the input (batch, channels, rows, cols) must equal axis 1 of the filters "
                    + "(filters, channels, rows, cols)");
        }
        geo.set(op, xs, w.dim(0), w.dim(2), w.dim(3));
        if (geo.oh <= 0 || geo.ow <= 0 || geo.kh == 0 || geo.kw == 0) {
            throw Kernels.shapeError(node, "conv2d: the filters " + NDArray.shapeString(w.shape()) + " do not fit in the input "
                    + NDArray.shapeString(xs) + " with border_mode='" + op.borderName() + "'"
                    + (op.dilH() != 1 || op.dilW() != 1 ? " and filter_dilation=(" + op.dilH() + ", " + op.dilW() + ")" : ""),
                    "in 'valid' mode each filter must be at most as large as the image; use border_mode='full' or "
                    + "'half', or pad the input");
        }
    }

    private void checkGradient(NDArray g) {
        if (g.rank() != 4 || g.dim(0) != geo.batch || g.dim(1) != geo.nf || g.dim(2) != geo.oh || g.dim(3) != geo.ow) {
            throw Kernels.shapeError(node, "conv2d gradient: the output gradient has shape " + NDArray.shapeString(g.shape())
                    + ", expected (" + geo.batch + ", " + geo.nf + ", " + geo.oh + ", " + geo.ow + ")",
                    "the gradient must be shaped like conv2d's output");
        }
    }

    /** W' as an (F x C*kh*kw) row-major matrix: the filters, each flipped in both axes for a true convolution. */
    private void flipFilters(NDArray w) {
        int kk = geo.kh * geo.kw, n = geo.nf * geo.chans * kk;
        wf = ConvScratch.grow(wf, n);
        double[] s = w.data();
        if (!op.flip()) {
            System.arraycopy(s, 0, wf, 0, n);
            return;
        }
        for (int fc = 0; fc < geo.nf * geo.chans; fc++) {
            int base = fc * kk;
            for (int i = 0; i < kk; i++) wf[base + i] = s[base + kk - 1 - i];
        }
    }

    private NDArray output(NDArray reuse, int d0, int d1, int d2, int d3) {
        outShape[0] = d0;
        outShape[1] = d1;
        outShape[2] = d2;
        outShape[3] = d3;
        return Kernels.output(reuse, dtype, outShape);
    }
}
