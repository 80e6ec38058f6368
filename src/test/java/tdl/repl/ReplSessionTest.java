package tdl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL driven in-process through a JLine dumb terminal over piped streams. */
class ReplSessionTest {
    @TempDir
    Path dir;

    private ReplDriver run(String input) {
        return ReplDriver.run(input, dir.resolve("history"));
    }

    @Test
    void bareExpressionIsEchoedButNoneIsNot() {
        ReplDriver d = run("1 + 1\nNone\nprint('hi')\n'a' * 3\n");
        assertTrue(d.out().contains("2\n"), d.out());
        assertFalse(d.out().contains("None"), d.out());
        assertTrue(d.out().contains("hi\n"), d.out());
        assertTrue(d.out().contains("'aaa'\n"), d.out());
    }

    @Test
    void arraysEchoNumpyStyleSymbolsInPpFormFunctionsWithTheirSignature() {
        ReplDriver d = run("import numpy as np\nimport theano.tensor as T\nnp.arange(3) * 0.5\n"
                + "x = T.vector('x')\nx * 2\nfunction([x], T.sum(x), name='total')\n");
        assertTrue(d.out().contains("array([0. , 0.5, 1. ])"), d.out());
        assertTrue(d.out().contains("(x * TensorConstant{2})"), d.out()); // theano.printing.pp form, not a Java object name
        assertTrue(d.out().matches("(?s).*<compiled function total\\(x\\) -> \\[.*sum.*x.*\\]>.*"), d.out());
        assertEquals("", d.err());
    }

    @Test
    void blocksBracketsAndBackslashesContinueUntilComplete() {
        ReplDriver d = run("def f(a):\n    b = a + 1\n    return b * 2\n\nf(3)\n"
                + "total = (1 +\n 2 +\n 3)\ntotal\n"
                + "y = 10 + \\\n 5\ny\n"
                + "for i in range(3):\n    print('i', i)\n\n");
        assertEquals("", d.err());
        assertTrue(d.out().contains("8\n"), d.out());
        assertTrue(d.out().contains("6\n"), d.out());
        assertTrue(d.out().contains("15\n"), d.out());
        assertTrue(d.out().contains("i 0\ni 1\ni 2\n"), d.out());
    }

    @Test
    void anErrorPointsIntoTheTypedLineAndKeepsEveryVariable() {
        ReplDriver d = run("a = 5\nb = [1, 2]\nc = a / (a - 5)\na + len(b)\n");
        assertTrue(d.err().contains("ZeroDivisionError"), d.err());
        assertTrue(d.err().contains("<stdin>:3:"), d.err());
        assertTrue(d.err().contains("    c = a / (a - 5)\n"), d.err());
        assertTrue(d.err().contains("^"), d.err());
        assertFalse(d.err().contains("at tdl."), "no Java stack trace: " + d.err());
        assertTrue(d.out().contains("7\n"), d.out());
        assertEquals(5L, d.repl.session().get("a"));
    }

    @Test
    void aSyntaxErrorIsReportedAndTheNextEntryRuns() {
        ReplDriver d = run("k = 1\nk = = 2\nif k:\n\nk\n");
        assertTrue(d.err().contains("SyntaxError"), d.err());
        assertTrue(d.err().contains("IndentationError"), d.err()); // `if k:` then an empty line
        assertTrue(d.out().contains("1\n"), d.out());
    }

    @Test
    void quitStopsReadingAndCtrlDEndsTheSession() {
        ReplDriver d = run("print('before')\n:quit\nprint('after')\n");
        assertTrue(d.out().contains("before"), d.out());
        assertFalse(d.out().contains("after"), d.out());
        ReplDriver eof = run("print('only')"); // no newline: end of input is Ctrl-D
        assertTrue(eof.out().contains(">>> "), eof.out());
    }

    @Test
    void historyIsPersistedAndAMultiLineEntryIsRecalledAsOne() throws Exception {
        Path history = dir.resolve("hist");
        ReplDriver.run("v = 1\ndef g():\n    return 41 + 1\n\n", history);
        assertTrue(Files.exists(history));
        // Ctrl-P recalls the previous entry: the whole def, which then needs its closing empty line
        ReplDriver d = ReplDriver.run("xterm", "\u0010\n\ng()\n", history, r -> {});
        assertTrue(d.out().contains("42"), d.out() + d.err());
        boolean whole = false;
        for (var e : d.repl.reader().getHistory()) whole |= e.line().equals("def g():\n    return 41 + 1");
        assertTrue(whole, "the def is one history entry");
    }

    @Test
    void tabCompletesInTheRunningReader() {
        ReplDriver d = ReplDriver.run("xterm", "learning_rate = 0.25\nlearning_r\t\n", dir.resolve("h2"), r -> {});
        assertTrue(d.out().contains("0.25"), d.out() + d.err());
        assertEquals("", d.err());
    }

    @Test
    void historyFileComesFromTdlHistoryOrTheHomeDirectory() {
        assertEquals(Path.of("/tmp/x_hist"), Repl.historyFile("/tmp/x_hist"));
        assertEquals(Path.of(System.getProperty("user.home"), ".tdl_history"), Repl.historyFile(null));
    }
}
