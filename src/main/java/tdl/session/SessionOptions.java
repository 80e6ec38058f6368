package tdl.session;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a session is set up. {@code fileRoot} null = unrestricted, else every file a script touches
 * must lie under it; {@code fileAccess} false makes every file access a PermissionError;
 * {@code timeLimit} bounds each run (exec/runFile/call) with a TimeoutError.
 */
public record SessionOptions(PrintStream out, PrintStream err, Long seed, boolean debug, Path fileRoot,
                             boolean fileAccess, Duration timeLimit, Path workingDir) {

    public static SessionOptions defaults() {
        return new SessionOptions(System.out, System.err, null, false, null, true, null, null);
    }

    public SessionOptions withOut(PrintStream o) { return new SessionOptions(o, err, seed, debug, fileRoot, fileAccess, timeLimit, workingDir); }

    public SessionOptions withErr(PrintStream e) { return new SessionOptions(out, e, seed, debug, fileRoot, fileAccess, timeLimit, workingDir); }

    public SessionOptions withSeed(Long s) { return new SessionOptions(out, err, s, debug, fileRoot, fileAccess, timeLimit, workingDir); }

    public SessionOptions withDebug(boolean d) { return new SessionOptions(out, err, seed, d, fileRoot, fileAccess, timeLimit, workingDir); }

    public SessionOptions withFileRoot(Path r) { return new SessionOptions(out, err, seed, debug, r, fileAccess, timeLimit, workingDir); }

    public SessionOptions withFileAccess(boolean a) { return new SessionOptions(out, err, seed, debug, fileRoot, a, timeLimit, workingDir); }

    public SessionOptions withTimeLimit(Duration t) { return new SessionOptions(out, err, seed, debug, fileRoot, fileAccess, t, workingDir); }

    public SessionOptions withWorkingDir(Path w) { return new SessionOptions(out, err, seed, debug, fileRoot, fileAccess, timeLimit, w); }
}
