package tdl.interp;

import tdl.vocab.Operator;
import tdl.vocab.ErrorKind;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.syntax.SourcePos;
import tdl.syntax.TdlError;
import tdl.syntax.ast.Module;

/**
 * The tree-walking interpreter of one session. It owns every piece of mutable state (globals,
 * hooks, modules, working directory, interrupt flag); nothing is static, so sessions are isolated.
 * Statements and expressions are walked by {@link Executor}; the value protocol (operators,
 * attributes, items, calls) lives in {@link Protocol}.
 */
public final class Interpreter implements Runtime {
    private final PrintStream out;
    private final PrintStream err;
    private final Long seed;
    private final Path fileRoot;
    private final boolean fileAccess;
    private Path workingDir;

    final Map<String, Object> builtins = new LinkedHashMap<>();
    final Map<String, Object> mainGlobals = new HashMap<>();
    final Map<String, TdlModule> modules = new LinkedHashMap<>();
    final Map<Path, TdlModule> fileModules = new HashMap<>();
    private final Map<Class<?>, TypeHooks> hooks = new LinkedHashMap<>();
    private final Map<Class<?>, TypeHooks> hookCache = new HashMap<>();
    private final Map<Class<?>, Object> state = new HashMap<>();
    final Exceptions exceptions = new Exceptions();
    final Protocol protocol = new Protocol(this);
    final Evaluator evaluator = new Evaluator(this);
    final Executor executor = new Executor(this);
    final Imports imports = new Imports(this);

    private final AtomicBoolean interrupted = new AtomicBoolean();
    private volatile long deadline;          // System.nanoTime() bound, 0 = none
    private volatile boolean checks;         // interrupt or deadline pending: the fast-path test
    // guards runner, poked and alarm: an interrupt either reaches the run in progress or is dropped
    private final Object runLock = new Object();
    private Thread runner;                   // the thread of the run in progress, null between runs
    private boolean poked;                   // we interrupted runner (so endRun withdraws it)
    private ScheduledFuture<?> alarm;
    private ScheduledThreadPoolExecutor watchdog;
    SourcePos currentPos;
    int depth;
    /** Maximum nesting of TDL calls before RecursionError (Python's default is 1000). */
    int recursionLimit = 1000;
    /** Errors being handled by except blocks, innermost last (for a bare raise). */
    final ArrayList<TdlError> handling = new ArrayList<>();
    /** Call frames for zero-argument super(). */
    final ArrayList<Object[]> frames = new ArrayList<>();
    /** Python's random module's generator (seeded by the session's seed when it has one). */
    final PyRandom random;
    private final Builtins builtinsHelper;

    Builtins builtinsHelper() { return builtinsHelper; }

    /** Options fixed at construction; see tdl.session.SessionOptions for the user-facing form. */
    public record Config(PrintStream out, PrintStream err, Long seed, Path fileRoot, boolean fileAccess,
                         Path workingDir) {}

    public Interpreter(Config c) {
        this.out = c.out() == null ? System.out : c.out();
        this.err = c.err() == null ? System.err : c.err();
        this.seed = c.seed();
        this.fileRoot = c.fileRoot() == null ? null : c.fileRoot().toAbsolutePath().normalize();
        this.fileAccess = c.fileAccess();
        this.workingDir = (c.workingDir() == null ? Path.of("") : c.workingDir()).toAbsolutePath().normalize();
        this.random = new PyRandom(seed);
        builtinsHelper = Builtins.install(this);
        StdModules.install(this);
        mainGlobals.put("__name__", "__main__");
    }

    public Interpreter() {
        this(new Config(System.out, System.err, null, null, true, null));
    }

    // ---- running code ----

    /** Runs a parsed unit in the __main__ globals; returns the value of a final expression statement. */
    public Object run(Module module, boolean wantLastValue) {
        return executor.runModule(module, Scope.module(mainGlobals), wantLastValue);
    }

    /** The __main__ module's global variables (live). */
    public Map<String, Object> globals() { return mainGlobals; }

