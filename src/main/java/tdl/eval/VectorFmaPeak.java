package tdl.eval;

import java.util.concurrent.atomic.DoubleAdder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** The loop of {@link FmaPeak}: twelve independent accumulators hide the multiply-add latency. */
final class VectorFmaPeak {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final Class<? extends DoubleVector> EXACT = VectorKernels.exact(S);
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final Class<? extends FloatVector> EXACT_F = F.vectorType().asSubclass(FloatVector.class);
    // short blocks, invoked often, so the JIT compiles the method itself soon (not only the running loop)
    private static final double[] FACTORS = factors();
    private static final float[] FACTORS_F = factorsF();
    private static final int ROUNDS = 1 << 10;

    private VectorFmaPeak() {}

    private static double[] factors() {
        double[] f = new double[2 * S.length()];
        for (int i = 0; i < S.length(); i++) {
            f[i] = 0.999999;
            f[S.length() + i] = 1e-9;
        }
        return f;
    }

    private static float[] factorsF() {
        float[] f = new float[2 * F.length()];
        for (int i = 0; i < F.length(); i++) {
            f[i] = 0.9999f;
            f[F.length() + i] = 1e-6f;
        }
        return f;
    }

    /** FLOP/s of the loop on {@code threads} threads, in float64 lanes or (floats) float32 lanes. */
    static double run(int threads, double seconds, boolean floats) {
        DoubleAdder flops = new DoubleAdder();
        Thread[] workers = new Thread[threads];
        long[] elapsed = new long[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                double[] out = new double[S.length()];
                float[] outF = new float[F.length()];
                long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9), n = 0;
                while (System.nanoTime() < end) {
                    if (floats) blockF(outF);
                    else block(out);
                    n++;
                }
                elapsed[id] = System.nanoTime() - t0;
                flops.add(n * (double) ROUNDS * 12 * (floats ? F.length() : S.length()) * 2);
            });
            workers[t].start();
        }
        long longest = 0;
        for (int t = 0; t < threads; t++) {
            try {
                workers[t].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
            longest = Math.max(longest, elapsed[t]);
        }
        return flops.sum() / (longest / 1e9);
    }

    /**
     * ROUNDS x 12 vector multiply-adds; the sum is stored so the JIT keeps the work. As in
     * {@link VectorGemm}'s tile, the operands are loaded in the loop (from L1) and the accumulators are
     * the addends: the JIT then knows every receiver's class (with vectors made before the loop, or a
     * loop variable as the receiver, the loop ran boxed).
     */
    private static void block(double[] out) {
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        DoubleVector c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (int i = 0; i < ROUNDS; i++) {
            DoubleVector m = DoubleVector.fromArray(S, FACTORS, 0), a = DoubleVector.fromArray(S, FACTORS, S.length());
            c0 = m.fma(a, c0);
            c1 = m.fma(a, c1);
            c2 = m.fma(a, c2);
            c3 = m.fma(a, c3);
            c4 = m.fma(a, c4);
            c5 = m.fma(a, c5);
            c6 = m.fma(a, c6);
            c7 = m.fma(a, c7);
            c8 = m.fma(a, c8);
            c9 = m.fma(a, c9);
            c10 = m.fma(a, c10);
            c11 = m.fma(a, c11);
        }
        DoubleVector s = c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11);
        EXACT.cast(s).intoArray(out, 0);
    }

    /** {@link #block} in float32 lanes. */
    private static void blockF(float[] out) {
        FloatVector c0 = FloatVector.zero(F), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        FloatVector c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (int i = 0; i < ROUNDS; i++) {
            FloatVector m = FloatVector.fromArray(F, FACTORS_F, 0), a = FloatVector.fromArray(F, FACTORS_F, F.length());
            c0 = m.fma(a, c0);
            c1 = m.fma(a, c1);
            c2 = m.fma(a, c2);
            c3 = m.fma(a, c3);
            c4 = m.fma(a, c4);
            c5 = m.fma(a, c5);
            c6 = m.fma(a, c6);
            c7 = m.fma(a, c7);
            c8 = m.fma(a, c8);
            c9 = m.fma(a, c9);
            c10 = m.fma(a, c10);
            c11 = m.fma(a, c11);
        }
        FloatVector s = c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11);
        EXACT_F.cast(s).intoArray(out, 0);
    }
}
