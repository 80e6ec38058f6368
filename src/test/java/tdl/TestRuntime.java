package tdl;

import tdl.vocab.ErrorKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
 * The least of an interpreter that library code needs, so a library (numpy, plot, data, image)
 * can be tested by calling its functions directly. Output is captured; paths resolve against
 * {@code cwd}; {@code denyAll} plays an embedder that switched file access off. Each library's
 * tests extend it with their own install call and shorthands.
 */
public class TestRuntime implements Runtime {
    public final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    public final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    public final Map<String, Object> globals = new LinkedHashMap<>();
    public final Map<String, TdlModule> modules = new LinkedHashMap<>();
    private final Map<Class<?>, TypeHooks> hooks = new HashMap<>();
    private final Map<Class<?>, Object> state = new HashMap<>();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final Long seed;
    public Path cwd;
    public boolean denyAll;

    public TestRuntime(Path cwd, Long seed) {
        this.cwd = cwd;
        this.seed = seed;
    }

    public String outText() { return outBytes.toString(StandardCharsets.UTF_8); }

    public String errText() { return errBytes.toString(StandardCharsets.UTF_8); }

    /** Calls MODULE.NAME(positional..., **keywords). */
    public Object callIn(String module, String name, List<Object> positional, Map<String, Object> keywords) {
        TdlCallable f = (TdlCallable) modules.get(module).members().get(name);
        return f.call(this, new Args(name, positional, new LinkedHashMap<>(keywords)));
    }

    /** Calls a method of a hooked value: value.NAME(args...). */
    public Object method(Object self, String name, Object... args) {
        return ((TdlCallable) attr(self, name)).call(this, Args.of(name, args));
    }

    public Object attr(Object self, String name) { return hooksFor(self).getAttr(this, self, name); }

    @Override public PrintStream out() { return out; }

    @Override public PrintStream err() { return err; }

    @Override public SourcePos currentPos() { return null; }

    @Override
    public Object call(Object callable, List<Object> args, Map<String, Object> kwargs) {
        if (callable instanceof TdlCallable c) return c.call(this, new Args("f", args, kwargs));
        TypeHooks h = hooksFor(callable);
        if (h != null) return h.call(this, callable, new Args("f", args, kwargs));
        throw new TdlError(ErrorKind.TYPE_ERROR, "not callable: " + callable);
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
        if (denyAll) throw new TdlError(ErrorKind.PERMISSION_ERROR, "file access is switched off: " + path);
        return cwd.resolve(path).normalize();
    }

    @Override public void changeDirectory(String path) { cwd = resolvePath(path, false); }

    @Override public Long seed() { return seed; }

    @Override
    public String typeName(Object v) {
        TypeHooks h = hooksFor(v);
        if (h != null) return h.typeName(v);
        if (v instanceof Long) return "int";
        if (v instanceof Double) return "float";
        if (v instanceof Boolean) return "bool";
        if (v instanceof String) return "str";
        return v == null ? "NoneType" : v.getClass().getSimpleName();
    }

    @Override
    public String str(Object v) {
        TypeHooks h = hooksFor(v);
        return h != null ? h.str(this, v) : String.valueOf(v);
    }

    @Override
    public String repr(Object v) {
        TypeHooks h = hooksFor(v);
        return h != null ? h.repr(this, v) : String.valueOf(v);
    }

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
