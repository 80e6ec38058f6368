package tdl.session.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tdl.session.Session;
import tdl.session.SessionOptions;

/**
 * {@code tdl bench --scaling}: the RBM training epoch (PCD-15, float64) for 500, 1000 and 2000 hidden
 * units and minibatches of 20, 100 and 500, each timed over a few minibatches and scaled to an epoch
 * of the 10,000 digits, beside numpy tuned over the same minibatches, with the fraction of the
 * float64 peak each reaches. Figures, not assertions.
 */
final class ScalingBench {
    static final int[] HIDDEN = {500, 1000, 2000};
    static final int[] BATCH = {20, 100, 500};
    // about this much multiply-add work is timed per size (the small sizes take more minibatches)
    private static final double TIMED_FLOP = 8e9;

    private final int maxBatches;
    private final Path numpyScript;
    private final PrintStream out, err;

    ScalingBench(int maxBatches, Path numpyScript, PrintStream out, PrintStream err) {
        this.maxBatches = maxBatches;
        this.numpyScript = numpyScript;
        this.out = out;
        this.err = err;
    }

    /** Minibatches timed at a size: enough for about TIMED_FLOP, at least 2, at most the --batches given. */
    static int timedBatches(int hidden, int batch, int maxBatches) {
        double perBatch = BenchRunner.epochFlop(hidden, batch) / (10_000 / batch);
        int n = (int) Math.ceil(TIMED_FLOP / perBatch);
        return Math.max(2, Math.min(Math.min(n, maxBatches), 10_000 / batch));
    }

    void run(double peak) {
        List<String> lines = new ArrayList<>();
        for (int h : HIDDEN) {
            for (int b : BATCH) {
                int n = timedBatches(h, b, maxBatches);
                double tdl = tdlEpoch(h, b, n);
                NumpyReference.Result np = numpyScript == null ? null
                        : NumpyReference.run(numpyScript, 1, 0, NumpyReference.Run.numpy(true, n)
                                .with("--n-hidden", String.valueOf(h), "--batch", String.valueOf(b)));
                Double npEpoch = np == null ? null : np.epochSeconds();
                double flop = BenchRunner.epochFlop(h, b);
                lines.add(String.format("%6d %6d %8d %10s %10s %6s %8.1f %6s %8s %6s", h, b, n, BenchRow.time(tdl),
                        BenchRow.time(npEpoch), npEpoch == null ? "-" : String.format("%.2f", tdl / npEpoch),
                        flop / tdl / 1e9, percent(flop / tdl, peak),
                        npEpoch == null ? "-" : String.format("%.1f", flop / npEpoch / 1e9),
                        npEpoch == null ? "-" : percent(flop / npEpoch, peak)));
                err.println("bench: scaling " + lines.get(lines.size() - 1).strip());
            }
        }
        out.println();
        out.println("scaling: RBM training epoch (10,000 digits, PCD-15, float64), timed over n minibatches and scaled; numpy tuned");
        out.printf("%6s %6s %8s %10s %10s %6s %8s %6s %8s %6s%n", "hidden", "batch", "n", "TDL", "numpy", "ratio",
                "GFLOP/s", "%peak", "numpy GF", "%peak");
        for (String l : lines) out.println(l);
    }

    private static String percent(double rate, double peak) {
        return peak <= 0 ? "-" : String.format("%.0f%%", 100 * rate / peak);
    }

    /** One size in a session of its own: warm-up minibatches (as many as timed), then n timed, scaled to the epoch. */
    private double tdlEpoch(int hidden, int batch, int n) {
        Session s = new Session(SessionOptions.defaults().withOut(out).withErr(err).withSeed(1234L));
        s.set("N_HIDDEN", (long) hidden);
        s.set("BATCH", (long) batch);
        s.set("PLOT_EVERY", 1L);
        s.exec(BenchRunner.resource("tdl/bench/rbm_bench.tdl"), "<bench>");
        Object train = s.call("compile_train");
        s.call("train_epoch", train, (long) n);
        long t0 = System.nanoTime();
        s.call("train_epoch", train, (long) n);
        return (System.nanoTime() - t0) / 1e9 * (10_000 / batch) / n;
    }
}
