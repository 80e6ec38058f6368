package tdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.session.Session;
import tdl.syntax.TdlError;

/** Errors print Python's traceback: one entry per script frame, outermost first, deep recursion capped. */
class TracebackTest {

    private static TdlError failure(String code) {
        Session s = new Session();
        Throwable t = s.runOnWorker(() -> s.exec(code, "net.tdl"));
        return assertInstanceOf(TdlError.class, t);
    }

    @Test
    void threeLevelClassMethodChainListsEveryFrame() {
        TdlError e = failure("""
                import numpy as np
                class Layer:
                    def apply(self, x):
                        return np.dot(x, np.zeros((4, 3)))
                class Net:
                    def __init__(self):
                        self.layer = Layer()
                    def build(self, x):
                        return self.layer.apply(x)
                def train():
                    return Net().build(np.ones((2, 5)))
                train()
                """);
        assertEquals("""
                Traceback (most recent call last):
                  File "net.tdl", line 12, in <module>
                    train()
                  File "net.tdl", line 11, in train
                    return Net().build(np.ones((2, 5)))
                  File "net.tdl", line 9, in build
                    return self.layer.apply(x)
                  File "net.tdl", line 4, in apply
                ShapeError: shapes (2, 5) and (4, 3) not aligned for dot: 5 != 4
                  at net.tdl:4:16
                            return np.dot(x, np.zeros((4, 3)))
                                   ^
                """, e.format().substring(0, e.format().indexOf("  hint:")));
        // the embedding API sees the same frames as data
        List<TdlError.Frame> tb = e.traceback();
        assertEquals(List.of("<module>", "train", "build", "apply"), tb.stream().map(TdlError.Frame::function).toList());
        assertEquals(List.of(12, 11, 9, 4), tb.stream().map(TdlError.Frame::line).toList());
        assertEquals("net.tdl", tb.get(3).file());
        assertEquals(16, tb.get(3).col());
    }

    @Test
    void deepRecursionIsSummarisedAsPythonDoes() {
        TdlError e = failure("""
                def f(n):
                    return f(n + 1)
                f(0)
                """);
        String text = e.format();
        assertEquals("RecursionError", e.kindName());
        // Python 3: three identical entries, then the count of the rest (the count Python 3.12 prints at its default limit of 1000)
        String entry = "  File \"net.tdl\", line 2, in f\n    return f(n + 1)\n";
        assertTrue(text.contains(entry.repeat(3) + "  [Previous line repeated 996 more times]\n"), text);
        assertTrue(text.lines().count() < 20, text);
    }

    @Test
    void errorInsideCompiledFunctionShowsBuildLineAndCallChain() {
        TdlError e = failure("""
                import theano
                import theano.tensor as T
                import numpy as np
                class Model:
                    def __init__(self):
                        x = T.matrix('x')
                        self.f = theano.function([x], T.dot(x, x))
                    def predict(self, a):
                        return self.f(a)
                Model().predict(np.ones((2, 3)))
                """);
        String text = e.format();
        assertTrue(text.startsWith("""
                Traceback (most recent call last):
                  File "net.tdl", line 10, in <module>
                    Model().predict(np.ones((2, 3)))
                  File "net.tdl", line 9, in predict
                    return self.f(a)
                ShapeError: shapes (2, 3) and (2, 3) not aligned"""), text);
        assertTrue(text.contains("called at net.tdl:9:16"), text);
        assertTrue(text.contains("  at net.tdl:7:39\n"), text);
        assertEquals(7, e.pos().line());
    }

    @Test
    void moduleLevelErrorKeepsTheSinglePositionedForm() {
        TdlError e = failure("x = 1 + 'a'\n");
        assertTrue(e.format().startsWith("TypeError: "), e.format());
        assertEquals(List.of("<module>"), e.traceback().stream().map(TdlError.Frame::function).toList());
    }
}
