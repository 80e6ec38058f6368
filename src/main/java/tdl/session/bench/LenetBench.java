package tdl.session.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tdl.session.Session;
import tdl.session.SessionOptions;

/**
 * The LeNet rows of {@code tdl bench}: a training epoch of the tutorial's model (16 minibatches of
 * 500 on the shipped digits, timed over fewer and scaled) and its forward pass, beside
 * bench/lenet_numpy.py run in the same session over the same minibatches.
 */
final class LenetBench {
    /** Medians per epoch (seconds); the numpy figures are null when the reference did not run. */
    record Result(double[] epoch, double[] forward, Double numpyEpoch, Double numpyForward, String numpyError,
                  double compileSeconds, Reference jax) {
        Result withJax(Reference j) { return new Result(epoch, forward, numpyEpoch, numpyForward, numpyError, compileSeconds, j); }
    }

    /** A reference script's epoch and forward pass (seconds per epoch), or why it did not run. */
    record Reference(Double epoch, Double forward, String error) {}

    static final int EPOCH_BATCHES = 16;
    private static final Pattern EPOCH = Pattern.compile("epoch time: ([0-9.]+) s \\((\\d+) minibatches");
    private static final Pattern FORWARD = Pattern.compile("forward time: ([0-9.]+) s \\((\\d+) minibatches");

    private LenetBench() {}

    static Result run(int batches, int repeat, Path numpyScript, PrintStream out, PrintStream err) {
        Session s = new Session(SessionOptions.defaults().withOut(out).withErr(err).withSeed(1234L));
        s.exec(BenchRunner.resource("tdl/bench/lenet_bench.tdl"), "<bench>");
        long t0 = System.nanoTime();
        Object train = s.call("compile_train");
        double compile = (System.nanoTime() - t0) / 1e9;
        Object forward = s.call("compile_forward");
        s.call("run_batches", train, 1L); // JIT warm-up
        s.call("run_batches", forward, 1L);
        double scale = (double) EPOCH_BATCHES / batches;
        double[] epoch = new double[repeat], fwd = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            t0 = System.nanoTime();
            s.call("run_batches", train, (long) batches);
            epoch[i] = (System.nanoTime() - t0) / 1e9 * scale;
            t0 = System.nanoTime();
            s.call("run_batches", forward, (long) batches);
            fwd[i] = (System.nanoTime() - t0) / 1e9 * scale;
            err.println("bench: LeNet epoch " + BenchRow.time(epoch[i]) + ", forward " + BenchRow.time(fwd[i])
                    + " (scaled from " + batches + " minibatches of 500)");
        }
        if (numpyScript == null) return new Result(epoch, fwd, null, null, null, compile, null);
        err.println("bench: numpy LeNet reference: " + numpyScript + " (" + batches + " minibatches)");
        Reference np = reference("python3", numpyScript, batches);
        return new Result(epoch, fwd, np.epoch(), np.forward(), np.error(), compile, null);
    }

    /** Runs a reference script (lenet_numpy.py or lenet_jax.py) with the given python over {@code batches} minibatches. */
    static Reference reference(String python, Path script, int batches) {
        List<String> cmd = List.of(python, script.toString(), "--batches", String.valueOf(batches));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                return new Reference(null, null, script.getFileName() + " failed: " + lastLine(text));
            }
            return new Reference(perEpoch(EPOCH, text), perEpoch(FORWARD, text), null);
        } catch (IOException e) {
            return new Reference(null, null, python + " not runnable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reference(null, null, "interrupted");
        }
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines.length == 0 ? "(no output)" : lines[lines.length - 1];
    }

    /** A "T s (N minibatches" line, scaled to an epoch of {@link #EPOCH_BATCHES}. */
    static Double perEpoch(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) return null;
        return Double.parseDouble(m.group(1)) * EPOCH_BATCHES / Integer.parseInt(m.group(2));
    }

    static Double epochFrom(String text) { return perEpoch(EPOCH, text); }

    static Double forwardFrom(String text) { return perEpoch(FORWARD, text); }
}