    /** Calls a value with positional arguments (functions, classes, builtins, hooked callables). */
    public Object callValue(Object f, Object... args) {
        return call(f, List.of(args), null);
    }

    /**
     * Starts the outermost run on the current thread: an interrupt from before is dropped (an
     * interrupt applies to the run in progress only), and with a limit an alarm interrupts this
     * thread at the deadline so that kernels deep in a compiled call stop too.
     */
    public void startRun(java.time.Duration limit) {
        synchronized (runLock) {
            interrupted.set(false);
            runner = Thread.currentThread();
            deadline = limit == null ? 0 : System.nanoTime() + limit.toNanos();
            if (deadline == 0 && limit != null) deadline = 1;
            checks = deadline != 0;
            if (limit != null) alarm = watchdog().schedule(this::alarm, limit.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Ends the outermost run: the alarm is cancelled and our own interrupt of this thread withdrawn. */
    public void endRun() {
        synchronized (runLock) {
            if (alarm != null) alarm.cancel(false);
            alarm = null;
            if (poked) Thread.interrupted(); // ours, not the embedder's: must not reach its next call
            poked = false;
            runner = null;
            interrupted.set(false);
            deadline = 0;
            checks = false;
        }
    }

    private void alarm() {
        synchronized (runLock) {
            if (runner == null) return;
            checks = true;
            poked = true;
            runner.interrupt();
        }
    }

    /** One timer thread per session that uses a time limit, gone when idle (no thread per run). */
    private ScheduledThreadPoolExecutor watchdog() {
        if (watchdog == null) {
            watchdog = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "tdl-time-limit");
                t.setDaemon(true);
                return t;
            });
            watchdog.setKeepAliveTime(2, TimeUnit.SECONDS);
            watchdog.allowCoreThreadTimeOut(true);
            watchdog.setRemoveOnCancelPolicy(true);
        }
        return watchdog;
    }

    /**
     * Asks the running code to stop with KeyboardInterrupt at the next statement, loop turn, call,
     * scan step or kernel block; safe from any thread. Dropped when nothing runs.
     */
    public void interrupt() {
        synchronized (runLock) {
            if (runner == null) return;
            interrupted.set(true);
            checks = true;
            poked = true;
            runner.interrupt();
        }
    }

    @Override
    public void checkInterrupt() {
        if (!checks && !Thread.currentThread().isInterrupted()) return;
        TdlError stop = stopError();
        if (stop != null) throw stop;
    }

    /**
     * Why the run must stop, with the thread's flag consumed; null when it need not. A
     {@code Thread.interrupt()} of the running thread from outside counts as KeyboardInterrupt.
     */
    private TdlError stopError() {
        if (interrupted.getAndSet(false)) {
            Thread.interrupted();
            checks = deadline != 0;
            return new TdlError(ErrorKind.KEYBOARD_INTERRUPT, "interrupted");
        }
        if (deadline != 0 && System.nanoTime() - deadline > 0) {
            // the deadline (and the alarm's interrupt) stay set, so a script that catches the error
            // is stopped again at once; endRun clears them
            return new TdlError(ErrorKind.TIMEOUT_ERROR, "the script ran longer than its time limit",
                    "the embedding application bounds how long a script may run");
        }
        if (Thread.interrupted()) return new TdlError(ErrorKind.KEYBOARD_INTERRUPT, "interrupted");
        return null;
    }

    // ---- Runtime ----

    @Override public PrintStream out() { return out; }

    @Override public PrintStream err() { return err; }

    @Override public SourcePos currentPos() { return currentPos; }

    @Override
    public Object call(Object callable, List<Object> args, Map<String, Object> kwargs) {
        return protocol.call(callable, args, kwargs, null);
    }

    @Override
    public void registerHooks(Class<?> type, TypeHooks h) {
        hooks.put(type, h);
        hookCache.clear();
    }

