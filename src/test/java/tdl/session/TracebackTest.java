package tdl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.syntax.TdlError;

/** Errors raised inside script functions carry Python's call chain, as text and as data. */
class TracebackTest {
    private static final String LAYERS = String.join("\n",
            "class Layer:",
            "    def __init__(self, n):",
            "        self.n = n",
            "    def build(self, x):",
            "        return x / self.n",
            "class MLP:",
            "    def __init__(self):",
            "        self.layer = Layer(0)",
            "    def forward(self, x):",
            "        return self.layer.build(x)",
            "def train():",
            "    m = MLP()",
            "    return m.forward(3)",
            "train()",
            "");

    private static TdlError fail(String code) {
        return assertThrows(TdlError.class, () -> new Session().exec(code, "net.tdl"));
    }

    @Test
    void eachScriptFrameIsListedOutermostFirstWithItsLine() {
        TdlError e = fail(LAYERS);
        String text = e.format();
        // the shape of Python's traceback for the same program
        assertTrue(text.startsWith(String.join("\n",
                "Traceback (most recent call last):",
                "  File \"net.tdl\", line 14, in <module>",
                "    train()",
                "  File \"net.tdl\", line 13, in train",
                "    return m.forward(3)",
                "  File \"net.tdl\", line 10, in forward",
                "    return self.layer.build(x)",
                "ZeroDivisionError: division by zero",
                "  at net.tdl:5:18, in build")), text);
        List<TdlError.Frame> frames = e.frames();
        assertEquals(List.of(14, 13, 10, 5), frames.stream().map(f -> f.pos().line()).toList());
        assertEquals("build", e.function());
        assertNull(frames.get(0).function());
        assertEquals("forward", frames.get(2).function());
    }

    @Test
    void deepRecursionIsCutToACountAsPythonDoes() {
        TdlError e = fail("def f(n):\n    return f(n + 1)\nf(0)\n");
        String text = e.format();
        assertEquals(3, text.split("in f\n    return f\\(n \\+ 1\\)", -1).length - 1, text);
        assertTrue(text.contains("  [Previous line repeated 996 more times]\n"), text);
        assertTrue(text.contains("RecursionError: maximum recursion depth exceeded"), text);
    }

    @Test
    void anErrorAtModuleLevelHasNoTracebackHeader() {
        TdlError e = fail("x = 1\ny = x / 0\n");
        assertTrue(e.format().startsWith("ZeroDivisionError: division by zero\n  at net.tdl:2:7"), e.format());
        assertEquals(1, e.frames().size());
    }

    @Test
    void aCompiledFunctionFailingInsideAMethodKeepsItsLinesAndGainsTheChain() {
        String code = String.join("\n",
                "import numpy as np",
                "x = T.dvector('x')",
                "y = T.dvector('y')",
                "f = theano.function([x, y], x + y)",
                "class Model:",
                "    def step(self, a, b):",
                "        return f(a, b)",
                "Model().step(np.ones(3), np.ones(4))",
                "");
        String text = fail(code).format();
        assertTrue(text.startsWith("Traceback (most recent call last):\n  File \"net.tdl\", line 8, in <module>\n"), text);
        assertTrue(text.contains("in step"), text);
        assertTrue(text.contains("(3,)") && text.contains("(4,)"), text);
    }
}
