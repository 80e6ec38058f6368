package tdl.lib.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tdl.TestRuntime;

/** A {@link TestRuntime} for the data and image libraries, which install themselves as globals. */
public final class FakeRuntime extends TestRuntime {
    public FakeRuntime(Path cwd) { super(cwd, null); }

    /** Calls a global builtin with positional arguments. */
    public Object callGlobal(String name, Object... positional) {
        return call(globals.get(name), List.of(positional), null);
    }

    /** Calls a global builtin with positional and keyword arguments. */
    public Object callGlobal(String name, List<Object> positional, Map<String, Object> kwargs) {
        return call(globals.get(name), positional, kwargs);
    }
}
