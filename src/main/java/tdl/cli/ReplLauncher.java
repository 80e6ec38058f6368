package tdl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where {@code tdl} with no FILE goes when stdin is a terminal. The interactive REPL (tdl.repl)
 * is a later issue; until it plugs in here, a terminal user may type a whole script and end it
 * with Ctrl-D, and is told how to run a file instead.
 */
final class ReplLauncher {
    /** Runs one job in a fresh session and reports its exit status (see Main#guarded). */
    @FunctionalInterface
    interface Runner {
        int run(HostSettings settings, Main.Job job);
    }

    int launch(HostSettings settings, Runner runner) {
        settings.err().println("tdl " + Main.VERSION + ": the interactive REPL is not available yet."
                + " Type a script and end it with Ctrl-D, or run a file: tdl FILE.tdl");
        String source;
        try {
            source = new String(settings.in().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            settings.err().println("tdl: cannot read standard input: " + e.getMessage());
            return Main.USAGE;
        }
        return runner.run(settings, host -> host.exec(source, "<stdin>", List.of("")));
    }
}
