package tdl.eval;

import tdl.graph.DType;
import tdl.graph.Memory;
import tdl.graph.NDArray;

/**
 * Runs a float64 kernel for a node with float32 inputs or outputs: float32 inputs are widened into
 * cached double scratch ({@link NDArray#wide}, dtype still float32, so the kernel's dtype rules are
 * unchanged), the kernel computes into its own wide output scratch, and a float32 result is narrowed
 * once into the node's float[] buffer. Arithmetic therefore runs in double and rounds once, when
 * stored. All scratch is kept between calls: a call shaped like the previous one allocates nothing.
 * In-place stays safe: the inputs are widened before the kernel writes anything.
 */
final class Float32Adaptor implements Kernel {
    private final Kernel inner;
    private final boolean float32Out;
    private final NDArray[] wideIn;
    private final NDArray[] args;
    private NDArray wideOut;

    Float32Adaptor(Kernel inner, int inputs, boolean float32Out) {
        this.inner = inner;
        this.float32Out = float32Out;
        this.wideIn = new NDArray[inputs];
        this.args = new NDArray[inputs];
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        NDArray[] a = in.length == args.length ? args : new NDArray[in.length];
        for (int i = 0; i < in.length; i++) a[i] = in[i].isFloats() ? widen(i, in[i]) : in[i];
        NDArray r;
        try {
            r = inner.run(a, float32Out ? wideOut : reuse);
        } finally {
            if (a == args) java.util.Arrays.fill(args, null); // keep no operands alive between calls
        }
        if (float32Out && r.dtype() != DType.FLOAT32) {
            throw new IllegalStateException("kernel returned " + r.dtype().pyName() + " for a float32 node");
        }
        if (r.dtype() != DType.FLOAT32 || r.isFloats()) return r;
        boolean isInput = false;
        for (NDArray x : a) isInput |= x == r;
        if (!isInput) wideOut = r; // never reuse an input's scratch as the output
        NDArray out = reuse != null && reuse.isFloats() && reuse.sameShape(r.shape()) ? reuse : NDArray.zeros(DType.FLOAT32, r.shape());
        float[] o = out.floats();
        double[] d = r.data();
        for (int i = 0; i < o.length; i++) o[i] = (float) d[i];
        return out;
    }

    private NDArray widen(int i, NDArray x) {
        NDArray w = i < wideIn.length ? wideIn[i] : null;
        if (w == null || !w.sameShape(x.shape())) {
            w = NDArray.wide(DType.FLOAT32, x.shape(), Memory.doubles(x.shape(), DType.FLOAT32));
            if (i < wideIn.length) wideIn[i] = w;
        }
        float[] f = x.floats();
        double[] d = w.data();
        for (int k = 0; k < f.length; k++) d[k] = f[k];
        return w;
    }
}
