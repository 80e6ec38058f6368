package tdl.session.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * TDL's timed RBM epochs and samples interleaved with the numpy reference, round by round: a TDL
 * epoch, numpy's epoch (its own process, after 20 untimed minibatches), then the round's share of
 * the samples, TDL's and numpy's. On these shared machines the load changes by tens of per cent
 * within minutes (numpy's own epoch took 5.7 s in one run and 8.4 s in the next), so a ratio of two
 * figures taken minutes apart measured the machine as much as the code; each round's two figures
 * are taken within seconds of each other, and the ratio is read per round.
 */
final class PairedRounds {
    /** Untimed numpy minibatches before its timed epoch, as TDL's warm-up precedes its own. */
    static final int NUMPY_WARM_UP_BATCHES = 20;

    /** Per round: TDL's epoch (s), numpy's epoch, and each side's sampling phase (s, scaled to 10 samples; NaN: none that round). */
    record Result(double[] tdlEpoch, double[] numpyEpoch, double[] tdlSampling, double[] numpySampling, double[] tdlSampleCalls,
                  String error) {
        /** TDL / numpy per round (rounds where a side has no figure are left out). */
        double[] epochRatios() {
            return ratios(tdlEpoch, numpyEpoch);
        }

        double[] samplingRatios() {
            return ratios(tdlSampling, numpySampling);
        }

        /** numpy's figures as one reference result (the medians of its rounds), for the table's column. */
        NumpyReference.Result reference() {
            double e = median(numpyEpoch), s = median(numpySampling);
            return new NumpyReference.Result(Double.isNaN(e) ? null : e, Double.isNaN(s) ? null : s, error);
        }

        private static double[] ratios(double[] a, double[] b) {
            return java.util.stream.IntStream.range(0, a.length).filter(i -> !Double.isNaN(a[i]) && !Double.isNaN(b[i]))
                    .mapToDouble(i -> a[i] / b[i]).toArray();
        }

        /** The line below the table: each round's ratio and their median. */
        String describe(String label) {
            return String.format("paired with numpy %s (same minute, %d rounds): epoch TDL/numpy %s; sampling %s",
                    label, tdlEpoch.length, list(epochRatios()), list(samplingRatios()));
        }

        private static String list(double[] r) {
            if (r.length == 0) return "-";
            StringBuilder b = new StringBuilder();
            for (double x : r) b.append(String.format("%.2f ", x));
            return b.append(String.format("(median %.2f)", median(r))).toString();
        }
    }

    /** How to run one TDL epoch and one TDL sample (each returns seconds, the sample scaled to 10). */
    interface Tdl {
        double epoch();

        double sample();
    }

    private PairedRounds() {}

    /**
     * {@code rounds} rounds of an epoch each; the {@code samples} samples spread over them (the first
     * rounds take one more when they do not divide evenly). numpy's epoch is of {@code numpy}'s
     * maxBatches minibatches scaled to 500, as TDL's; a null {@code script} runs TDL's side alone.
     */
    static Result run(int rounds, int samples, Tdl tdl, Path script, NumpyReference.Run numpy,
                      java.util.function.Consumer<String> progress) {
        double[] te = new double[rounds], ne = new double[rounds], ts = new double[rounds], ns = new double[rounds];
        double[] all = new double[samples];
        int done = 0;
        String error = null;
        for (int r = 0; r < rounds; r++) {
            int share = samples / rounds + (r < samples % rounds ? 1 : 0);
            te[r] = tdl.epoch();
            double[] calls = new double[share];
            for (int i = 0; i < share; i++) all[done++] = calls[i] = tdl.sample();
            ts[r] = share == 0 ? Double.NaN : median(calls);
            NumpyReference.Result np = script == null ? null
                    : NumpyReference.run(script, 1, share, numpy.with("--warmup-batches", String.valueOf(NUMPY_WARM_UP_BATCHES)));
            ne[r] = np == null || np.epochSeconds() == null ? Double.NaN : np.epochSeconds();
            ns[r] = np == null || np.samplingSeconds() == null ? Double.NaN : np.samplingSeconds();
            if (np != null && np.error() != null) error = np.error();
            progress.accept(String.format("round %d: epoch %s, numpy %s; sampling %s, numpy %s", r,
                    BenchRow.time(te[r]), time(ne[r]), time(ts[r]), time(ns[r])));
        }
        return new Result(te, ne, ts, ns, all, error);
    }

    private static String time(double s) {
        return Double.isNaN(s) ? "-" : BenchRow.time(s);
    }

    static double median(double[] xs) {
        double[] s = Arrays.stream(xs).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (s.length == 0) return Double.NaN;
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** A TDL side given as two timers (tests use constants). */
    static Tdl of(DoubleSupplier epoch, DoubleSupplier sample) {
        return new Tdl() {
            @Override public double epoch() { return epoch.getAsDouble(); }

            @Override public double sample() { return sample.getAsDouble(); }
        };
    }

    /**
     * The bench script's RBM in {@code s}: an epoch is {@code batches} calls of train_epoch scaled to
     * 500 minibatches, a sample one call of the sampling function scaled to the 10.
     */
    static Tdl rbm(tdl.session.Session s, Object train, Object sample, int batches) {
        return of(() -> {
            long t0 = System.nanoTime();
            s.call("train_epoch", train, (long) batches);
            return (System.nanoTime() - t0) / 1e9 * 500.0 / batches;
        }, () -> {
            long t0 = System.nanoTime();
            tdl.lib.theano.TheanoLibrary.compiledFunction(sample).call(java.util.List.of());
            return (System.nanoTime() - t0) / 1e9 * 10;
        });
    }
}
