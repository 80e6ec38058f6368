package tdl.session;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a session is set up. {@code fileRoot} null = unrestricted, else every file a script touches
 * must lie under it; {@code fileAccess} false makes every file access a PermissionError;
 * {@code timeLimit} bounds each run (exec/runFile/call) with a TimeoutError; {@code profile} times
 * every compiled function per op kind ({@link Session#profileReport}); {@code nanGuard} stops a call
 * at the first op that produces NaN or Inf; {@code theanoFlags} are Theano's THEANO_FLAGS
 * ({@code floatX=float32,...}) for {@code theano.config}, or null for Theano's defaults (the session
 * never reads the environment: the command line passes it in).
 */
public record SessionOptions(PrintStream out, PrintStream err, Long seed, boolean debug, Path fileRoot,
                             boolean fileAccess, Duration timeLimit, Path workingDir, boolean profile,
                             boolean nanGuard, String theanoFlags) {

    /** The options without profiling or NaN guard (the form before those two were added). */
    public SessionOptions(PrintStream out, PrintStream err, Long seed, boolean debug, Path fileRoot,
                          boolean fileAccess, Duration timeLimit, Path workingDir) {
        this(out, err, seed, debug, fileRoot, fileAccess, timeLimit, workingDir, false, false, null);
    }

    public static SessionOptions defaults() {
        return new SessionOptions(System.out, System.err, null, false, null, true, null, null);
    }

    public SessionOptions withOut(PrintStream o) { return new SessionOptions(o, err, seed, debug, fileRoot, fileAccess, timeLimit, workingDir, profile, nanGuard, theanoFlags); }

    public SessionOptions withErr(PrintStream e) { return new SessionOptions(out, e, seed, debug, fileRoot, fileAccess, timeLimit, workingDir, profile, nanGuard, theanoFlags); }

    public SessionOptions withSeed(Long s) { return new SessionOptions(out, err, s, debug, fileRoot, fileAccess, timeLimit, workingDir, profile, nanGuard, theanoFlags); }

    public SessionOptions withDebug(boolean d) { return new SessionOptions(out, err, seed, d, fileRoot, fileAccess, timeLimit, workingDir, profile, nanGuard, theanoFlags); }

    public SessionOptions withFileRoot(Path r) { return new SessionOptions(out, err, seed, debug, r, fileAccess, timeLimit, workingDir, profile, nanGuard, theanoFlags); }

    public SessionOptions withFileAccess(boolean a) { return new SessionOptions(out, err, seed, debug, fileRoot, a, timeLimit, workingDir, profile, nanGuard, theanoFlags); }

    public SessionOptions withTimeLimit(Duration t) { return new SessionOptions(out, err, seed, debug, fileRoot, fileAccess, t, workingDir, profile, nanGuard, theanoFlags); }

    public SessionOptions withWorkingDir(Path w) { return new SessionOptions(out, err, seed, debug, fileRoot, fileAccess, timeLimit, w, profile, nanGuard, theanoFlags); }

    public SessionOptions withProfile(boolean p) { return new SessionOptions(out, err, seed, debug, fileRoot, fileAccess, timeLimit, workingDir, p, nanGuard, theanoFlags); }

    public SessionOptions withNanGuard(boolean g) { return new SessionOptions(out, err, seed, debug, fileRoot, fileAccess, timeLimit, workingDir, profile, g, theanoFlags); }

    public SessionOptions withTheanoFlags(String f) { return new SessionOptions(out, err, seed, debug, fileRoot, fileAccess, timeLimit, workingDir, profile, nanGuard, f); }
}
