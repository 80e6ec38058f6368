package tdl.api;

import tdl.vocab.ErrorKind;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.graph.GraphError;
import tdl.interp.Interpreter;
import tdl.session.Session;
import tdl.session.SessionOptions;
import tdl.syntax.Parser;
import tdl.syntax.SourceText;
import tdl.syntax.TdlError;
import tdl.syntax.ast.Module;

/**
 * One independent TDL interpreter for a Java application: its own globals, modules, random streams
 * and output. Script errors leave as {@link TdlError} (kind such as "ValueError", position, hint);
 * the session stays usable after them, also after a TimeoutError. One thread at a time: the public
 * methods are synchronized, except {@link #interrupt()} which any thread may call.
 */
public final class TdlSession {
    private final Session session;
    private final WriterOutputStream out;
    private final WriterOutputStream err;
    private final JavaValues values = new JavaValues(this);

    TdlSession(Tdl.Builder b) {
        this.out = new WriterOutputStream(b.out);
        this.err = new WriterOutputStream(b.err);
        Path root = b.fileRoot == null ? null : b.fileRoot.toAbsolutePath().normalize();
        Path wd = b.workingDir != null ? b.workingDir : root;
        SessionOptions o = new SessionOptions(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), b.seed, false, root, b.fileAccess, b.timeLimit, wd)
                .withTheanoFlags(b.theanoFlags);
        this.session = new Session(o);
    }

    // ---- running code ----

    /** Runs statements; returns the value of the last one when it is an expression (else null), as {@link #get(String)} would. */
    public synchronized Object eval(String code) {
        return eval(code, "<eval>");
    }

    /** Runs statements; {@code sourceName} is the file name errors report. */
    public synchronized Object eval(String code, String sourceName) {
        return toJava(guard(() -> session.run(parse(code, sourceName), true)));
    }

    /** Like {@link #eval(String)} with the result converted to {@code type}. */
    public synchronized <T> T eval(String code, Class<T> type) {
        return toJava(guard(() -> session.run(parse(code, "<eval>"), true)), type);
    }

    /** Parses once, to run many times with {@link TdlScript#run()}. Syntax errors surface here. */
    public synchronized TdlScript compile(String code, String sourceName) {
        return new TdlScript(this, guard(() -> parse(code, sourceName)));
    }

    public TdlScript compile(String code) { return compile(code, "<script>"); }

    /**
     * Runs a .tdl file in this session's globals (its functions and variables stay defined; imports of
     * .tdl files beside it work). Subject to the session's file access rules like any other read.
     */
    public synchronized void load(Path file) {
        guard(() -> {
            Path checked = session.interpreter().resolvePath(file.toString(), false);
            session.runFile(checked, List.of());
            return null;
        });
    }

    synchronized Object runParsed(Module m) {
        return guard(() -> session.run(m, true));
    }

    static Module parse(String code, String sourceName) {
        return Parser.parse(new SourceText(sourceName == null ? "<eval>" : sourceName, code));
    }

    // ---- variables ----

    /** Defines or replaces a global, converting the Java value (double[][] -> array, List -> list, ...). */
    public synchronized void set(String name, Object value) { session.set(name, toScript(value)); }

    /** A global in its natural Java form: Long, Double, Boolean, String, List, Map, NDArray, TdlFunction, or the value itself. */
    public synchronized Object get(String name) { return toJava(lookup(name)); }

    /** A global converted to {@code type}: double, long, int, boolean, String, double[], double[][], DMatrixRMaj, NDArray, List, Map, TdlFunction. */
    public synchronized <T> T get(String name, Class<T> type) { return toJava(lookup(name), type); }

    public synchronized boolean has(String name) { return session.globals().containsKey(name); }

    public synchronized void remove(String name) { session.globals().remove(name); }

    /** The names of the globals a script defined or the host set (without __dunder__ names). */
    public synchronized List<String> names() {
        List<String> out = new ArrayList<>();
        for (String k : session.globals().keySet()) if (!k.startsWith("__")) out.add(k);
        return out;
    }

    /**
     * The live global variables as script values, unconverted (Long, Double, ArrayList, NDArray, ...):
     * for embedders that mirror globals elsewhere, such as the JSR-223 engine's bindings.
     */
    public Map<String, Object> scriptGlobals() { return session.globals(); }

    private Object lookup(String name) {
        Map<String, Object> g = session.globals();
        if (!g.containsKey(name)) throw new TdlError(ErrorKind.NAME_ERROR, "name '" + name + "' is not defined");
        return g.get(name);
    }

    // ---- calling ----

    /** Calls the global function {@code name} with Java arguments; the result in natural Java form. */
    public synchronized Object call(String name, Object... args) { return function(name).call(args); }

    /** Calls the global function {@code name} and converts the result to {@code type}. */
    public synchronized <T> T callAs(String name, Class<T> type, Object... args) { return function(name).callAs(type, args); }

    /** A handle on the global callable {@code name} (a def, a compiled function, a class). */
    public synchronized TdlFunction function(String name) {
        Object f = lookup(name);
        if (!session.interpreter().isCallable(f)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "'" + name + "' is a " + typeName(f) + ", not a function");
        }
        return new TdlFunction(this, f, name);
    }

    synchronized Object invokeScript(Object callable, List<Object> args) {
        return guard(() -> session.invoke(callable, args, null));
    }

    /** Reads the attribute {@code name} of a script object (a method of a TDL class instance, say). */
    public synchronized Object attribute(Object scriptObject, String name) {
        Object target = scriptObject instanceof TdlFunction f ? f.target() : scriptObject;
        return guard(() -> session.interpreter().attribute(target, name));
    }

    // ---- conversions, output, control ----

    /** Converts a Java value to the script value a script would see (the table in docs/embedding.md). */
    public Object toScript(Object javaValue) { return values.toScript(javaValue); }

    /** Converts a script value to its natural Java form. */
    public Object toJava(Object scriptValue) { return values.toJava(scriptValue); }

    /** Converts a script value to {@code type}; a TdlError of kind TypeError when it cannot. */
    public <T> T toJava(Object scriptValue, Class<T> type) { return values.toJava(scriptValue, type); }

    /** Where print() writes from now on. */
    public void setOutput(Writer w) { out.setTarget(w); }

    /** Where warnings and error text go from now on. */
    public void setErrorOutput(Writer w) { err.setTarget(w); }

    /** Stops the running script with a KeyboardInterrupt error; safe from any thread. */
    public void interrupt() { session.interrupt(); }

    /** The file a session's relative paths start from. */
    public Path workingDirectory() { return session.interpreter().workingDirectory(); }

    String typeName(Object v) { return session.interpreter().typeName(v); }

    Interpreter interpreter() { return session.interpreter(); }

    static TdlError outOfMemory() {
        long max = Runtime.getRuntime().maxMemory();
        return new TdlError(ErrorKind.MEMORY_ERROR, "out of memory (the JVM's heap holds at most " + (max >> 20) + " MB)",
                "use smaller arrays, or give the JVM a larger heap with -Xmx");
    }

    /** Graph errors raised outside a script statement (a compiled function called from Java) become TdlErrors too. */
    private <R> R guard(java.util.function.Supplier<R> body) {
        try {
            return body.get();
        } catch (GraphError g) {
            // the op's origin is the script line that built it: the best position when Java made the call
            tdl.syntax.SourcePos where = g.blamed() != null && g.blamed().origin() instanceof tdl.syntax.SourcePos p ? p : null;
            TdlError e = new TdlError(g.kind(), g.getMessage(), where, g.hint());
            e.initCause(g);
            throw e;
        } catch (StackOverflowError so) {
            throw new TdlError(ErrorKind.RECURSION_ERROR, "maximum recursion depth exceeded");
        } catch (OutOfMemoryError oom) {
            // the last resort (sizes are checked before big allocations): what failed is garbage now,
            // so the session and the JVM's other sessions go on
            throw outOfMemory();
        } finally {
            out.flush();
            err.flush();
        }
    }
}
