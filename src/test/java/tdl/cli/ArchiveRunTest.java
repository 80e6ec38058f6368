package tdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The launcher's archive-dumping run drives a whole REPL session over in-memory streams, then
 * compiles and calls the small models of {@code tdl/cli/archive_run.tdl}: both must run clean (a
 * failure there would only shrink the archive, silently, so it is caught here).
 */
class ArchiveRunTest {
    @Test
    void theReplExerciseRunsToQuitWithoutATerminal() {
        assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(30), ReplLauncher::exerciseForArchive));
    }

    @Test
    void theCompileWorkloadRunsWithoutError() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), ArchiveRun::compileWorkload);
    }
}
