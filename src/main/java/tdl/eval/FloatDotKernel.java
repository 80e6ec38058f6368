package tdl.eval;

import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.ops.DotOp;

/**
 * {@link DotKernel} for float32 operands and output: the products on {@link FloatGemm} (float lanes),
 * straight from and into the arrays' float[] storage. Vector·vector accumulates in double and rounds
 * once (a single short sum: the extra precision costs nothing).
 */
final class FloatDotKernel implements Float32Native {
    private static final int[] SCALAR = new int[0];
    private final Apply node;
    private final boolean ta, tb;
    private final FloatGemm.Workspace workspace;
    private final int[] transposedShape = new int[2];

    FloatDotKernel(Apply node, Team team) {
        this.workspace = new FloatGemm.Workspace(team);
        this.node = node;
        DotOp op = (DotOp) node.op();
        this.ta = op.transA();
        this.tb = op.transB();
    }

    /** Whether this kernel serves {@code node}: float32 operands and result. */
    static boolean serves(Apply node) {
        return node.output().dtype() == DType.FLOAT32 && node.inputs().get(0).dtype() == DType.FLOAT32
                && node.inputs().get(1).dtype() == DType.FLOAT32;
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        NDArray a = in[0], b = in[1];
        if (a.rank() == 0 || b.rank() == 0) return scaled(a, b, reuse);
        if (a.rank() == 1 && b.rank() == 1) {
            check(a.dim(0), b.dim(0), a, b);
            double s = 0;
            float[] x = a.floats(), y = b.floats();
            for (int i = 0; i < x.length; i++) s += (double) x[i] * y[i];
            NDArray out = Kernels.nativeOutput(reuse, DType.FLOAT32, SCALAR);
            out.floats()[0] = (float) s;
            return out;
        }
        int ar = a.rank() == 1 ? 1 : a.dim(0), ac = a.rank() == 1 ? a.dim(0) : a.dim(1);
        int br = b.dim(0), bc = b.rank() == 1 ? 1 : b.dim(1);
        boolean tA = ta && a.rank() == 2, tB = tb && b.rank() == 2;
        int m = tA ? ac : ar, k = tA ? ar : ac, k2 = tB ? bc : br, n = tB ? br : bc;
        check(k, k2, a, b);
        int outRank = a.rank() == 1 || b.rank() == 1 ? 1 : 2;
        boolean fits = reuse != null && reuse.dtype() == DType.FLOAT32 && reuse.isFloats() && reuse.rank() == outRank
                && (outRank == 1 ? reuse.dim(0) == (a.rank() == 1 ? n : m) : reuse.dim(0) == m && reuse.dim(1) == n);
        NDArray out = fits ? reuse : NDArray.zeros(DType.FLOAT32,
                a.rank() == 1 ? new int[] {n} : b.rank() == 1 ? new int[] {m} : new int[] {m, n});
        FloatGemm.multiply(a.floats(), ar, ac, tA, b.floats(), br, bc, tB, out.floats(), m, n, k, workspace);
        return out;
    }

    private void check(int k, int k2, NDArray a, NDArray b) {
        if (k != k2) {
            throw Kernels.shapeError(node, "shapes " + NDArray.shapeString(a.shape()) + (ta && a.rank() == 2 ? ".T" : "")
                    + " and " + NDArray.shapeString(b.shape()) + (tb && b.rank() == 2 ? ".T" : "")
                    + " not aligned for dot: " + k + " != " + k2,
                    "the last axis of the first operand must match the first axis of the second");
        }
    }

    private NDArray scaled(NDArray a, NDArray b, NDArray reuse) {
        NDArray s = a.rank() == 0 ? a : b, x = a.rank() == 0 ? b : a;
        boolean transpose = x.rank() == 2 && (x == a ? ta : tb);
        int[] shape = x.shape();
        if (transpose) {
            transposedShape[0] = x.dim(1);
            transposedShape[1] = x.dim(0);
            shape = transposedShape;
        }
        NDArray out = Kernels.nativeOutput(reuse, DType.FLOAT32, shape);
        float k = s.floats()[0];
        float[] xd = x.floats(), o = out.floats();
        if (!transpose) {
            for (int i = 0; i < o.length; i++) o[i] = k * xd[i];
        } else {
            int r = x.dim(0), c = x.dim(1);
            for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) o[j * r + i] = k * xd[i * c + j];
        }
        return out;
    }
}
