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
 * <p>Inside a compiled plan, inputs usually arrive already widened: the plan keeps one double copy
 * per float32 slot per run ({@code tdl.function.Plan}), seeded with {@link #wideResult()}, so an
 * array consumed by several float64 kernels is widened once, not once per consumer.
 */
public final class Float32Adaptor implements Kernel {
    private final Kernel inner;
    private final boolean float32Out;
    private final NDArray[] wideIn;
    private final NDArray[] args;
    private NDArray wideOut;
    private NDArray lastWide;

    Float32Adaptor(Kernel inner, int inputs, boolean float32Out) {
        this.inner = inner;
        this.float32Out = float32Out;
        this.wideIn = new NDArray[inputs];
        this.args = new NDArray[inputs];
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        lastWide = null;
        NDArray[] a = in.length == args.length ? args : new NDArray[in.length];
        for (int i = 0; i < in.length; i++) a[i] = in[i].isFloats() ? widen(i, in[i]) : in[i];
        NDArray r;
        boolean isInput = false;
        try {
            r = inner.run(a, float32Out ? wideOut : reuse);
            for (NDArray x : a) isInput |= x == r;
        } finally {
            if (a == args) java.util.Arrays.fill(args, null); // keep no operands alive between calls
        }
        if (float32Out && r.dtype() != DType.FLOAT32) {
            throw new IllegalStateException("kernel returned " + r.dtype().pyName() + " for a float32 node");
        }
        if (r.dtype() != DType.FLOAT32 || r.isFloats()) return r;
        NDArray out = reuse != null && reuse.isFloats() && reuse.sameShape(r.shape()) ? reuse : NDArray.zeros(DType.FLOAT32, r.shape());
        float[] o = out.floats();
        double[] d = r.data();
        if (isInput) { // never keep (or write) an input's scratch
            for (int i = 0; i < o.length; i++) o[i] = (float) d[i];
            return out;
        }
        wideOut = r;
        // rounded in place too, so the scratch is an exact widened copy a plan may hand to the next kernels
        for (int i = 0; i < o.length; i++) {
            float f = (float) d[i];
            o[i] = f;
            d[i] = f;
        }
        lastWide = r;
        return out;
    }

    /**
     * The double copy of the last run's float32 result (exactly its values, widened), or null when
     * the kernel's result did not go through this adaptor's scratch. Valid until the next run: a plan
     * passes it to later steps instead of widening the result again.
     */
    public NDArray wideResult() { return lastWide; }

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
