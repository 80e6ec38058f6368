package tdl.eval;

import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;

/**
 * out[i] = a[i] · b[i] for rank-3 a (B, n, k) and b (B, k, m): one {@link Gemm} product per batch
 * entry, through scratch matrices kept between calls (Gemm takes whole arrays, not offsets).
 */
final class BatchedDotKernel implements Kernel {
    private final Apply node;
    private final DType dtype;
    private final Gemm.Workspace workspace;
    private final int[] shape = new int[3];
    private double[] sa = new double[0], sb = new double[0], sc = new double[0];

    BatchedDotKernel(Apply node, Team team) {
        this.workspace = new Gemm.Workspace(team);
        this.node = node;
        this.dtype = node.output().dtype();
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        NDArray a = in[0], b = in[1];
        int batch = a.dim(0), n = a.dim(1), k = a.dim(2), m = b.dim(2);
        if (b.dim(0) != batch || b.dim(1) != k) {
            throw Kernels.shapeError(node, "batched_dot: shapes " + NDArray.shapeString(a.shape()) + " and " + NDArray.shapeString(b.shape())
                    + " not aligned: " + (b.dim(0) != batch ? "batch sizes " + batch + " != " + b.dim(0) : k + " != " + b.dim(1)),
                    "a is (batch, n, k) and b is (batch, k, m), with the same batch size");
        }
        shape[0] = batch;
        shape[1] = n;
        shape[2] = m;
        NDArray out = Kernels.output(reuse, dtype, shape);
        if (sa.length < n * k) sa = new double[n * k];
        if (sb.length < k * m) sb = new double[k * m];
        if (sc.length < n * m) sc = new double[n * m];
        double[] ad = a.data(), bd = b.data(), od = out.data();
        for (int i = 0; i < batch; i++) {
            System.arraycopy(ad, i * n * k, sa, 0, n * k);
            System.arraycopy(bd, i * k * m, sb, 0, k * m);
            Gemm.multiply(sa, n, k, false, sb, k, m, false, sc, n, m, k, workspace);
            System.arraycopy(sc, 0, od, i * n * m, n * m);
        }
        if (dtype.needsCoerce()) for (int i = 0; i < od.length; i++) od[i] = dtype.coerce(od[i]);
        return out;
    }
}
