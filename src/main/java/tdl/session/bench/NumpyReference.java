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

    private static Pattern epochPattern(String dtype) { return Pattern.compile("epoch time \\[" + dtype + "\\]: median ([0-9.]+) s"); }

    private static Pattern samplingPattern(String dtype) { return Pattern.compile("sampling \\[" + dtype + "\\]: .*?: ([0-9.]+) s"); }

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

    /** One run: {@code epochs} full epochs, then {@code samples} samples of the sampling phase (0: none). */
    static Result run(Path script, int epochs, int samples) {
        return run(script, epochs, samples, "float64");
    }

    /** As {@link #run(Path, int, int)}, in the given dtype (the script's --dtype: float64 or float32). */
    static Result run(Path script, int epochs, int samples, String dtype) {
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), "--epochs", String.valueOf(epochs), "--dtype", dtype));
        if (samples > 0) cmd.addAll(List.of("--samples", String.valueOf(samples)));
        else cmd.add("--no-sample");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                return new Result(null, null, "rbm_numpy.py failed: " + lastLine(out));
            }
            Double epoch = match(epochPattern(dtype), out), sampling = match(samplingPattern(dtype), out);
            // the sampling phase is 10 samples; scale a shorter run to it
            if (sampling != null && samples != 10) sampling = sampling * 10 / samples;
            return new Result(epoch, sampling, null);
        } catch (IOException e) {
            return new Result(null, null, "python3 not runnable: " + e.getMessage());
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
