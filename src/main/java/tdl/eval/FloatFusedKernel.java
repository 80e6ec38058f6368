package tdl.eval;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.FusedElemwiseOp;
import tdl.graph.ops.Scalar;

/**
 * {@link FusedKernel} on float[] for float32 nodes: the same chunked program (each instruction's
 * chunk in a small scratch row, inputs read once, the output written once), with {@link FloatLoops}
 * computing every instruction in float32. A single float32 elementwise node runs here too, as a
 * one-instruction program, so a float32 expression gives the same numbers fused or not. Inputs of
 * a dtype other than float32 (bool and small integers, which float32 holds exactly) are converted
 * to floats once per call.
 */
final class FloatFusedKernel implements Float32Native {
    private static final int CHUNK = FusedKernel.CHUNK;

    private final Apply node;
    private final Scalar[] ops;
    private final int[][] args;
    private final DoubleUnaryOperator[] unary;
    private final DoubleBinaryOperator[] binary;
    private final float[][][] regs;   // [half][instruction][CHUNK]
    private final double[][][] wide;  // [half][2][CHUNK]: softplus widened (FloatLoops), null without one
    private final float[][][] spread; // [half][input][CHUNK]
    private final float[][] expanded;
    private final float[][] converted;
    private final ChunkLayout[] layout;
    private final float[][] src;
    private final int[] shapeScratch;
    private final int[] st4 = new int[4], sh4 = new int[4];
    // a single unary node over a whole array (the float32 RBM's sigmoids): no chunks, and large
    // arrays in two halves on the team's threads; null for every other program
    private final ElementHalves unaryHalves;
    private float[] ux, uo; // the current call's arrays, read by both halves
    // any other program: large outputs in two halves, each with scratch rows of its own
    private final ElementHalves halves;
    private float[] outData;
    private Thread owner; // whose interrupt stops both halves
    private int rowCols; // the rows' length when row inputs are read in place, else 0

    /** A fused float32 node. */
    static FloatFusedKernel fused(Apply node, Team team) {
        return new FloatFusedKernel(node, ((FusedElemwiseOp) node.op()).program(), team);
    }

    /**
     * A single float32 elementwise node of one or two operands, as a one-instruction program; a
     * unary one over a large array runs in two halves on {@code team}'s threads.
     */
    static FloatFusedKernel single(Apply node, Team team) {
        Scalar s = ((ElemwiseOp) node.op()).scalar();
        int[] a = s.arity() == 1 ? new int[] {0} : new int[] {0, 1};
        return new FloatFusedKernel(node, List.of(new FusedElemwiseOp.Instr(s, a)), team);
    }

    /**
     * Whether a float32 elementwise node runs here: one or two operands, a float32 result, operands
     * float32 or of a dtype float32 holds exactly (bool, int8, int16, uint8).
     */
    static boolean serves(Apply node) {
        if (!(node.op() instanceof ElemwiseOp e) || node.output().dtype() != DType.FLOAT32) return false;
        Scalar s = e.scalar();
        if (s.arity() > 2 || s.isPredicate()) return false;
        List<DType> in = new java.util.ArrayList<>(node.inputs().size());
        for (var v : node.inputs()) in.add(v.dtype());
        return FusedElemwiseOp.fusable(DType.FLOAT32, in);
    }

    private FloatFusedKernel(Apply node, List<FusedElemwiseOp.Instr> program, Team team) {
        this.node = node;
        int n = program.size();
        ops = new Scalar[n];
        args = new int[n][];
        unary = new DoubleUnaryOperator[n];
        binary = new DoubleBinaryOperator[n];
        for (int i = 0; i < n; i++) {
            ops[i] = program.get(i).scalar();
            args[i] = program.get(i).args();
            if (ops[i].numeric() instanceof Scalar.Numeric.Unary r) unary[i] = r.forOutput(DType.FLOAT32);
            else if (ops[i].numeric() instanceof Scalar.Numeric.Binary r) binary[i] = r.forOutput(DType.FLOAT32);
            else throw new IllegalArgumentException("fusion takes no ternary " + ops[i]);
        }
        regs = new float[2][n][CHUNK];
        wide = java.util.Arrays.asList(ops).contains(Scalar.SOFTPLUS) ? new double[2][2][CHUNK] : null;
        int nIn = node.inputs().size();
        spread = new float[2][nIn][CHUNK];
        expanded = new float[nIn][];
        converted = new float[nIn][];
        layout = new ChunkLayout[nIn];
        src = new float[nIn][];
        shapeScratch = new int[node.output().rank()];
        unaryHalves = n == 1 && program.get(0).args().length == 1 ? new ElementHalves(team, this::unaryRange) : null;
        halves = new ElementHalves(team, this::compute);
    }

