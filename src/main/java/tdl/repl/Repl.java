package tdl.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import tdl.session.Session;
import tdl.session.ValueText;
import tdl.syntax.TdlError;

/**
 * The interactive TDL session: reads entries with JLine (continuation prompt, history, completion,
 * highlighting), runs each on a worker thread with a large stack so Ctrl-C can interrupt it, echoes
 * the value of a bare expression, and reports errors without losing any variable.
 */
public final class Repl {
    static final String PROMPT = ">>> ";
    static final String CONTINUATION = "... ";
    static final String SOURCE = "<stdin>";

    private final Terminal terminal;
    private final LineReader reader;
    private final BiFunction<PrintStream, PrintStream, Session> sessions;
    private final PrintStream out;
    private final PrintStream err;
    private final MetaCommands meta;
    private volatile CompletableFuture<Session> session;
    private volatile boolean running;

    /**
     * @param sessions builds a fresh session printing to the given out and err (called at start and on :reset)
     * @param history  the history file, or null for none
     */
    public Repl(Terminal terminal, BiFunction<PrintStream, PrintStream, Session> sessions, PrintStream out,
                PrintStream err, Path history) {
        this.terminal = terminal;
        this.sessions = sessions;
        this.out = out;
        this.err = err;
        // the libraries install while the terminal and reader start, so the prompt shows sooner
        this.session = startSession();
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("tdl")
                .parser(new EntryParser())
                .completer(new NameCompleter(this::session))
                .highlighter(new SyntaxHighlighter())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .variable(LineReader.INDENTATION, 4)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is an operator, not history
                .option(LineReader.Option.INSERT_TAB, false)
                .option(LineReader.Option.AUTO_FRESH_LINE, true);
        if (history != null) b.variable(LineReader.HISTORY_FILE, history);
        this.reader = b.build();
        this.meta = new MetaCommands(this);
        terminal.handle(Terminal.Signal.INT, s -> interrupt());
    }

    /**
     * Starts the REPL on the process's terminal; a dumb terminal when there is none. Returns the exit status.
     */
    public static int launch(BiFunction<PrintStream, PrintStream, Session> sessions, InputStream in,
                             PrintStream out, PrintStream err) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).graphemeCluster(false)
                .name("tdl").build()) {
            // errors go where the prompts go: on a terminal both are the screen, and the launcher can
            // then filter the JVM's own stderr (its incubator-module warning) without reordering them
            return new Repl(terminal, sessions, out, out, historyFile(System.getenv("TDL_HISTORY"))).run();
        } catch (IOException e) {
            err.println("tdl: cannot open the terminal: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Runs a REPL on {@code input} over a dumb terminal, discarding what it prints; returns its exit
     * status, or -1 when it could not run. (For the launcher's class-data-sharing archive run.)
     */
    public static int runOver(String input, BiFunction<PrintStream, PrintStream, Session> sessions) {
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        try (Terminal t = dumbTerminal(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), sink)) {
            return new Repl(t, sessions, out, out, null).run();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A JLine dumb terminal over plain streams, for driving the REPL without a tty (tests, pipes). */
    public static Terminal dumbTerminal(InputStream in, OutputStream out) throws IOException {
        return new DumbTerminal("tdl", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
    }

    /** {@code TDL_HISTORY} if set, else {@code ~/.tdl_history}. */
    static Path historyFile(String env) {
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".tdl_history");
    }

    /** Reads and runs entries until :quit or end of input (Ctrl-D). */
    public int run() {
        out.println("TDL " + version() + " on Java " + System.getProperty("java.version")
                + ". Type :help for help, :quit or Ctrl-D to leave.");
        if (System.getenv("TDL_STARTUP_TRACE") != null) {
            // how long the JVM took to get here: the startup measurement without the tty round trip
            err.println("[startup] prompt at " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                    + " ms after JVM start");
        }
        try {
            while (true) {
                String entry;
                try {
                    entry = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt drops the line, as in Python
                } catch (EndOfFileException e) {
                    break;
                }
                String trimmed = entry.strip();
                if (trimmed.isEmpty()) continue;
                if (trimmed.startsWith(":")) {
                    if (!meta.run(trimmed)) break;
                    continue;
                }
                evaluate(entry);
            }
        } finally {
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                err.println("tdl: cannot save history: " + e.getMessage());
            }
            out.flush();
        }
        return 0;
    }

    /** Runs one entry and echoes the value of a final bare expression unless it is None. */
    void evaluate(String code) {
        Session s = session();
        runOnWorker(() -> {
            Object value = s.exec(code, SOURCE);
            String text = ValueText.echo(s.interpreter(), value);
            if (text != null) out.println(text);
        });
    }

    /** Stops the running statement (what Ctrl-C does); harmless when nothing runs. Also the tests' hook. */
    public void interrupt() {
        if (running) session().interrupt();
    }

    /** Whether an entry is running now (the tests wait for it before interrupting). */
    public boolean isRunning() { return running; }

    /** The current session (a new one after :reset). */
    public Session session() {
        try {
            return session.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    void reset() { session = startSession(); }

    private CompletableFuture<Session> startSession() {
        CompletableFuture<Session> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(sessions.apply(out, err));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "tdl-session-start");
        t.setDaemon(true);
        t.start();
        return f;
    }

    PrintStream out() { return out; }

    LineReader reader() { return reader; }

    PrintStream err() { return err; }

    /**
     * Runs a job on the session's worker thread (a big stack, interruptible by Ctrl-C) and waits for
     * it; whatever it throws is reported here, so the REPL itself never dies of a script's error.
     */
    void runOnWorker(Runnable job) {
        Session s = session();
        running = true;
        Throwable failure;
        try {
            failure = s.runOnWorker(job);
        } finally {
            running = false;
        }
        out.flush();
        if (failure != null) report(failure);
        err.flush();
    }

    private void report(Throwable t) {
        if (t instanceof TdlError e) {
            err.println(session().format(e));
        } else if (t instanceof StackOverflowError) {
            err.println("RecursionError: maximum recursion depth exceeded");
        } else {
            err.println("tdl: internal error: " + t);
            if (session().options().debug()) t.printStackTrace(err);
            else err.println("  (start tdl with --debug for the Java stack trace, and please report it)");
        }
    }

    private static String version() {
        String v = Repl.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }
}
