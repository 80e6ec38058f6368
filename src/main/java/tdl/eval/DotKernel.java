package tdl.eval;

import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.ops.DotOp;

/** numpy dot for ranks 0-2 on {@link Gemm}, writing into the reused output's storage (no copies). */
final class DotKernel implements Kernel {
    private static final int[] SCALAR = new int[0]; // the rank-0 output shape: empty, so nothing in it can change
    private final Apply node;
    private final boolean ta, tb;
    private final DType dtype;
    private final Gemm.Workspace workspace;
    private final int[] transposedShape = new int[2]; // refilled per call (NDArray copies shapes)

    DotKernel(Apply node, Team team) {
        this.workspace = new Gemm.Workspace(team);
        this.node = node;
        DotOp op = (DotOp) node.op();
        this.ta = op.transA();
        this.tb = op.transB();
        this.dtype = node.output().dtype();
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        NDArray a = in[0], b = in[1];
        if (a.rank() == 0 || b.rank() == 0) return scaled(a, b, reuse);
        if (a.rank() == 1 && b.rank() == 1) {
            check(a.dim(0), b.dim(0), a, b);
            double s = 0;
            double[] x = a.data(), y = b.data();
            for (int i = 0; i < x.length; i++) s += x[i] * y[i];
            NDArray out = Kernels.output(reuse, dtype, SCALAR);
            out.data()[0] = s;
            return out;
        }
        // a vector is a 1-row matrix on the left, a 1-column matrix on the right
        int ar = a.rank() == 1 ? 1 : a.dim(0), ac = a.rank() == 1 ? a.dim(0) : a.dim(1);
        int br = b.rank() == 1 ? b.dim(0) : b.dim(0), bc = b.rank() == 1 ? 1 : b.dim(1);
        boolean tA = ta && a.rank() == 2, tB = tb && b.rank() == 2;
        int m = tA ? ac : ar, k = tA ? ar : ac, k2 = tB ? bc : br, n = tB ? br : bc;
        check(k, k2, a, b);
        // the previous output when it fits, checked without building a shape array (no allocation per call)
        int outRank = a.rank() == 1 || b.rank() == 1 ? 1 : 2;
        boolean fits = reuse != null && reuse.dtype() == dtype && reuse.rank() == outRank
                && (outRank == 1 ? reuse.dim(0) == (a.rank() == 1 ? n : m) : reuse.dim(0) == m && reuse.dim(1) == n);
        NDArray out = fits && !reuse.isFloats() ? reuse : NDArray.zerosWide(dtype,
                a.rank() == 1 ? new int[] {n} : b.rank() == 1 ? new int[] {m} : new int[] {m, n});
        Gemm.multiply(a.data(), ar, ac, tA, b.data(), br, bc, tB, out.data(), m, n, k, workspace);
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
        NDArray out = Kernels.output(reuse, dtype, shape);
        double k = s.data()[0];
        double[] xd = x.data(), o = out.data();
        if (!transpose) {
            for (int i = 0; i < o.length; i++) o[i] = k * xd[i];
        } else {
            int r = x.dim(0), c = x.dim(1);
            for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) o[j * r + i] = k * xd[i * c + j];
        }
        return out;
    }
}