    private void unaryRange(int part, int from, int to) {
        FloatLoops.unary(ops[0], unary[0], ux, from, uo, from, to - from, wide == null ? null : wide[part]);
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        int[] shape = in[0].shape();
        for (int i = 1; i < in.length; i++) {
            int[] s = Broadcast.shape(shape, in[i].shape(), shapeScratch);
            if (s == null) throw Kernels.broadcastError(node, "a fused elementwise expression", shape, in[i].shape());
            shape = s;
        }
        NDArray out = Kernels.nativeOutput(reuse, DType.FLOAT32, shape);
        float[] o = out.floats();
        int total = o.length;
        for (int i = 0; i < in.length; i++) {
            float[] d = floatsOf(i, in[i]);
            if (d.length == total) layout[i] = ChunkLayout.FULL;
            else if (d.length == 1) layout[i] = ChunkLayout.SCALAR;
            else if (ChunkLayout.isRow(in[i].shape(), shape)) layout[i] = ChunkLayout.ROW;
            else {
                d = expand(i, d, in[i].shape(), shape, total);
                layout[i] = ChunkLayout.FULL;
            }
            src[i] = d;
        }
        try {
            if (unaryHalves != null && layout[0] == ChunkLayout.FULL) {
                ux = src[0];
                uo = o;
                unaryHalves.run(total);
            } else {
                rowCols = ChunkLayout.rowCols(layout, shape);
                outData = o;
                owner = Thread.currentThread();
                halves.run(total);
            }
        } finally {
            java.util.Arrays.fill(src, null); // keep no operands alive between calls
            ux = uo = outData = null;
            owner = null;
        }
        return out;
    }

    /** Elements [from, to) of the output, with half {@code part}'s scratch rows. */
    private void compute(int part, int from, int to) {
        float[][] regs = this.regs[part], spread = this.spread[part];
        float[] o = outData;
        int last = ops.length - 1, nIn = src.length, cols = rowCols;
        for (int i = 0; i < nIn; i++) if (layout[i] == ChunkLayout.SCALAR) java.util.Arrays.fill(spread[i], src[i][0]);
        int col = cols == 0 ? 0 : from % cols;
        for (int base = from, chunks = 0, len; base < to; base += len) {
            if ((chunks++ & 63) == 0) tdl.graph.Interrupts.check(owner);
            len = Math.min(CHUNK, to - base);
            if (cols != 0) { // a chunk ends at its row's end, so rows are read where they are
                len = Math.min(len, cols - col);
            } else {
                for (int i = 0; i < nIn; i++) if (layout[i] == ChunkLayout.ROW) fillRow(src[i], base, len, spread[i]);
            }
            for (int k = 0; k <= last; k++) {
                float[] dst = k == last ? o : regs[k];
                int dOff = k == last ? base : 0;
                int[] a = args[k];
                float[] x = operand(a[0], regs, spread);
                int xo = offset(a[0], base, col);
                if (a.length == 1) {
                    FloatLoops.unary(ops[k], unary[k], x, xo, dst, dOff, len, wide == null ? null : wide[part]);
                } else {
                    FloatLoops.binary(ops[k], binary[k], x, xo, operand(a[1], regs, spread), offset(a[1], base, col), dst, dOff, len);
                }
            }
            if (cols != 0 && (col += len) == cols) col = 0;
        }
    }

    /** The input's floats: its storage for float32, else a conversion kept in scratch (exact for the dtypes served). */
    private float[] floatsOf(int i, NDArray x) {
        if (x.isFloats()) return x.floats();
        double[] d = x.data();
        if (converted[i] == null || converted[i].length != d.length) converted[i] = new float[d.length];
        float[] f = converted[i];
        for (int k = 0; k < d.length; k++) f[k] = (float) d[k];
        return f;
    }

    private float[] operand(int arg, float[][] regs, float[][] spread) {
        if (arg < 0) return regs[-1 - arg];
        return layout[arg].inPlace(rowCols) ? src[arg] : spread[arg];
    }

    private int offset(int arg, int base, int col) {
        return arg < 0 ? 0 : layout[arg].offset(base, col, rowCols);
    }

    private static void fillRow(float[] row, int base, int len, float[] dst) {
        int cols = row.length;
        int j = base % cols;
        for (int i = 0; i < len; i++) {
            dst[i] = row[j];
            if (++j == cols) j = 0;
        }
    }

    private float[] expand(int i, float[] d, int[] xShape, int[] shape, int total) {
        if (expanded[i] == null || expanded[i].length != total) expanded[i] = new float[total];
        float[] e = expanded[i];
        int[] st = Broadcast.strides4(xShape, shape, st4), sh = Broadcast.pad4(shape, sh4);
        int k = 0;
        for (int i0 = 0; i0 < sh[0]; i0++)
            for (int i1 = 0; i1 < sh[1]; i1++)
                for (int i2 = 0; i2 < sh[2]; i2++)
                    for (int i3 = 0; i3 < sh[3]; i3++) e[k++] = d[i0 * st[0] + i1 * st[1] + i2 * st[2] + i3 * st[3]];
        return e;
    }
}
