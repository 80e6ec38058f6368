package tdl.eval;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.ops.FusedElemwiseOp;
import tdl.graph.ops.Scalar;

/**
 * Runs a {@link FusedElemwiseOp} in chunks of {@link #CHUNK} elements: each instruction's chunk
 * lives in a small scratch row that stays in the L1 cache, so the inputs are read once and the
 * output written once, without full-size intermediates. Inputs of the output's size are read in
 * place, scalars and rows are spread into the chunk, any other broadcast is expanded once per
 * call. The scalar functions are those of {@link Scalar} table's, so the numbers equal the unfused ones.
 * A large output is computed in two halves on the function's two threads ({@link ElementHalves}),
 * each with scratch rows of its own: an element's value does not depend on which half computes it.
 */
final class FusedKernel implements Kernel {
    static final int CHUNK = 256;

    private final Apply node;
    private final Scalar[] ops;
    private final int[][] args;
    private final DoubleUnaryOperator[] unary;
    private final DoubleBinaryOperator[] binary;
    private final double[][][] regs;   // [half][instruction][CHUNK]
    private final double[][][] spread; // [half][input][CHUNK]
    private final double[][] expanded;
    private final ChunkLayout[] layout;
    private final double[][] src;
    // the broadcast result shape when no input has it, and the expand loop's strides: kept, refilled per call
    private final int[] shapeScratch;
    private final int[] st4 = new int[4], sh4 = new int[4];
    private final ElementHalves halves;
    // the current call's output and caller (whose interrupt stops both halves), read by both halves
    private double[] outData;
    private Thread owner;
    private int rowCols; // the rows' length when row inputs are read in place, else 0

    /** With {@code team}, a large output is computed in two halves on its two threads. */
    FusedKernel(Apply node, Team team) {
        this.node = node;
        List<FusedElemwiseOp.Instr> program = ((FusedElemwiseOp) node.op()).program();
        int n = program.size();
        ops = new Scalar[n];
        args = new int[n][];
        unary = new DoubleUnaryOperator[n];
        binary = new DoubleBinaryOperator[n];
        for (int i = 0; i < n; i++) {
            ops[i] = program.get(i).scalar();
            args[i] = program.get(i).args();
            if (ops[i].numeric() instanceof Scalar.Numeric.Unary r) unary[i] = r.f();
            else if (ops[i].numeric() instanceof Scalar.Numeric.Binary r) binary[i] = r.f();
            else throw new IllegalArgumentException("fusion takes no ternary " + ops[i]);
        }
        regs = new double[2][n][CHUNK];
        int nIn = node.inputs().size();
        spread = new double[2][nIn][CHUNK];
        expanded = new double[nIn][];
        layout = new ChunkLayout[nIn];
        src = new double[nIn][];
        shapeScratch = new int[node.output().rank()];
        halves = new ElementHalves(team, this::compute);
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        int[] shape = in[0].shape();
        for (int i = 1; i < in.length; i++) {
            int[] s = Broadcast.shape(shape, in[i].shape(), shapeScratch);
            if (s == null) throw Kernels.broadcastError(node, "a fused elementwise expression", shape, in[i].shape());
            shape = s;
        }
        NDArray out = Kernels.output(reuse, DType.FLOAT64, shape);
        double[] o = out.data();
        int total = o.length;
        for (int i = 0; i < in.length; i++) {
            double[] d = in[i].data();
            if (d.length == total) layout[i] = ChunkLayout.FULL;
            else if (d.length == 1) layout[i] = ChunkLayout.SCALAR;
            else if (ChunkLayout.isRow(in[i].shape(), shape)) layout[i] = ChunkLayout.ROW;
            else {
                d = expand(i, in[i], shape, total);
                layout[i] = ChunkLayout.FULL;
            }
            src[i] = d;
        }
        this.rowCols = ChunkLayout.rowCols(layout, shape);
        this.outData = o;
        this.owner = Thread.currentThread();
        try {
            halves.run(total);
        } finally {
            this.outData = null; // keep no arrays alive between calls
            this.owner = null;
            java.util.Arrays.fill(src, null);
        }
        return out;
    }

    /** Elements [from, to) of the output, with half {@code part}'s scratch rows. */
    private void compute(int part, int from, int to) {
        double[][] regs = this.regs[part], spread = this.spread[part];
        double[] o = outData;
        int last = ops.length - 1, nIn = src.length, cols = rowCols;
        for (int i = 0; i < nIn; i++) if (layout[i] == ChunkLayout.SCALAR) java.util.Arrays.fill(spread[i], src[i][0]);
        int col = cols == 0 ? 0 : from % cols;
        for (int base = from, chunks = 0, len; base < to; base += len) {
            if ((chunks++ & 63) == 0) tdl.graph.Interrupts.check(owner); // a huge array stops between chunks
            len = Math.min(CHUNK, to - base);
            if (cols != 0) { // a chunk ends at its row's end, so rows are read where they are
                len = Math.min(len, cols - col);
            } else {
                for (int i = 0; i < nIn; i++) if (layout[i] == ChunkLayout.ROW) fillRow(src[i], base, len, spread[i]);
            }
            for (int k = 0; k <= last; k++) {
                double[] dst = k == last ? o : regs[k];
                int dOff = k == last ? base : 0;
                int[] a = args[k];
                double[] x = operand(a[0], regs, spread);
                int xo = offset(a[0], base, col);
                if (a.length == 1) {
                    FusedLoops.unary(ops[k], unary[k], x, xo, dst, dOff, len);
                } else {
                    double[] y = operand(a[1], regs, spread);
                    FusedLoops.binary(ops[k], binary[k], x, xo, y, offset(a[1], base, col), dst, dOff, len);
                }
            }
            if (cols != 0 && (col += len) == cols) col = 0;
        }
    }

    private double[] operand(int arg, double[][] regs, double[][] spread) {
        if (arg < 0) return regs[-1 - arg];
        return layout[arg].inPlace(rowCols) ? src[arg] : spread[arg];
    }

    private int offset(int arg, int base, int col) {
        return arg < 0 ? 0 : layout[arg].offset(base, col, rowCols);
    }

    private static void fillRow(double[] row, int base, int len, double[] dst) {
        int cols = row.length;
        int j = base % cols;
        for (int i = 0; i < len; i++) {
            dst[i] = row[j];
            if (++j == cols) j = 0;
        }
    }

    /** An input broadcast some other way, copied out to the full output shape (buffer kept). */
    private double[] expand(int i, NDArray x, int[] shape, int total) {
        if (expanded[i] == null || expanded[i].length != total) expanded[i] = new double[total];
        double[] e = expanded[i], d = x.data();
        int[] st = Broadcast.strides4(x.shape(), shape, st4), sh = Broadcast.pad4(shape, sh4);
        int k = 0;
        for (int i0 = 0; i0 < sh[0]; i0++)
            for (int i1 = 0; i1 < sh[1]; i1++)
                for (int i2 = 0; i2 < sh[2]; i2++)
                    for (int i3 = 0; i3 < sh[3]; i3++) e[k++] = d[i0 * st[0] + i1 * st[1] + i2 * st[2] + i3 * st[3]];
        return e;
    }
}
