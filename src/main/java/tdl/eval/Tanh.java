package tdl.eval;

import tdl.graph.ops.ScalarMath;

/**
 * tanh over an array: whole vectors through {@link VectorTanh} when the Vector API is present, the
 * rest through {@link ScalarMath#tanh}, which performs the same operations in the same order, so
 * every element gets the same bits either way.
 */
final class Tanh {
    private Tanh() {}

    /** o[oo + i] = tanh(x[xo + i]) for i in [0, n). */
    static void apply(double[] x, int xo, double[] o, int oo, int n) {
        // the vector loop passes a branch's result through o: an output over its own input runs scalar
        boolean overlap = x == o && xo < oo + n && oo < xo + n;
        int done = Gemm.VECTOR && !overlap && VectorTanh.usable() ? VectorTanh.apply(x, xo, o, oo, n) : 0;
        for (int i = done; i < n; i++) o[oo + i] = ScalarMath.tanh(x[xo + i]);
    }
}
