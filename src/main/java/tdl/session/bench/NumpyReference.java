package tdl.session.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs bench/rbm_numpy.py (shipped in the repository) in the same session as the TDL workloads, so the ratio compares
 * two measurements taken under the same machine load. Absent python3, numpy or the script, the
 * benchmark simply has no reference column.
 */
final class NumpyReference {
    record Result(Double epochSeconds, Double samplingSeconds, String error) {}

    private static final Pattern EPOCH = Pattern.compile("epoch time \\[\\w+\\]: median ([0-9.]+) s");
    private static final Pattern SAMPLING = Pattern.compile("sampling \\[\\w+\\]: .*?: ([0-9.]+) s");

    private NumpyReference() {}

    /**
     * The script: the given path, else bench/rbm_numpy.py in the repository holding the working
     * directory or the jar (the launcher runs target/tdl-*.jar of a checkout).
     */
    static Path find(Path given, Path workingDir, Path jarDir) {
        return find(given, "rbm_numpy.py", workingDir, jarDir);
    }

    /** Like {@link #find(Path, Path, Path)}, for any script of the repository's bench/ folder. */
    static Path find(Path given, String script, Path workingDir, Path jarDir) {
        if (given != null) return Files.isRegularFile(given) ? given : null;
        List<Path> starts = new ArrayList<>();
        starts.add(workingDir);
        if (jarDir != null) starts.add(jarDir);
        for (Path start : starts) {
            for (Path d = start.toAbsolutePath(); d != null; d = d.getParent()) {
                Path p = d.resolve("bench").resolve(script);
                if (Files.isRegularFile(p)) return p;
            }
        }
        return null;
    }

    /** How a reference runs: the python, numpy's best environment or the default one, and extra arguments. */
    record Run(String python, boolean tuned, int maxBatches, List<String> extra) {
        static Run numpy(boolean tuned, int maxBatches) {
            return new Run("python3", tuned, maxBatches, List.of());
        }

        Run with(String... args) {
            List<String> e = new ArrayList<>(extra);
            e.addAll(List.of(args));
            return new Run(python, tuned, maxBatches, e);
        }
    }

    /**
     * The environment changes that give numpy its best on this machine (bench/README.md): glibc
     * keeps its freed memory instead of returning it after every product, and OpenBLAS picks its
     * own kernel instead of the older one the machine's variables name. In the reference's
     * command only, never in TDL's JVM.
     */
    static void tune(java.util.Map<String, String> env) {
        env.remove("OPENBLAS_CORETYPE");
        env.remove("OPENBLAS_L2_SIZE");
        env.put("MALLOC_TRIM_THRESHOLD_", "1073741824");
        env.put("MALLOC_MMAP_THRESHOLD_", "1073741824");
    }

    /** One run: {@code epochs} full epochs, then {@code samples} samples of the sampling phase (0: none). */
    static Result run(Path script, int epochs, int samples) {
        return run(script, epochs, samples, Run.numpy(false, 0));
    }

    /** As {@link #run(Path, int, int)}, in the given dtype (the script's --dtype: float64 or float32). */
    static Result run(Path script, int epochs, int samples, String dtype) {
        return run(script, epochs, samples, Run.numpy(false, 0).with("--dtype", dtype));
    }

    /**
     * One run of a reference script (rbm_numpy.py or rbm_jax.py, same options and output): {@code epochs}
     * epochs (of {@code run.maxBatches()} minibatches scaled to a whole epoch, when positive), then
     * {@code samples} samples (0: none), scaled to the 10.
     */
    static Result run(Path script, int epochs, int samples, Run run) {
        List<String> cmd = new ArrayList<>(List.of(run.python(), script.toString(), "--epochs", String.valueOf(epochs)));
        if (samples > 0) cmd.addAll(List.of("--samples", String.valueOf(samples)));
        else cmd.add("--no-sample");
        if (run.maxBatches() > 0) cmd.addAll(List.of("--max-batches", String.valueOf(run.maxBatches())));
        cmd.addAll(run.extra());
        String name = script.getFileName().toString();
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            if (run.tuned()) tune(pb.environment());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                return new Result(null, null, name + " failed: " + lastLine(out));
            }
            Double epoch = match(EPOCH, out), sampling = match(SAMPLING, out);
            // the sampling phase is 10 samples; scale a shorter run to it
            if (sampling != null && samples != 10) sampling = sampling * 10 / samples;
            return new Result(epoch, sampling, epoch == null && epochs > 0 ? name + " printed no epoch time: " + lastLine(out) : null);
        } catch (IOException e) {
            return new Result(null, null, run.python() + " not runnable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, null, "interrupted");
        }
    }

    private static Double match(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines.length == 0 ? "(no output)" : lines[lines.length - 1];
    }
}
