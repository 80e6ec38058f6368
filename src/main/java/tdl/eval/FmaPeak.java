package tdl.eval;

/**
 * The machine's float64 multiply-add peak as this JVM reaches it, for the benchmark's "% of peak":
 * every core runs a loop of independent vector fused multiply-adds (no memory traffic) for a
 * fraction of a second. The Vector API half is {@link VectorFmaPeak}; without the module there is
 * no figure.
 */
public final class FmaPeak {
    private FmaPeak() {}

    /** float64 FLOP/s over {@code threads} threads (2 per multiply-add), or 0 without the Vector API. */
    public static double measure(int threads, double seconds) {
        return measure(threads, seconds, false);
    }

    /** The same with float32 lanes (twice as many per vector), the peak of the float32 rows. */
    public static double measureFloat(int threads, double seconds) {
        return measure(threads, seconds, true);
    }

    private static double measure(int threads, double seconds, boolean floats) {
        if (!Gemm.VECTOR) return 0;
        // warms until the rate stops improving: until the JIT's top tier has compiled the loop, the
        // Vector API runs boxed, a hundred times slower (on a busy machine that takes seconds)
        double last = 0;
        for (int i = 0; i < 20; i++) {
            double rate = VectorFmaPeak.run(1, 0.2, floats);
            if (rate > 1e9 && rate < 1.15 * last) break;
            last = rate;
        }
        return VectorFmaPeak.run(threads, seconds, floats);
    }
}
