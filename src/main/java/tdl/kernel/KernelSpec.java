package tdl.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernelspec Jupyter finds the kernel by: a folder {@code kernels/tdl} holding kernel.json
 * (how to start it, its name and language) and the logos notebooks show beside its name.
 */
public final class KernelSpec {
    /** The kernel's name: notebooks ask for it in their metadata (kernelspec.name). */
    public static final String NAME = "tdl";

    private KernelSpec() {}

    /** Where Jupyter looks for a user's kernels: JUPYTER_DATA_DIR, else the platform's data folder. */
    public static Path userKernels(Map<String, String> env, String os, Path home) {
        String data = env.get("JUPYTER_DATA_DIR");
        if (data != null && !data.isBlank()) return Path.of(data).resolve("kernels");
        String name = os.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("mac")) return home.resolve("Library/Jupyter/kernels");
        if (name.contains("win") && env.get("APPDATA") != null) return Path.of(env.get("APPDATA"), "jupyter", "kernels");
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
        return base.resolve("jupyter/kernels");
    }

    /** Where Jupyter looks for the kernels of an installation prefix (a virtualenv, /usr/local). */
    public static Path prefixKernels(Path prefix) {
        return prefix.resolve("share/jupyter/kernels");
    }

    /**
     * Writes {@code kernels/tdl/} (kernel.json and the logos), replacing an older one; returns that folder.
     *
     * @param command how to start TDL (the launcher's absolute path, or java with the jar); the kernel's
     *                arguments are added after it
     */
    public static Path install(Path kernels, List<String> command) throws IOException {
        Path dir = kernels.resolve(NAME);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kernel.json"), Json.writePretty(kernelJson(command)) + "\n", StandardCharsets.UTF_8);
        Files.write(dir.resolve("logo-32x32.png"), KernelDisplay.png(Logo.draw(32)));
        Files.write(dir.resolve("logo-64x64.png"), KernelDisplay.png(Logo.draw(64)));
        return dir;
    }

    static Map<String, Object> kernelJson(List<String> command) {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(List.of("kernel", "--connection-file", "{connection_file}"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", "TDL");
        spec.put("language", "tdl");
        // a JVM cannot take SIGINT as Python does: interrupts come as interrupt_request messages
        spec.put("interrupt_mode", "message");
        spec.put("metadata", Map.of());
        return spec;
    }
}