    @Override
    public TypeHooks hooksFor(Object value) {
        if (value == null || value instanceof Long || value instanceof Double || value instanceof String
                || value instanceof Boolean || value instanceof java.math.BigInteger) return null;
        Class<?> c = value.getClass();
        TypeHooks h = hookCache.get(c);
        if (h != null || hookCache.containsKey(c)) return h;
        h = findHooks(c);
        hookCache.put(c, h);
        return h;
    }

    private TypeHooks findHooks(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            TypeHooks h = hooks.get(k);
            if (h != null) return h;
        }
        for (Map.Entry<Class<?>, TypeHooks> e : hooks.entrySet()) {
            if (e.getKey().isAssignableFrom(c)) return e.getValue();
        }
        return null;
    }

    @Override
    public void registerModule(TdlModule module) {
        // libraries fill member tables directly: name their bare lambdas once the table is complete
        module.members().replaceAll(Builtin::named);
        modules.put(module.name(), module);
    }

    @Override
    public void defineGlobal(String name, Object value) { builtins.put(name, Builtin.named(name, value)); }

    @Override
    public Object builtin(String name) { return builtins.get(name); }

    @Override
    public BuiltinType registerType(BuiltinType type) {
        builtinsHelper.types.put(type.name(), type);
        return type;
    }

    @Override
    public Path resolvePath(String path, boolean forWriting) {
        if (!fileAccess) {
            throw new TdlError(ErrorKind.PERMISSION_ERROR, "file access is disabled in this session: " + path,
                    "the embedding application switched file access off");
        }
        Path p = workingDir.resolve(path).toAbsolutePath().normalize();
        if (fileRoot != null && (!p.startsWith(fileRoot) || !realPathInside(p))) {
            throw new TdlError(ErrorKind.PERMISSION_ERROR, "access outside the allowed folder: " + path,
                    "files must stay under " + fileRoot);
        }
        return p;
    }

    /** A symbolic link inside the folder must not lead out of it: compare real paths of what exists. */
    private boolean realPathInside(Path p) {
        try {
            Path existing = p;
            while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
            if (existing == null) return true;
            Path root = Files.exists(fileRoot) ? fileRoot.toRealPath() : fileRoot;
            return existing.toRealPath().startsWith(root) || !existing.startsWith(fileRoot);
        } catch (java.io.IOException e) {
            return false; // a dangling link or unreadable ancestor: refuse rather than guess
        }
    }

    @Override
    public void changeDirectory(String path) {
        Path p = resolvePath(path, false);
        if (!Files.isDirectory(p)) throw new TdlError(ErrorKind.FILE_NOT_FOUND_ERROR, "No such directory: '" + path + "'");
        workingDir = p;
    }

    /** The attribute {@code name} of a value, as {@code obj.name} in a script (for embedders' invokeMethod). */
    public Object attribute(Object obj, String name) { return protocol.getAttr(obj, name); }

    /**
     * Whether a script could call the value: functions, classes, builtins, bound methods, instances
     * with __call__, and hooked values (compiled functions) whose hooks implement call.
     */
    public boolean isCallable(Object o) {
        if (o instanceof TdlCallable || o instanceof TdlFunction || o instanceof BoundMethod || o instanceof TdlClass) return true;
        if (o instanceof TdlInstance i) return i.cls.lookup("__call__") != Scope.MISSING;
        TypeHooks h = hooksFor(o);
        if (h == null) return false;
        try {
            return h.getClass().getMethod("call", Runtime.class, Object.class, Args.class).getDeclaringClass() != TypeHooks.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The directory relative paths are resolved against. */
    public Path workingDirectory() { return workingDir; }

    @Override public Long seed() { return seed; }

    @Override public String str(Object value) { return protocol.str(value); }

    @Override public String repr(Object value) { return protocol.repr(value); }

    @Override public boolean truth(Object value) { return protocol.truth(value); }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T sessionState(Class<T> key, Supplier<T> init) {
        return (T) state.computeIfAbsent(key, k -> init.get());
    }

    // ---- helpers used across the package ----

    /** The name type(v).__name__ would give, for messages. */
    public String typeName(Object v) { return protocol.typeName(v); }

    boolean equalsValues(Object a, Object b) { return protocol.equalsValues(a, b); }

    int compareValues(Operator op, Object a, Object b) { return protocol.compareSign(op, a, b); }

    Object getAttr(Object obj, String name) { return protocol.getAttr(obj, name); }

    Object getItem(Object obj, Object index) { return protocol.getItem(obj, index); }

    Object toNumber(Object v, String what) { return protocol.toNumber(v, what); }

    String formatValue(Object v, String conv, String spec) { return protocol.formatValue(v, conv, spec); }

    /** The full names of the registered built-in modules (numpy, theano.tensor.nnet, ...), for help and its tests. */
    public List<String> moduleNames() { return new ArrayList<>(modules.keySet()); }

    /** The built-in module registered under {@code name}, or null. */
    public TdlModule module(String name) { return modules.get(name); }

    /** Names visible in __main__ (globals then builtins), for REPL completion. */
    public List<String> visibleNames() {
        List<String> names = new ArrayList<>(mainGlobals.keySet());
        for (String b : builtins.keySet()) if (!mainGlobals.containsKey(b)) names.add(b);
        return names;
    }

    /** Attribute names of a value, for dir() and REPL completion. */
    public List<String> attributeNames(Object value) { return protocol.dir(value); }

    /**
     * Turns anything thrown while evaluating the node at {@code pos} into a positioned TdlError;
     * control-flow signals pass through untouched.
     */
    /** Where each operand of a failing node came from: the line that built it, or the input's name. */
    private static String operandOrigins(Apply node) {
        StringBuilder sb = new StringBuilder();
        List<tdl.graph.Variable> ins = node.inputs();
        for (int i = 0; i < ins.size(); i++) {
            tdl.graph.Variable v = ins.get(i);
            sb.append(i == 0 ? "operand 1 " : ", operand " + (i + 1) + " ");
            if (v.owner() != null && v.owner().origin() instanceof SourcePos sp) sb.append("built at ").append(sp);
            else if (v instanceof tdl.graph.Constant) sb.append("is a constant");
            else if (v instanceof tdl.graph.SharedVariable) sb.append("is shared variable '").append(v).append("'");
            else sb.append("is input '").append(v).append("'");
        }
        return sb.toString();
    }

    RuntimeException convert(Throwable t, SourcePos pos) {
        if (t instanceof ControlSignal cs) return cs;
        if (t instanceof TdlError e && e.kind() == ErrorKind.KEYBOARD_INTERRUPT
                || t instanceof GraphError g0 && g0.kind() == ErrorKind.KEYBOARD_INTERRUPT) {
            // a kernel or a library saw the thread's stop flag: say why it was set (interrupt or time limit)
            TdlError stop = stopError();
            if (stop != null) return stop.at(pos);
        }
        if (t instanceof TdlError e) return e.at(pos);
        if (t instanceof GraphError g) {
            SourcePos where = pos;
            Apply blamed = g.blamed();
            if (blamed != null && blamed.origin() instanceof SourcePos sp) where = sp;
            String message = g.getMessage();
            if (blamed != null && where != pos) message += "\n  " + operandOrigins(blamed) + "; called at " + pos;
            TdlError e = new TdlError(g.kind(), message, where, g.hint());
            e.at(pos); // the call site is this frame's traceback entry; the built-at line stays the error's position
            e.initCause(g);
            return e;
        }
        if (t instanceof StackOverflowError) {
            return new TdlError(ErrorKind.RECURSION_ERROR, "maximum recursion depth exceeded", pos,
                    "a function calls itself without reaching its base case");
        }
        if (t instanceof OutOfMemoryError) {
            return new TdlError(ErrorKind.MEMORY_ERROR, "out of memory", pos, "use smaller arrays or a larger -Xmx");
        }
        if (t instanceof Error err0) throw err0;
        TdlError e = new TdlError(ErrorKind.INTERNAL_ERROR, String.valueOf(t), pos,
                "this is a bug in TDL; run with --debug for the Java stack trace");
        e.initCause(t);
        return e;
    }
}
