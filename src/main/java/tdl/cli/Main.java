package tdl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tdl.syntax.TdlError;

/**
 * The {@code tdl} command. {@link #run} is the whole program and never exits the JVM, so tests
 * drive it in-process; {@link #main} only turns its result into the exit status.
 * Exit status: 0 success, 1 the script failed, 2 bad usage.
 */
@Command(name = "tdl", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = false,
        description = {"Runs a TDL script (a Theano-like language for the JVM).",
            "With no FILE and no -e: reads a script from standard input."},
        footer = {"", "tdl bench [--help]: time the RBM, compile, call and start-up workloads (docs/performance.md).",
            "tdl kernel install [--user|--prefix DIR]: install the Jupyter kernel; tdl kernel --help for more.",
            "Arguments after FILE go to the script (argv = [FILE, ARGS...]), not to tdl.",
            "Exit status: 0 success, 1 the script failed, 2 bad usage."})
public final class Main implements Callable<Integer> {
    public static final int OK = 0;
    public static final int SCRIPT_ERROR = 1;
    public static final int USAGE = 2;
    public static final String VERSION = "0.1.0";

    @Option(names = {"-e"}, paramLabel = "CODE", description = "Run CODE instead of a file.")
    private String code;

    @Option(names = "--seed", paramLabel = "N", description = "Seed every default random stream.")
    private Long seed;

    @Option(names = "--debug", description = "Show Java stack traces with errors.")
    private boolean debug;

    @Option(names = "--profile", description = "Print a per-function, per-op time table at exit.")
    private boolean profile;

    @Option(names = "--nan-guard", description = "Stop at the first op that produces NaN or Inf.")
    private boolean nanGuard;

    @Option(names = "--floatX", paramLabel = "DTYPE",
            description = "theano.config.floatX: float64 (default) or float32; overrides THEANO_FLAGS.")
    private String floatX;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The script to run ('-' reads standard input).")
    private String file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments passed to the script.")
    private List<String> scriptArgs = new ArrayList<>();

    private final ScriptHost.Factory factory;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;

