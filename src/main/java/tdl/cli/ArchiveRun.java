package tdl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import tdl.session.Session;
import tdl.session.SessionOptions;

/**
 * What the launcher's archive-dumping run (TDL_CDS_ARCHIVE_RUN=1, see ./tdl) does after its
 * command: the REPL ({@link ReplLauncher#exerciseForArchive}) and a few small models compiled and
 * called once ({@code tdl/cli/archive_run.tdl}), so the class-data-sharing archive also holds the
 * classes a first {@code theano.function} loads. Loaded from the jar, those classes took most of a
 * fresh JVM's first compile of the RBM; from the archive they cost next to nothing.
 */
final class ArchiveRun {
    static final String WORKLOAD = "tdl/cli/archive_run.tdl";

    private ArchiveRun() {}

    /** Runs both; a failure only makes the archive smaller, so it is reported, never thrown. */
    static void exercise(PrintStream err) {
        ReplLauncher.exerciseForArchive();
        try {
            compileWorkload();
        } catch (RuntimeException | IOException e) {
            err.println("tdl: the archive run's workload failed (start-up stays correct, only slower): " + e);
        }
    }

    /** Compiles and calls the workload's functions in a fresh session whose output goes nowhere. */
    static void compileWorkload() throws IOException {
        String code;
        try (InputStream in = ArchiveRun.class.getClassLoader().getResourceAsStream(WORKLOAD)) {
            if (in == null) throw new IOException(WORKLOAD + " is missing from the jar");
            code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        new Session(SessionOptions.defaults().withOut(nowhere).withErr(nowhere).withSeed(1L)).exec(code, "<archive run>");
    }
}
