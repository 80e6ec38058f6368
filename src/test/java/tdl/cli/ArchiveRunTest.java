package tdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The launcher's archive-dumping run drives a whole REPL session over in-memory streams. */
class ArchiveRunTest {
    @Test
    void theReplExerciseRunsToQuitWithoutATerminal() {
        assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(30), ReplLauncher::exerciseForArchive));
    }
}
