package tdl.lib.numpy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.interp.TypeHooks;
import tdl.syntax.SourcePos;

/** The least Runtime the numpy library needs, for testing it without the interpreter. */
final class FakeRuntime implements Runtime {
    final Map<Class<?>, TypeHooks> hooks = new HashMap<>();
    final Map<String, TdlModule> modules = new HashMap<>();
    final Map<String, Object> globals = new HashMap<>();
    private final Map<Class<?>, Object> state = new HashMap<>();
    private final Path dir;
    private final Long seed;

    FakeRuntime(Path dir, Long seed) {
        this.dir = dir;
        this.seed = seed;
        NumpyLibrary.install(this);
    }

    TdlModule np() { return modules.get("numpy"); }

    /** Calls np.NAME(args...). */
    Object np(String name, Object... args) {
        return ((TdlCallable) np().members().get(name)).call(this, Args.of(name, args));
    }

    Object npKw(String name, List<Object> args, Map<String, Object> kw) {
        return ((TdlCallable) np().members().get(name)).call(this, new Args(name, args, new java.util.LinkedHashMap<>(kw)));
    }

    /** Calls a method of a hooked value: value.NAME(args...). */
    Object method(Object self, String name, Object... args) {
        Object m = hooksFor(self).getAttr(this, self, name);
        return ((TdlCallable) m).call(this, Args.of(name, args));
    }

    Object attr(Object self, String name) { return hooksFor(self).getAttr(this, self, name); }

    Object op(String op, Object a, Object b) {
        Object self = hooksFor(a) != null ? a : b;
        return hooksFor(self).binary(this, op, a, b);
    }

    @Override public PrintStream out() { return System.out; }
    @Override public PrintStream err() { return System.err; }
    @Override public SourcePos currentPos() { return null; }
    @Override public Object call(Object callable, List<Object> args, Map<String, Object> kwargs) {
        return ((TdlCallable) callable).call(this, new Args("f", args, kwargs));
    }
    @Override public void registerHooks(Class<?> type, TypeHooks h) { hooks.put(type, h); }
    @Override public TypeHooks hooksFor(Object value) { return value == null ? null : hooks.get(value.getClass()); }
    @Override public void registerModule(TdlModule module) { modules.put(module.name(), module); }
    @Override public void defineGlobal(String name, Object value) { globals.put(name, value); }
    @Override public Path resolvePath(String path, boolean forWriting) { return dir.resolve(path); }
    @Override public void changeDirectory(String path) { }
    @Override public Long seed() { return seed; }
    @Override public String str(Object value) {
        TypeHooks h = hooksFor(value);
        return h != null ? h.str(this, value) : String.valueOf(value);
    }
    @Override public String repr(Object value) {
        TypeHooks h = hooksFor(value);
        return h != null ? h.repr(this, value) : String.valueOf(value);
    }
    @Override public boolean truth(Object value) {
        TypeHooks h = hooksFor(value);
        return h != null ? h.truth(this, value) : value != null;
    }
    @Override public void checkInterrupt() { }
    @SuppressWarnings("unchecked")
    @Override public <T> T sessionState(Class<T> key, Supplier<T> init) {
        return (T) state.computeIfAbsent(key, k -> init.get());
    }
}
