package tdl.lib.plot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

/** Just enough of an interpreter to call library functions directly from a test. */
final class FakeRuntime implements Runtime {
    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    final Map<String, TdlModule> modules = new LinkedHashMap<>();
    final Map<String, Object> globals = new LinkedHashMap<>();
    private final Map<Class<?>, TypeHooks> hooks = new HashMap<>();
    private final Map<Class<?>, Object> state = new HashMap<>();
    private final Path dir;

    FakeRuntime(Path dir) {
        this.dir = dir;
        PlotLibrary.install(this);
    }

    /** Calls plt.NAME(positional..., **keywords). */
    Object plt(String name, List<Object> positional, Map<String, Object> keywords) {
        TdlCallable f = (TdlCallable) modules.get("matplotlib.pyplot").members().get(name);
        return f.call(this, new Args(name, positional, new LinkedHashMap<>(keywords)));
    }

    Object plt(String name, Object... positional) {
        return plt(name, List.of(positional), Map.of());
    }

    String outText() { return outBytes.toString(StandardCharsets.UTF_8); }

    String errText() { return errBytes.toString(StandardCharsets.UTF_8); }

    @Override public PrintStream err() { return err; }

    @Override public PrintStream out() { return out; }

    @Override public SourcePos currentPos() { return null; }

    @Override public Object call(Object callable, List<Object> args, Map<String, Object> kwargs) {
        return ((TdlCallable) callable).call(this, new Args("f", args, kwargs));
    }

    @Override public void registerHooks(Class<?> type, TypeHooks h) { hooks.put(type, h); }

    @Override public TypeHooks hooksFor(Object value) { return value == null ? null : hooks.get(value.getClass()); }

    @Override public void registerModule(TdlModule module) { modules.put(module.name(), module); }

    @Override public void defineGlobal(String name, Object value) { globals.put(name, value); }

    @Override public Path resolvePath(String path, boolean forWriting) { return dir.resolve(path); }

    @Override public void changeDirectory(String path) { throw new UnsupportedOperationException(); }

    @Override public Long seed() { return null; }

    @Override public String str(Object value) { return String.valueOf(value); }

    @Override public String repr(Object value) { return String.valueOf(value); }

    @Override public boolean truth(Object value) { return value != null && !Boolean.FALSE.equals(value); }

    @Override public void checkInterrupt() {}

    @Override public <T> T sessionState(Class<T> key, Supplier<T> init) {
        return key.cast(state.computeIfAbsent(key, k -> init.get()));
    }
}
