package tdl.eval;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.Scalar;

/**
 * Elementwise kernel with the scalar function chosen once. Same-shape, scalar-operand and
 * matrix-plus-row cases run as flat loops; other broadcasts use four nested strided loops.
 */
final class ElemwiseKernel implements Kernel {
    private final Apply node;
    private final Scalar scalar;
    private final DType outDtype;
    private final DoubleUnaryOperator u;
    private final DoubleBinaryOperator b;
    private final Scalar.TernaryOperator t;
    // float results only: integer arithmetic keeps the general path (its results are coerced anyway)
    private final boolean fastBinary;
    // the broadcast result shape when no input has it, and the strided loops' strides: kept, refilled per call
    private final int[] shapeScratch;
    private final int[] sa4 = new int[4], sb4 = new int[4], sc4 = new int[4], sh4 = new int[4];
    // float64 sigmoid, softplus and tanh (vector loops): large arrays in two halves on the team's threads
    private final ElementHalves vectorHalves;
    private double[] sx, so; // the current call's arrays, read by both halves

    /** With {@code team}, a large float64 sigmoid, softplus or tanh runs on its two threads. */
    ElemwiseKernel(Apply node, Team team) {
        this.node = node;
        this.scalar = ((ElemwiseOp) node.op()).scalar();
        this.outDtype = node.output().dtype();
        int arity = scalar.arity();
        this.u = scalar.numeric() instanceof Scalar.Numeric.Unary r ? r.forOutput(outDtype) : null;
        this.b = scalar.numeric() instanceof Scalar.Numeric.Binary r ? r.forOutput(outDtype) : null;
        this.t = scalar.numeric() instanceof Scalar.Numeric.Ternary r ? r.f() : null;
        this.fastBinary = FastLoops.hasBinary(scalar) && outDtype == DType.FLOAT64;
        this.shapeScratch = new int[node.output().rank()];
        boolean vector = scalar == Scalar.SIGMOID || scalar == Scalar.SOFTPLUS || scalar == Scalar.TANH;
        this.vectorHalves = team != null && vector && outDtype == DType.FLOAT64 ? new ElementHalves(team, this::vectorRange) : null;
    }

    private void vectorRange(int part, int from, int to) {
        switch (scalar) {
            case SOFTPLUS -> Sigmoid.softplus(sx, from, so, from, to - from);
            case TANH -> Sigmoid.tanh(sx, from, so, from, to - from);
            default -> Sigmoid.apply(sx, from, so, from, to - from);
        }
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        NDArray out;
        if (u != null) {
            out = Kernels.output(reuse, outDtype, in[0].shape());
            double[] x = in[0].data(), o = out.data();
            if (vectorHalves != null) {
                sx = x;
                so = o;
                try {
                    vectorHalves.run(o.length);
                } finally {
                    sx = so = null; // keep no caller arrays alive between calls
                }
            } else if (FastLoops.hasUnary(scalar)) FastLoops.unary(scalar, x, o);
            else if (outDtype == DType.FLOAT64) FusedLoops.unary(scalar, u, x, 0, o, 0, o.length); // its written-out loops
            else for (int i = 0; i < o.length; i++) o[i] = u.applyAsDouble(x[i]);
        } else if (b != null) {
            out = binary(in[0], in[1], reuse);
        } else {
            out = ternary(in[0], in[1], in[2], reuse);
        }
        if (outDtype.needsCoerce()) {
            double[] o = out.data();
            for (int i = 0; i < o.length; i++) o[i] = outDtype.coerce(o[i]);
        }
        return out;
    }

    private int[] resultShape(int[] shape, NDArray next) {
        int[] s = Broadcast.shape(shape, next.shape(), shapeScratch);
        if (s == null) throw Kernels.broadcastError(node, "'" + scalar.symbol() + "'", shape, next.shape());
        return s;
    }

    private NDArray binary(NDArray a, NDArray c, NDArray reuse) {
        int[] shape = resultShape(a.shape(), c);
        NDArray out = Kernels.output(reuse, outDtype, shape);
        double[] x = a.data(), y = c.data(), o = out.data();
        DoubleBinaryOperator f = b;
        int n = o.length;
        if (fastBinary) {
            FastLoops.Layout layout = x.length == n && y.length == n ? FastLoops.Layout.SAME
                    : y.length == 1 && x.length == n ? FastLoops.Layout.SCALAR_RIGHT
                    : x.length == 1 && y.length == n ? FastLoops.Layout.SCALAR_LEFT
                    : x.length == n && isRow(c.shape(), shape) ? FastLoops.Layout.ROW : null;
            if (layout != null) {
                FastLoops.binary(scalar, layout, x, y, o);
                return out;
            }
        }
        if (x.length == n && y.length == n) same(f, x, y, o);
        else if (y.length == 1 && x.length == n) scalarRight(f, x, y[0], o);
        else if (x.length == 1 && y.length == n) scalarLeft(f, x[0], y, o);
        else if (x.length == n && isRow(c.shape(), shape)) row(f, x, y, o);
        else strided(f, x, Broadcast.strides4(a.shape(), shape, sa4), y, Broadcast.strides4(c.shape(), shape, sb4), o,
                Broadcast.pad4(shape, sh4));
        return out;
    }

