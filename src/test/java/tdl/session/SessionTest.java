package tdl.session;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.syntax.TdlError;

class SessionTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Session session() {
        return new Session(SessionOptions.defaults().withOut(new PrintStream(out, true, StandardCharsets.UTF_8)));
    }

    @Test
    void twoSessionsDoNotShareGlobals() {
        Session a = session(), b = session();
        a.exec("x = 1", "<a>");
        b.exec("x = 2", "<b>");
        assertEquals(1L, a.get("x"));
        assertEquals(2L, b.get("x"));
        TdlError e = assertThrows(TdlError.class, () -> b.exec("y_only_in_a", "<b>"));
        a.exec("y_only_in_a = 3", "<a>");
        assertEquals(ErrorKind.NAME_ERROR, e.kind());
    }

    @Test
    void replKeepsVariablesAfterAnError() {
        Session s = session();
        s.exec("total = 10", "<stdin>");
        TdlError e = assertThrows(TdlError.class, () -> s.exec("total = total + 'x'", "<stdin>"));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
        assertEquals(2, e.pos().line(), "REPL entries continue the line numbering");
        assertEquals(15L, s.exec("total + 5", "<stdin>"));
        assertNull(s.exec("z = 1", "<stdin>"));
    }

    @Test
    void execReturnsLastExpressionAndPrintGoesToOut() {
        Session s = session();
        assertEquals(6L, s.exec("def f(a, b=2):\n    return a * b\nprint('hi')\nf(3)", "<t>"));
        assertEquals("hi\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(8L, s.call("f", 4L));
        s.set("k", 5L);
        assertEquals(25L, s.eval("k * k"));
    }

    @Test
    void interruptFromAnotherThreadStopsAnInfiniteLoop() throws Exception {
        Session s = session();
        AtomicReference<TdlError> caught = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                s.exec("n = 0\nwhile True:\n    n += 1", "<loop>");
            } catch (TdlError e) {
                caught.set(e);
            }
        });
        t.start();
        Thread.sleep(300);
        long start = System.nanoTime();
        s.interrupt();
        t.join(5000);
        assertTrue(!t.isAlive(), "loop did not stop");
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
        assertEquals(ErrorKind.KEYBOARD_INTERRUPT, caught.get().kind());
        assertTrue((Long) s.get("n") > 0, "state is kept after the interrupt");
        assertEquals(2L, s.exec("1 + 1", "<after>"), "the session works again after an interrupt");
    }

    @Test
    void timeLimitStopsARunawayScript() {
        Session s = new Session(SessionOptions.defaults().withTimeLimit(Duration.ofMillis(200)));
        TdlError e = assertThrows(TdlError.class, () -> s.exec("while True:\n    try:\n        pass\n    except Exception:\n        pass", "<t>"));
        assertEquals(ErrorKind.TIMEOUT_ERROR, e.kind());
    }

    @Test
    void fileAccessCanBeSwitchedOffOrConfined(@TempDir Path dir) throws Exception {
        Session off = new Session(SessionOptions.defaults().withFileAccess(false));
        TdlError e = assertThrows(TdlError.class, () -> off.exec("import os\nos.makedirs('x')", "<t>"));
        assertEquals(ErrorKind.PERMISSION_ERROR, e.kind());
        Session confined = new Session(SessionOptions.defaults().withFileRoot(dir).withWorkingDir(dir));
        confined.exec("import os\nos.makedirs('sub', exist_ok=True)", "<t>");
        assertTrue(Files.isDirectory(dir.resolve("sub")));
        TdlError outside = assertThrows(TdlError.class, () -> confined.exec("os.path.exists('../..')", "<t>"));
        assertEquals(ErrorKind.PERMISSION_ERROR, outside.kind());
    }

    @Test
    void runFileSetsArgvAndMainName(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("prog.tdl");
        Files.writeString(f, "import sys\nprint(__name__, argv[1:], sys.argv[1])\n");
        Session s = session();
        s.runFile(f, java.util.List.of("a", "b"));
        assertEquals("__main__ ['a', 'b'] a\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void errorsFormatWithoutStackTraceUnlessDebug() {
        Session s = session();
        TdlError e = assertThrows(TdlError.class, () -> s.exec("x = 1\ny = x / 0", "calc.tdl"));
        String text = s.format(e);
        assertTrue(text.contains("ZeroDivisionError: division by zero"), text);
        assertTrue(text.contains("calc.tdl:2:"), text);
        assertTrue(!text.contains("at java."), text);
    }
}
