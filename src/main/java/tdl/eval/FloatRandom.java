package tdl.eval;

/**
 * Bernoulli draws into float[] (the RBM's float32 samples): the counter hash of {@link RandomKernel}
 * and its double uniform, compared with the float probability widened (exactly), so a float32 graph
 * draws the very samples its float64 twin draws from the same probabilities rounded to float32.
 * Vectors through {@link VectorRandomF} when the Vector API is present.
 */
final class FloatRandom {
    private FloatRandom() {}

    /**
     * o[i] = 1 when uniform(key, i) < p[i], else 0, for i in [from, to); p must be in [0, 1]
     * (checked by the caller).
     */
    static int bernoulli(long key, long golden, double scale, float[] p, float[] o, int from, int to) {
        int done = Gemm.VECTOR && VectorRandomF.usable() ? VectorRandomF.bernoulli(key, golden, scale, p, o, from, to) : from;
        for (int i = done; i < to; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) return i;
            o[i] = (RandomKernel.mix(RandomKernel.mix(key + i * golden)) >>> 11) * scale < p[i] ? 1f : 0f;
        }
        return to;
    }
}
