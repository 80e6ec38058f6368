package tdl.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The session options the command line collects.
 *
 * @param seed     --seed, or null for fresh randomness
 * @param profile  --profile: per-function, per-op time table at exit
 * @param nanGuard --nan-guard: stop at the first op that produces NaN or Inf
 * @param theanoFlags THEANO_FLAGS from the environment, with --floatX appended (it wins), or null
 */
public record HostSettings(InputStream in, PrintStream out, PrintStream err, Path workingDir,
                           Long seed, boolean debug, boolean profile, boolean nanGuard, String theanoFlags) {

    /** THEANO_FLAGS as Theano reads them, then {@code floatX} from the command line (a later flag wins). */
    static String theanoFlags(String env, String floatX) {
        if (floatX == null) return env;
        return (env == null || env.isBlank() ? "" : env + ",") + "floatX=" + floatX;
    }
}
