package tdl.session;

import tdl.vocab.ErrorKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tdl.function.ProfileRegistry;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.DisplaySink;
import tdl.interp.Interpreter;
import tdl.interp.TdlModule;
import tdl.lib.Library;
import tdl.lib.display.Display;
import tdl.lib.plot.Pyplot;
import tdl.syntax.Parser;
import tdl.syntax.SourceText;
import tdl.syntax.TdlError;
import tdl.syntax.ast.Module;

/**
 * One interpreter with its builtins and output streams: what the CLI, the REPL and the JSR-223
 * engine run scripts in. Errors leave as positioned {@link TdlError}s; globals survive them.
 */
public final class Session {
    private static final long WORKER_STACK = 64L << 20;
    private final SessionOptions options;
    private final Interpreter interp;
    private final Map<String, Integer> nextLine = new HashMap<>();
    /** Nesting of runs (a Java callback that re-enters the session): only the outermost sets the time limit. */
    private int running;
    /** Read on the first help() call. */
    private HelpTable helpTable;

    public Session(SessionOptions options) {
        this.options = options;
        this.interp = new Interpreter(new Interpreter.Config(options.out(), options.err(), options.seed(),
                options.fileRoot(), options.fileAccess(), options.workingDir()));
        Library.installAll(interp);
        tdl.lib.theano.TheanoLibrary.configure(interp, options.theanoFlags());
        interp.defineGlobal("help", new Builtin("help", this::help));
        interp.sessionState(ProfileRegistry.class, ProfileRegistry::new).configure(options.profile(), options.nanGuard());
    }

    /**
     * Python's help(): help(obj) prints a built-in's signature and doc, a script function's or class's
     * signature and docstring, a module's members; help('name') looks the name up as :help does.
     * The table is read on first use, so sessions that never ask pay nothing.
     */
    private Object help(tdl.interp.Runtime rt, Args a) {
        a.check(1, "request");
        if (helpTable == null) helpTable = HelpTable.load();
        String text;
        if (a.size() == 0 && !a.keywords().containsKey("request")) {
            text = "help(obj) shows what obj is and how to call it; help('T.dot') looks a name up.\n"
                    + "At the prompt, :help NAME does the same and :help T lists a module's names.";
        } else {
            Object request = a.get(0, "request");
            text = request instanceof String name
                    ? java.util.Objects.requireNonNullElse(helpTable.describe(interp, name), "No documentation found for '" + name + "'.")
                    : helpTable.describeValue(interp, null, request);
        }
        rt.out().println(text);
        return null;
    }

    /**
     * With {@code profile} set: each called compiled function's calls, total time and time per op
     * kind, busiest first (empty when nothing was profiled).
     */
    public String profileReport() {
        return interp.sessionState(ProfileRegistry.class, ProfileRegistry::new).report();
    }

    public Session() {
        this(SessionOptions.defaults());
    }

    public Interpreter interpreter() { return interp; }

    public SessionOptions options() { return options; }

    /**
     * Runs a script as module __main__. {@code argv} are the arguments after the file name; the script
     * sees {@code sys.argv == argv == [file, *args]} as in Python.
     */
    public void runFile(Path file, List<String> argv) {
        String text;
        try {
            text = SourceText.decodeUtf8(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new TdlError(ErrorKind.FILE_NOT_FOUND_ERROR, "cannot read script " + file + ": " + e.getMessage());
        }
        List<Object> args = new ArrayList<>();
        args.add(file.toString());
        if (argv != null) args.addAll(argv);
        setArgv(args);
        interp.globals().put("__file__", file.toAbsolutePath().toString());
        run(new SourceText(file.toString(), text), false);
    }

    /** What the script sees as {@code sys.argv} (and the global {@code argv}): the program name first. */
    public void setArgv(List<?> argv) {
        List<Object> args = new ArrayList<>(argv);
        interp.globals().put("argv", args);
        TdlModule sys = interp.module("sys");
        if (sys != null) sys.put("argv", args);
    }

    /**
     * Runs statements (a REPL entry, a -e string); returns the value of the last statement when it is
     * an expression statement, else null. Line numbers continue across entries of the same source name.
     */
    public Object exec(String code, String sourceName) {
        int first = nextLine.getOrDefault(sourceName, 1);
        SourceText src = new SourceText(sourceName, code, first);
        nextLine.put(sourceName, first + (int) code.lines().count());
        return run(src, true);
    }

    /** Evaluates one expression. */
    public Object eval(String expr) {
        return exec(expr, "<eval>");
    }

    private Object run(SourceText src, boolean wantLast) {
        return run(Parser.parse(src), wantLast);
    }

    /**
     * Runs an already parsed unit in __main__ under the session's time limit: what embedders use to
     * parse once and run many times. Returns the value of a final expression statement when asked.
     */
    public Object run(Module module, boolean wantLast) {
        return bounded(() -> interp.run(module, wantLast));
    }

    /** Calls any callable script value with script values, under the session's time limit. */
    public Object invoke(Object callable, List<Object> args, Map<String, Object> kwargs) {
        return bounded(() -> interp.call(callable, args, kwargs));
    }

    private Object bounded(java.util.function.Supplier<Object> body) {
        if (running++ == 0) interp.startRun(options.timeLimit());
        try {
            return body.get();
        } finally {
            if (--running == 0) interp.endRun();
        }
    }

    public Object get(String name) { return interp.globals().get(name); }

    public void set(String name, Object value) { interp.globals().put(name, value); }

    /** The live global variables of __main__. */
    public Map<String, Object> globals() { return interp.globals(); }

    /** Calls a global function (or any callable global) with Java values. */
    public Object call(String function, Object... args) {
        Object f = interp.globals().get(function);
        if (f == null) throw new TdlError(ErrorKind.NAME_ERROR, "name '" + function + "' is not defined");
        return invoke(f, java.util.Arrays.asList(args), null);
    }

    /** The user-facing text of an error, plus the Java stack trace when the session is in debug mode. */
    public String format(TdlError e) {
        String text = e.format();
        if (!options.debug()) return text;
        StringWriter sw = new StringWriter();
        (e.getCause() != null ? e.getCause() : e).printStackTrace(new PrintWriter(sw));
        return text + "\n" + sw;
    }

    /** Sends what scripts show ({@code plt.show()}, {@code display(x)}) to {@code sink} instead of PNG files. */
    public void setDisplay(DisplaySink sink) { Display.of(interp).setSink(sink); }

    /** Shows every figure still open through the display and closes it, as a notebook does after each cell. */
    public void showOpenFigures() { Pyplot.showOpenFigures(interp); }

    /** Stops the running statement with KeyboardInterrupt; safe from any thread. */
    public void interrupt() { interp.interrupt(); }

    /**
     * Runs a job on a fresh thread with a large stack (deep recursion and deep graphs need one) and
     * waits for it: how the REPL and the Jupyter kernel run an entry. An interrupt that arrived while
     * nothing ran was dropped, so it cannot stop this job; interrupting the waiting thread
     * interrupts the job as {@link #interrupt()} does. Returns what the job threw, or null: the
     * caller reports it, and every variable stays.
     */
    public Throwable runOnWorker(Runnable job) {
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(null, () -> {
            try {
                job.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "tdl-eval", WORKER_STACK);
        worker.setDaemon(true);
        Thread.interrupted(); // an interrupt of the caller from before this job must not count against it
        worker.start();
        while (true) {
            try {
                worker.join();
                return failure[0];
            } catch (InterruptedException e) {
                interrupt();
            }
        }
    }
}
