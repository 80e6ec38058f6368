package tdl.api;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.syntax.TdlError;

/** What an application running untrusted scripts relies on: no file access, confinement, time bounds. */
class LimitsTest {

    private static Tdl.Builder quiet() {
        return Tdl.builder().output(new StringWriter()).errorOutput(new StringWriter());
    }

    @Test
    void noFileAccessRefusesReadsWritesAndFileImports(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mod.tdl"), "X = 1\n");
        TdlSession s = quiet().noFileAccess().workingDirectory(dir).build();
        s.eval("import numpy as np");
        for (String code : new String[] {
                "np.save('a.npy', np.zeros(3))",
                "np.load('mod.tdl')",
                "open('mod.tdl')",
                "open('new.txt', 'w')",
                "import gzip\ngzip.open('new.gz', 'wb')",
                "np.fromfile('mod.tdl')",
                "np.arange(3).tofile('new.bin')",
                "import os\nos.makedirs('sub')",
                "import os\nos.getcwd()",
                "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.savefig('p.png')"}) {
            TdlError e = assertThrows(TdlError.class, () -> s.eval(code), code);
            assertEquals(ErrorKind.PERMISSION_ERROR, e.kind(), code);
            assertTrue(e.getMessage().contains("file access is disabled"), e.getMessage());
        }
        assertEquals(ErrorKind.IMPORT_ERROR, assertThrows(TdlError.class, () -> s.eval("import mod")).kind());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "nothing was written");
        }
        assertThrows(TdlError.class, () -> s.load(dir.resolve("mod.tdl")));
    }

    @Test
    void confinedSessionsWorkInsideTheFolderAndTouchNothingOutside(@TempDir Path base) throws Exception {
        Path box = Files.createDirectory(base.resolve("box"));
        Files.writeString(base.resolve("secret.txt"), "x");
        TdlSession s = quiet().confineFilesTo(box).build();
        s.eval("import numpy as np\nnp.save('ok.npy', np.arange(3.0))\nback = np.load('ok.npy')");
        assertEquals(3.0, s.eval("float(back.sum())"));
        assertTrue(Files.exists(box.resolve("ok.npy")), "relative paths start in the folder");
        String outside = base.resolve("out.npy").toString().replace("\\", "/");
        for (String code : new String[] {
                "np.save('../out.npy', np.zeros(2))",
                "np.save('" + outside + "', np.zeros(2))",
                "np.load('../secret.txt')",
                "open('../secret.txt')",
                "open('../out.npy', 'wb')",
                "import os\nos.chdir('..')",
                "import os\nos.listdir('..')"}) {
            TdlError e = assertThrows(TdlError.class, () -> s.eval(code), code);
            assertEquals(ErrorKind.PERMISSION_ERROR, e.kind(), code);
            assertTrue(e.getMessage().contains("outside the allowed folder"), e.getMessage());
        }
        assertFalse(Files.exists(base.resolve("out.npy")), "nothing was written outside");
    }

    @Test
    void aSymbolicLinkCannotLeadOutOfTheFolder(@TempDir Path base) throws Exception {
        Path box = Files.createDirectory(base.resolve("box"));
        Path elsewhere = Files.createDirectory(base.resolve("elsewhere"));
        try {
            Files.createSymbolicLink(box.resolve("door"), elsewhere);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            return; // the file system has no links: nothing to escape through
        }
        TdlSession s = quiet().confineFilesTo(box).build();
        TdlError e = assertThrows(TdlError.class, () -> s.eval("import numpy as np\nnp.save('door/x.npy', np.zeros(1))"));
        assertEquals(ErrorKind.PERMISSION_ERROR, e.kind());
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aRunawayLoopStopsWithTimeoutErrorAndTheSessionGoesOn() {
        TdlSession s = quiet().timeLimit(Duration.ofMillis(300)).build();
        long t0 = System.nanoTime();
        TdlError e = assertThrows(TdlError.class, () -> s.eval("n = 0\nwhile True:\n    pass\n", "spin.tdl"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(ErrorKind.TIMEOUT_ERROR, e.kind());
        assertEquals("spin.tdl", e.pos().file());
        assertTrue(ms >= 250 && ms < 5000, "stopped after " + ms + " ms");
        assertEquals(2L, s.eval("1 + 1"), "the next run gets a fresh time budget");
        assertEquals(0L, s.get("n"));
    }

    @Test
    void aLongCompiledFunctionLoopIsBoundedToo() {
        TdlSession s = quiet().timeLimit(Duration.ofMillis(300)).build();
        s.eval("import theano\nimport theano.tensor as T\nimport numpy as np\n"
                + "w = theano.shared(np.zeros(3), name='w')\nx = T.dvector('x')\n"
                + "step = theano.function([x], T.sum(w), updates=[(w, w + x)])\n");
        long t0 = System.nanoTime();
        TdlError e = assertThrows(TdlError.class, () -> s.eval("for i in range(10 ** 12):\n    step([1.0, 2.0, 3.0])\n"));
        assertEquals(ErrorKind.TIMEOUT_ERROR, e.kind());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000);
        assertTrue(s.eval("float(w.get_value()[0])", double.class) > 0, "the loop really ran");
    }

    @Test
    void callsFromJavaAreBoundedAsWell() {
        TdlSession s = quiet().timeLimit(Duration.ofMillis(200)).build();
        s.eval("def forever():\n    while True:\n        pass\n");
        assertEquals(ErrorKind.TIMEOUT_ERROR, assertThrows(TdlError.class, () -> s.call("forever")).kind());
        TdlError r = assertThrows(TdlError.class, () -> s.eval("def f(n):\n    return f(n + 1)\nf(0)"));
        assertEquals(ErrorKind.RECURSION_ERROR, r.kind());
    }

    @Test
    void anotherThreadCanInterruptARun() throws Exception {
        TdlSession s = quiet().build();
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                return;
            }
            s.interrupt();
        });
        stopper.start();
        TdlError e = assertThrows(TdlError.class, () -> s.eval("while True:\n    pass\n"));
        stopper.join();
        assertEquals(ErrorKind.KEYBOARD_INTERRUPT, e.kind());
    }
}