    // one small static loop per case, so the JIT compiles and inlines each on its own

    private static void same(DoubleBinaryOperator f, double[] x, double[] y, double[] o) {
        for (int i = 0; i < o.length; i++) o[i] = f.applyAsDouble(x[i], y[i]);
    }

    private static void scalarRight(DoubleBinaryOperator f, double[] x, double yv, double[] o) {
        for (int i = 0; i < o.length; i++) o[i] = f.applyAsDouble(x[i], yv);
    }

    private static void scalarLeft(DoubleBinaryOperator f, double xv, double[] y, double[] o) {
        for (int i = 0; i < o.length; i++) o[i] = f.applyAsDouble(xv, y[i]);
    }

    private static void row(DoubleBinaryOperator f, double[] x, double[] y, double[] o) {
        int cols = y.length;
        for (int r = 0; r < o.length; r += cols) {
            for (int j = 0; j < cols; j++) o[r + j] = f.applyAsDouble(x[r + j], y[j]);
        }
    }

    private static void strided(DoubleBinaryOperator f, double[] x, int[] sa, double[] y, int[] sb, double[] o, int[] sh) {
        int k = 0;
        int a3 = sa[3], b3 = sb[3], n3 = sh[3];
        for (int i0 = 0; i0 < sh[0]; i0++) {
            for (int i1 = 0; i1 < sh[1]; i1++) {
                for (int i2 = 0; i2 < sh[2]; i2++) {
                    int pa = i0 * sa[0] + i1 * sa[1] + i2 * sa[2], pb = i0 * sb[0] + i1 * sb[1] + i2 * sb[2];
                    if (b3 == 0) { // a column: one y value per row
                        double yv = y[pb];
                        for (int i3 = 0; i3 < n3; i3++) o[k++] = f.applyAsDouble(x[pa + i3 * a3], yv);
                    } else {
                        for (int i3 = 0; i3 < n3; i3++) o[k++] = f.applyAsDouble(x[pa + i3 * a3], y[pb + i3 * b3]);
                    }
                }
            }
        }
    }

    /** A row to add to every row: shape (n,) or (1, n) against (m, n) (trailing dims equal, leading 1s). */
    private static boolean isRow(int[] in, int[] out) {
        if (in.length == 0 || out.length == 0 || in[in.length - 1] != out[out.length - 1]) return false;
        for (int i = 0; i < in.length - 1; i++) if (in[i] != 1) return false;
        return true;
    }

    private NDArray ternary(NDArray a, NDArray c, NDArray d, NDArray reuse) {
        int[] shape = resultShape(resultShape(a.shape(), c), d);
        NDArray out = Kernels.output(reuse, outDtype, shape);
        double[] x = a.data(), y = c.data(), z = d.data(), o = out.data();
        Scalar.TernaryOperator f = t;
        int n = o.length;
        if (x.length == n && y.length == n && z.length == n) {
            for (int i = 0; i < n; i++) o[i] = f.apply(x[i], y[i], z[i]);
            return out;
        }
        int[] sa = Broadcast.strides4(a.shape(), shape, sa4), sb = Broadcast.strides4(c.shape(), shape, sb4);
        int[] sc = Broadcast.strides4(d.shape(), shape, sc4);
        int[] sh = Broadcast.pad4(shape, sh4);
        int k = 0;
        for (int i0 = 0; i0 < sh[0]; i0++) {
            for (int i1 = 0; i1 < sh[1]; i1++) {
                for (int i2 = 0; i2 < sh[2]; i2++) {
                    int pa = i0 * sa[0] + i1 * sa[1] + i2 * sa[2], pb = i0 * sb[0] + i1 * sb[1] + i2 * sb[2];
                    int pc = i0 * sc[0] + i1 * sc[1] + i2 * sc[2];
                    for (int i3 = 0; i3 < sh[3]; i3++) {
                        o[k++] = f.apply(x[pa + i3 * sa[3]], y[pb + i3 * sb[3]], z[pc + i3 * sc[3]]);
                    }
                }
            }
        }
        return out;
    }

}
