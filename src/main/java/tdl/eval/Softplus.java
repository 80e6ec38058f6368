package tdl.eval;

import tdl.graph.ops.ScalarMath;

/**
 * log(1 + exp(x)) over an array: whole vectors through {@link VectorSoftplus} when the Vector API
 * is present, the rest through {@link ScalarMath#softplus}, which performs the same operations in
 * the same order, so every element gets the same bits either way.
 */
final class Softplus {
    private Softplus() {}

    /** o[oo + i] = softplus(x[xo + i]) for i in [0, n). */
    static void apply(double[] x, int xo, double[] o, int oo, int n) {
        // the vector loop passes e through o: an output over its own input (a scan's carried value) runs scalar
        boolean overlap = x == o && xo < oo + n && oo < xo + n;
        int done = Gemm.VECTOR && !overlap && VectorSoftplus.usable() ? VectorSoftplus.apply(x, xo, o, oo, n) : 0;
        for (int i = done; i < n; i++) o[oo + i] = ScalarMath.softplus(x[xo + i]);
    }
}
