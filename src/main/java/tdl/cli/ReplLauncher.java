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

    int launch(HostSettings settings, Runner runner) {
        return Repl.launch((out, err) -> new Session(SessionOptions.defaults()
                        .withOut(out).withErr(err).withSeed(settings.seed()).withDebug(settings.debug())
                        .withWorkingDir(settings.workingDir())),
                settings.in(), settings.out(), settings.err());
    }
}
