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
 */
public record HostSettings(InputStream in, PrintStream out, PrintStream err, Path workingDir,
                           Long seed, boolean debug, boolean profile, boolean nanGuard) {}
