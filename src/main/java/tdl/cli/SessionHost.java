package tdl.cli;

import java.nio.file.Path;
import java.util.List;
import tdl.syntax.TdlError;

/**
 * The real interpreter behind the command line. Placeholder until tdl.session.Session lands
 * (branch interp): every run fails with a clear message instead of a missing class.
 */
final class SessionHost implements ScriptHost {
    private final HostSettings settings;

    SessionHost(HostSettings settings) {
        this.settings = settings;
    }

    @Override
    public void runFile(Path file, List<String> argv) {
        throw notYet();
    }

    @Override
    public void exec(String code, String sourceName, List<String> argv) {
        throw notYet();
    }

    @Override
    public String format(TdlError error) {
        return error.format();
    }

    private TdlError notYet() {
        return new TdlError("NotImplementedError", "this build has no interpreter yet",
                "the interpreter lands with tdl.session.Session");
    }
}
