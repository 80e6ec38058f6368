package tdl.lib.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.session.Session;
import tdl.session.SessionOptions;

/**
 * Archives TDL writes are archives numpy reads: np.savez and np.savez_compressed from a script,
 * then python3's numpy.load (skipped where python3 has no numpy). The other direction, numpy's
 * archives read by TDL, is the golden script numpy_savez.tdl with fixtures numpy wrote.
 */
class NpzInteropTest {
    @TempDir Path dir;

    private static final String PYTHON = System.getenv().getOrDefault("TDL_NUMPY_PYTHON", "python3");

    @Test
    void numpyReadsWhatSavezWrites() throws Exception {
        assumeTrue(hasNumpy(), "skipped: " + PYTHON + " cannot import numpy (set TDL_NUMPY_PYTHON)");
        Session s = new Session(SessionOptions.defaults().withOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .withWorkingDir(dir));
        s.exec("""
                import numpy as np
                np.savez('plain', np.arange(6).reshape(2, 3), w=np.array([[0.5, -1.25]], dtype=np.float32), m=np.array([True, False]))
                np.savez_compressed('packed.npz', x=np.linspace(0, 1, 5), i=np.array([253, 7], dtype=np.uint8), s=np.array(2.5))
                """, "savez.tdl");
        String read = """
                import numpy as np
                for name in ['plain.npz', 'packed.npz']:
                    with np.load(name) as f:
                        for k in sorted(f.files):
                            a = f[k]
                            print(name, k, a.dtype, a.shape, a.tolist())
                """;
        assertEquals(List.of(
                "packed.npz i uint8 (2,) [253, 7]",
                "packed.npz s float64 () 2.5",
                "packed.npz x float64 (5,) [0.0, 0.25, 0.5, 0.75, 1.0]",
                "plain.npz arr_0 int64 (2, 3) [[0, 1, 2], [3, 4, 5]]",
                "plain.npz m bool (2,) [True, False]",
                "plain.npz w float32 (1, 2) [[0.5, -1.25]]"), python(read).lines().sorted().toList());
    }

    private String python(String code) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON, "-c", code).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python did not finish: " + out);
        }
        assertEquals(0, p.exitValue(), () -> "python failed:\n" + out);
        return out;
    }

    private static boolean hasNumpy() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import numpy").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
