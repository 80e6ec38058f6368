package tdl.lib.plot;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tdl.TestRuntime;

/** A {@link TestRuntime} with matplotlib.pyplot installed, and shorthands for calling it. */
final class FakeRuntime extends TestRuntime {
    FakeRuntime(Path dir) {
        super(dir, null);
        PlotLibrary.install(this);
    }

    /** Calls plt.NAME(positional..., **keywords). */
    Object plt(String name, List<Object> positional, Map<String, Object> keywords) {
        return callIn("matplotlib.pyplot", name, positional, keywords);
    }

    Object plt(String name, Object... positional) { return plt(name, java.util.Arrays.asList(positional), Map.of()); }
}