    private Main(ScriptHost.Factory factory, InputStream in, PrintStream out, PrintStream err, boolean interactive) {
        this.factory = factory;
        this.in = in;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /** A command with no host, for tests of {@link #takePlainForm}. */
    static Main forTest(PrintStream out) {
        return new Main(s -> { throw new IllegalStateException("not run"); }, InputStream.nullInputStream(), out, out, false);
    }

    public static void main(String[] args) {
        int status = run(args, System.in, System.out, System.err, SessionHost::new, System.console() != null);
        // the launcher's archive-dumping run: load the interactive REPL's and the compiler's classes too (see ./tdl)
        if (System.getenv("TDL_CDS_ARCHIVE_RUN") != null) ArchiveRun.exercise(System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs the command line with the real interpreter; stdin counts as a pipe, never a terminal. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, SessionHost::new, false);
    }

    /**
     * Runs the command line with the given interpreter factory.
     *
     * @param interactive whether stdin is a terminal (then no FILE and no -e starts the REPL)
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
                          ScriptHost.Factory factory, boolean interactive) {
        if (args.length > 0 && args[0].equals("bench")) return Bench.run(args, out, err);
        if (args.length > 0 && args[0].equals("kernel")) return KernelCommand.run(args, out, err, System.getenv());
        if (args.length == 0 && interactive) {
            // plain `tdl` at a terminal: no options to parse, and skipping picocli's class loading
            // (its Java 5 classes cannot be class-data-shared) brings the prompt up sooner
            return new ReplLauncher().launch(new HostSettings(in, out, err, Path.of("").toAbsolutePath(),
                    null, false, false, false, System.getenv("THEANO_FLAGS")), null);
        }
        Main command = new Main(factory, in, out, err, interactive);
        if (command.takePlainForm(args)) {
            int status = command.call();
            out.flush();
            err.flush();
            return status;
        }
        CommandLine cli = new CommandLine(command);
        // everything after FILE belongs to the script: `tdl s.tdl --epochs 1`
        cli.setStopAtPositional(true);
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setParameterExceptionHandler((ex, a) -> {
            errWriter.println("tdl: " + ex.getMessage());
            ex.getCommandLine().usage(errWriter);
            return USAGE;
        });
        int status = cli.execute(args);
        outWriter.flush();
        errWriter.flush();
        out.flush();
        err.flush();
        return status;
    }

    /**
     * Takes {@code -e CODE} or {@code FILE ARGS...} (FILE not starting with '-' or '@') without
     * picocli, setting the fields exactly as picocli would (after FILE everything is the script's).
     * Parsing with picocli costs about a third of a short run's start-up: its Java 5 classes cannot
     * be class-data-shared and are verified on every start. Anything else goes to picocli.
     */
    boolean takePlainForm(String[] args) {
        if (args.length == 2 && args[0].equals("-e")) {
            code = args[1];
            return true;
        }
        if (args.length >= 1 && !args[0].isEmpty() && args[0].charAt(0) != '-' && args[0].charAt(0) != '@') {
            file = args[0];
            scriptArgs = new ArrayList<>(List.of(args).subList(1, args.length));
            return true;
        }
        return false;
    }

    @Override
    public Integer call() {
        HostSettings settings = new HostSettings(in, out, err, Path.of("").toAbsolutePath(),
                seed, debug, profile, nanGuard, HostSettings.theanoFlags(System.getenv("THEANO_FLAGS"), floatX));
        if (code != null) {
            List<String> argv = new ArrayList<>();
            argv.add("-e");
            if (file != null) argv.add(file);
            argv.addAll(scriptArgs);
            return guarded(settings, host -> host.exec(code, "<string>", argv));
        }
        if (file == null) {
            return interactive
                    ? new ReplLauncher().launch(settings, this::guarded)
                    : runStdin(settings, List.of(""));
        }
        List<String> argv = new ArrayList<>();
        argv.add(file);
        argv.addAll(scriptArgs);
        if (file.equals("-")) return runStdin(settings, argv);
        Path typed = Path.of(file);
        Path path = settings.workingDir().resolve(typed);
        if (!Files.exists(path)) return cannotOpen(file, "no such file");
        if (Files.isDirectory(path)) return cannotOpen(file, "is a directory");
        if (!Files.isReadable(path)) return cannotOpen(file, "permission denied");
        // the script sees the name as typed, like Python's sys.argv[0]
        return guarded(settings, host -> host.runFile(typed, argv));
    }

    private int runStdin(HostSettings settings, List<String> argv) {
        String source;
        try {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("tdl: cannot read standard input: " + e.getMessage());
            return USAGE;
        }
        return guarded(settings, host -> host.exec(source, "<stdin>", argv));
    }

    private int cannotOpen(String name, String why) {
        err.println("tdl: cannot open '" + name + "': " + why);
        return USAGE;
    }

    /** Something to do with a fresh session. */
    @FunctionalInterface
    interface Job {
        void run(ScriptHost host);
    }

    /**
     * Runs a job in a fresh session and turns what escapes it into an exit status: a TdlError is the
     * script's fault (its formatted text, status 1); anything else is ours, reported in one line
     * unless --debug asks for the trace.
     */
    int guarded(HostSettings settings, Job job) {
        ScriptHost host = null;
        try {
            host = factory.create(settings);
            job.run(host);
            return OK;
        } catch (tdl.syntax.ScriptExit e) {
            // sys.exit(): Python prints nothing for a status, the message for anything else
            if (e.text() != null) err.println(e.text());
            return e.status();
        } catch (TdlError e) {
            err.println(host != null ? host.format(e) : e.format());
            return SCRIPT_ERROR;
        } catch (StackOverflowError e) {
            err.println("RecursionError: maximum recursion depth exceeded");
            if (settings.debug()) e.printStackTrace(err);
            return SCRIPT_ERROR;
        } catch (OutOfMemoryError e) {
            // the script's data did not fit: a MemoryError of the script, not a crash of ours
            err.println("MemoryError: out of memory (the JVM's heap holds at most " + (java.lang.Runtime.getRuntime().maxMemory() >> 20) + " MB)");
            err.println("  hint: use smaller arrays, or give the JVM a larger heap (TDL_JAVA_OPTS=-Xmx8g)");
            if (settings.debug()) e.printStackTrace(err);
            return SCRIPT_ERROR;
        } catch (RuntimeException e) {
            err.println("tdl: internal error: " + e);
            if (settings.debug()) e.printStackTrace(err);
            else err.println("  (run with --debug for the Java stack trace, and please report it)");
            return SCRIPT_ERROR;
        } finally {
            if (host != null) {
                try {
                    host.close();
                } catch (RuntimeException e) {
                    err.println("tdl: " + e.getMessage());
                }
            }
            out.flush();
            err.flush();
        }
    }

    /** --version: the language version and the Java it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tdl " + VERSION + " (Java " + System.getProperty("java.version")
                    + ", " + System.getProperty("java.vm.name") + ")"};
        }
    }
}
