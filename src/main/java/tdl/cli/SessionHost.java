package tdl.cli;

import java.nio.file.Path;
import java.util.List;
import tdl.session.Session;
import tdl.session.SessionOptions;
import tdl.syntax.TdlError;

/** The real interpreter behind the command line: one {@link Session} per run. */
final class SessionHost implements ScriptHost {
    private final Session session;
    private final java.io.PrintStream err;

    SessionHost(HostSettings s) {
        this.session = new Session(SessionOptions.defaults()
                .withOut(s.out()).withErr(s.err()).withSeed(s.seed()).withDebug(s.debug())
                .withWorkingDir(s.workingDir()).withProfile(s.profile()).withNanGuard(s.nanGuard())
                .withTheanoFlags(s.theanoFlags()));
        this.err = s.err();
    }

    /**
     * --profile, or functions compiled with profile=True: the per-function, per-op table goes to
     * stderr at exit, as Theano's profiler prints it.
     */
    @Override
    public void close() {
        String report = session.profileReport();
        if (report.isEmpty() && !session.options().profile()) return;
        err.print(report.isEmpty() ? "Function profiling: no compiled function was called\n" : report);
        err.flush();
    }

    @Override
    public void runFile(Path file, List<String> argv) {
        // Session puts the file name in front of the arguments itself
        session.runFile(file, argv.subList(1, argv.size()));
    }

    @Override
    public void exec(String code, String sourceName, List<String> argv) {
        session.setArgv(argv);
        session.exec(code, sourceName);
    }

    @Override
    public String format(TdlError error) {
        return session.format(error);
    }
}
