package tdl.lib.data;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.interp.TypeHooks;
import tdl.syntax.SourcePos;
import tdl.syntax.TdlError;

/**
 * The least of an interpreter that library code needs, so the data and image libraries can be
 * tested before the real interpreter exists. Paths resolve against {@code cwd}; {@code denyAll}
 * plays an embedder that switched file access off.
 */
public final class FakeRuntime implements Runtime {
    public final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    public final Map<String, Object> globals = new LinkedHashMap<>();
    public final Map<String, TdlModule> modules = new LinkedHashMap<>();
    private final Map<Class<?>, TypeHooks> hooks = new HashMap<>();
    private final Map<Class<?>, Object> state = new HashMap<>();
    private final PrintStream out = new PrintStream(outBytes, true);
    public Path cwd;
    public boolean denyAll;

    public FakeRuntime(Path cwd) { this.cwd = cwd; }

    /** Calls a global builtin with positional arguments. */
    public Object callGlobal(String name, Object... positional) {
        return call(globals.get(name), List.of(positional), null);
    }

    /** Calls a global builtin with positional and keyword arguments. */
    public Object callGlobal(String name, List<Object> positional, Map<String, Object> kwargs) {
        return call(globals.get(name), positional, kwargs);
    }

    @Override public PrintStream out() { return out; }

    @Override public PrintStream err() { return out; }

    @Override public SourcePos currentPos() { return null; }

    @Override
    public Object call(Object callable, List<Object> args, Map<String, Object> kwargs) {
        if (callable instanceof TdlCallable c) return c.call(this, new Args("f", args, kwargs));
        TypeHooks h = hooksFor(callable);
        if (h != null) return h.call(this, callable, new Args("f", args, kwargs));
        throw new TdlError("TypeError", "not callable: " + callable);
    }

    @Override public void registerHooks(Class<?> type, TypeHooks h) { hooks.put(type, h); }

    @Override
    public TypeHooks hooksFor(Object value) {
        if (value == null) return null;
        for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
            if (hooks.containsKey(c)) return hooks.get(c);
        }
        return null;
    }

    @Override public void registerModule(TdlModule m) { modules.put(m.name(), m); }

    @Override public void defineGlobal(String name, Object value) { globals.put(name, value); }

    @Override
    public Path resolvePath(String path, boolean forWriting) {
        if (denyAll) throw new TdlError("PermissionError", "file access is switched off: " + path);
        return cwd.resolve(path).normalize();
    }

    @Override public void changeDirectory(String path) { cwd = resolvePath(path, false); }

    @Override public Long seed() { return null; }

    @Override
    public String str(Object v) {
        TypeHooks h = hooksFor(v);
        return h != null ? h.str(this, v) : String.valueOf(v);
    }

    @Override public String repr(Object v) { return str(v); }

    @Override
    public boolean truth(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Long l) return l != 0;
        if (v instanceof Double d) return d != 0;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof Collection<?> c) return !c.isEmpty();
        TypeHooks h = hooksFor(v);
        return h == null || h.truth(this, v);
    }

    @Override public void checkInterrupt() {}

    @Override
    @SuppressWarnings("unchecked")
    public <T> T sessionState(Class<T> key, Supplier<T> init) {
        return (T) state.computeIfAbsent(key, k -> init.get());
    }
}
