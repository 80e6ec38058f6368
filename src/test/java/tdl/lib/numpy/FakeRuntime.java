package tdl.lib.numpy;

import tdl.vocab.Operator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tdl.TestRuntime;
import tdl.interp.TdlModule;

/** A {@link TestRuntime} with numpy installed, and shorthands for calling it. */
final class FakeRuntime extends TestRuntime {
    FakeRuntime(Path dir, Long seed) {
        super(dir, seed);
        NumpyLibrary.install(this);
    }

    TdlModule np() { return modules.get("numpy"); }

    /** Calls np.NAME(args...). */
    Object np(String name, Object... args) { return callIn("numpy", name, java.util.Arrays.asList(args), Map.of()); }

    Object npKw(String name, List<Object> args, Map<String, Object> kw) { return callIn("numpy", name, args, kw); }

    /** a SYMBOL b through the hooks: "+", "==", ... */
    Object op(String symbol, Object a, Object b) {
        Object self = hooksFor(a) != null ? a : b;
        Operator op = symbol.matches("[<>=!]=?") && !symbol.equals("=") ? Operator.comparison(symbol) : Operator.binary(symbol);
        return hooksFor(self).binary(this, op, a, b);
    }
}
