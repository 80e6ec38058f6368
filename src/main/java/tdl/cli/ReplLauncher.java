package tdl.cli;

import tdl.repl.Repl;
import tdl.session.Session;
import tdl.session.SessionOptions;

/**
 * Where {@code tdl} with no FILE goes when stdin is a terminal: the interactive REPL. (Piped stdin
 * never gets here: like Python, {@code echo 'print(1+1)' | tdl} runs the text as a script, with no
 * prompts.)
 */
final class ReplLauncher {
    /** Runs one job in a fresh session and reports its exit status (see Main#guarded). */
    @FunctionalInterface
    interface Runner {
        int run(HostSettings settings, Main.Job job);
    }

    /**
     * Runs a REPL over in-memory streams (three entries, then :quit), so that the
     * launcher's class-data-sharing archive, dumped at the end of such a run, also holds the REPL's
     * and JLine's classes: about 600 classes the interactive start otherwise loads from the jar.
     * Returns the REPL's exit status, -1 when it could not run.
     */
    static int exerciseForArchive() {
        return Repl.runOver("x = 1 + 1\nprint(x)\nimport theano.tensor as T\n:quit\n",
                (out, err) -> new Session(SessionOptions.defaults().withOut(out).withErr(err)));
    }

    int launch(HostSettings settings, Runner runner) {
        return Repl.launch((out, err) -> new Session(SessionOptions.defaults()
                        .withOut(out).withErr(err).withSeed(settings.seed()).withDebug(settings.debug())
                        .withWorkingDir(settings.workingDir()).withTheanoFlags(settings.theanoFlags())),
                settings.in(), settings.out(), settings.err());
    }
}
