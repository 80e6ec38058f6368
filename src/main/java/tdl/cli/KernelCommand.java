package tdl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tdl.kernel.Kernel;
import tdl.kernel.KernelSpec;
import tdl.session.Session;
import tdl.session.SessionOptions;

/**
 * {@code tdl kernel ...}: the Jupyter kernel. {@code install} writes the kernelspec Jupyter finds it
 * by; {@code --connection-file F} runs it (what Jupyter does through the kernelspec).
 */
final class KernelCommand {
    static final String USAGE = String.join("\n",
            "usage: tdl kernel install [--user | --prefix DIR]",
            "       tdl kernel --connection-file FILE [--seed N] [--debug]",
            "  install            write the TDL kernelspec (kernel.json and logos) where Jupyter finds it:",
            "    --user           in your Jupyter data folder, e.g. ~/.local/share/jupyter/kernels/tdl (the default)",
            "    --prefix DIR     in DIR/share/jupyter/kernels/tdl (e.g. a virtualenv: --prefix \"$VIRTUAL_ENV\")",
            "  --connection-file  run the kernel on the sockets the file names (Jupyter starts it this way)",
            "  --seed N           seed every default random stream; --debug  Java stack traces with errors");

    private KernelCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        try {
            if (args.length > 1 && args[1].equals("install")) return install(args, out, err, env);
            return serve(args, out, err);
        } catch (IllegalArgumentException e) {
            err.println("tdl kernel: " + e.getMessage());
            err.println(USAGE);
            return Main.USAGE;
        }
    }

    private static int install(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        Path kernels = userKernels(env);
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--user" -> kernels = userKernels(env);
                case "--prefix" -> kernels = KernelSpec.prefixKernels(Path.of(value(args, ++i)).toAbsolutePath());
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return Main.OK;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try {
            Path dir = KernelSpec.install(kernels, launcher(env));
            out.println("installed the TDL kernel in " + dir);
            return Main.OK;
        } catch (IOException e) {
            err.println("tdl kernel: cannot write the kernelspec in " + kernels + ": " + e.getMessage());
            return Main.SCRIPT_ERROR;
        }
    }

    private static int serve(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Long seed = null;
        boolean debug = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--connection-file", "-f" -> file = Path.of(value(args, ++i));
                case "--seed" -> seed = number(value(args, ++i));
                case "--debug" -> debug = true;
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return Main.OK;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (file == null) throw new IllegalArgumentException("--connection-file is missing");
        Long s = seed;
        boolean d = debug;
        Path workingDir = Path.of("").toAbsolutePath(); // Jupyter starts kernels in the notebook's folder
        return Kernel.serve(file, (o, e) -> new Session(SessionOptions.defaults().withOut(o).withErr(e)
                .withSeed(s).withDebug(d).withWorkingDir(workingDir).withTheanoFlags(System.getenv("THEANO_FLAGS"))),
                Main.VERSION, err);
    }

    /** The user's kernels folder as Jupyter (Python) finds it: from $HOME, which Java's user.home ignores. */
    private static Path userKernels(Map<String, String> env) {
        String home = env.get("HOME");
        Path h = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
        return KernelSpec.userKernels(env, System.getProperty("os.name"), h);
    }

    /**
     * How Jupyter should start TDL: the launcher script when we were started by it (it sets
     * TDL_LAUNCHER, and rebuilds the jar when the sources change), else this Java with this jar.
     */
    static List<String> launcher(Map<String, String> env) {
        String script = env.get("TDL_LAUNCHER");
        if (script != null && !script.isBlank()) return List.of(Path.of(script).toAbsolutePath().toString());
        String java = ProcessHandle.current().info().command().orElse("java");
        Path code;
        try {
            code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalArgumentException("cannot tell where TDL is installed; run it through the tdl launcher");
        }
        if (Files.isRegularFile(code)) return List.of(java, "-Djava.awt.headless=true", "-Xss16m", "-jar", code.toString());
        return List.of(java, "-Djava.awt.headless=true", "-Xss16m", "-cp", System.getProperty("java.class.path"), Main.class.getName());
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
        return args[i];
    }

    private static Long number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed needs an integer, got " + s);
        }
    }
}
