package tdl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaCommandsTest {
    @TempDir
    Path dir;

    private ReplDriver run(String input) {
        return ReplDriver.run(input, dir.resolve("history"));
    }

    @Test
    void helpListsEveryCommandAndHowToAskAboutAName() {
        String out = run(":help\n").out();
        for (String c : MetaCommands.NAMES) assertTrue(out.contains(c), c + " missing from\n" + out);
        assertTrue(out.contains(":help NAME"), out);
    }

    @Test
    void helpOnANameGivesItsSignatureAndDocUnderAnySpelling() {
        String out = run(":help T.dot\n:help theano.tensor.nnet.sigmoid\n:help shared\n:help nosuchthing\n").out();
        assertTrue(out.contains("T.dot(l, r)\n    Matrix product"), out);
        assertTrue(out.contains("T.nnet.sigmoid(x)"), out);
        assertTrue(out.contains("shared(value, name=None, borrow=False)"), out);
        assertTrue(out.contains("no built-in or variable named 'nosuchthing'"), out);
    }

    @Test
    void helpAtThePromptAgreesWithHelpInAScript() {
        String out = run("def layer(x, n=2):\n    \"\"\"A dense layer.\"\"\"\n    return x\n\n"
                + ":help layer\nhelp(layer)\nw = shared(np.zeros(2))\n:help w.get_value\n:help w.set_value\n").out();
        assertEquals(2, out.split("layer\\(x, n=2\\)\n    A dense layer\\.", -1).length - 1, out);
        assertTrue(out.contains("w.get_value(borrow=False)\n    The current value"), out);
        assertTrue(out.contains("w.set_value(value, borrow=False)"), out);
    }

    @Test
    void varsShowsNamesKindsAndShapes() {
        String out = run("import numpy as np\nimport theano.tensor as T\nw = shared(np.zeros((3, 2)), name='w')\n"
                + "x = T.matrix('x')\nn = 4\ndata = np.ones(5)\n:vars\n").out();
        assertTrue(out.matches("(?s).*\\bw\\s+\\S*SharedVariable\\S*\\s+value shape \\(3, 2\\) float64.*"), out);
        assertTrue(out.matches("(?s).*\\bx\\s+TensorVariable\\s+TensorType\\(float64, matrix\\).*"), out);
        assertTrue(out.matches("(?s).*\\bn\\s+int\\s+4.*"), out);
        assertTrue(out.matches("(?s).*\\bdata\\s+ndarray\\s+shape \\(5,\\) float64.*"), out);
        assertFalse(out.matches("(?s).*\\bnp\\s+module.*"), "imported modules are not variables: " + out);
    }

    @Test
    void varsWithANameShowsThatVariableOnly() {
        String out = run("import numpy as np\nw = np.zeros((3, 2))\nn = 4\n:vars w\n:vars nothere\n").out();
        assertTrue(out.matches("(?s).*\\bw\\s+ndarray\\s+shape \\(3, 2\\) float64.*"), out);
        assertFalse(out.matches("(?s).*\\bn\\s+int\\s+4.*"), out);
        assertTrue(out.contains("no variable named 'nothere'"), out);
    }

    @Test
    void helpOnAModuleWrapsAtWordsWithinTheWidth() {
        String out = run(":help T\n").out();
        assertTrue(out.contains("module "), out);
        for (String line : out.split("\n")) {
            if (line.startsWith(">>>") || line.isBlank()) continue;
            assertTrue(line.length() <= 100, "too long: " + line);
            assertFalse(line.endsWith(",") && line.length() > 100, line);
        }
        assertTrue(out.contains("sigmoid") && out.contains("\n    "), out);
    }

    @Test
    void loadRunsAFileIntoTheSession() throws Exception {
        Files.writeString(dir.resolve("lib.tdl"), "def square(v):\n    return v * v\nloaded = square(7)\n");
        ReplDriver d = ReplDriver.run("import os\nos.chdir(" + pyString(dir.toString()) + ")\n:load lib.tdl\nloaded + square(2)\n:load missing.tdl\n",
                dir.resolve("history"));
        assertTrue(d.out().contains("53\n"), d.out() + d.err());
        assertTrue(d.err().contains("cannot open 'missing.tdl'"), d.err());
    }

    @Test
    void graphShowsTheGraphBeforeAndAfterRewrites() {
        String out = run("import theano.tensor as T\nx = T.vector('x')\n:graph (x * 1) + 0\n").out();
        int before = out.indexOf("before rewrites:"), after = out.indexOf("after rewrites:");
        assertTrue(before >= 0 && after > before, out);
        String beforeText = out.substring(before, after), afterText = out.substring(after);
        assertTrue(beforeText.contains("mul") && beforeText.contains("add"), beforeText);
        // x * 1 + 0 rewrites to x itself: neither op survives
        assertFalse(afterText.contains("mul") || afterText.contains("add"), afterText);
    }

    @Test
    void graphOfANonSymbolicValueIsAClearError() {
        ReplDriver d = run(":graph 1 + 2\n");
        assertTrue(d.err().contains("TypeError: :graph needs a symbolic expression, got int"), d.err());
    }

    @Test
    void timeRunsTheStatementAndReportsTheDuration() {
        ReplDriver d = run(":time total = sum(range(100000))\ntotal\n");
        assertTrue(d.out().matches("(?s).*time: \\d+\\.\\d{3} m?s\n.*"), d.out());
        assertTrue(d.out().contains("4999950000"), d.out());
    }

    @Test
    void resetForgetsEveryVariable() {
        ReplDriver d = run("gone = 1\n:reset\ngone\n");
        assertTrue(d.err().contains("NameError: name 'gone' is not defined"), d.err());
        assertEquals(null, d.repl.session().get("gone"));
    }

    @Test
    void unknownCommandSaysHowToListThem() {
        assertTrue(run(":frobnicate\n").err().contains("unknown command :frobnicate; :help lists the commands"));
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
