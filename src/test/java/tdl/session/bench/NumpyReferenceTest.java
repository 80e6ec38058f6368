package tdl.session.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumpyReferenceTest {
    @Test
    void theShippedScriptIsFoundFromTheRepositoryAndFromItsJarFolder() {
        Path repo = Path.of("").toAbsolutePath();
        Path shipped = repo.resolve("bench/rbm_numpy.py");
        assertEquals(shipped, NumpyReference.find(null, repo, null));
        assertEquals(shipped, NumpyReference.find(null, Path.of("/"), repo.resolve("target")));
    }

    @Test
    void aGivenPathWinsAndAMissingOneIsNotReplaced(@TempDir Path dir) throws Exception {
        Path mine = Files.writeString(dir.resolve("mine.py"), "print(1)\n");
        assertEquals(mine, NumpyReference.find(mine, Path.of(""), null));
        assertNull(NumpyReference.find(dir.resolve("absent.py"), Path.of(""), null));
    }
}
