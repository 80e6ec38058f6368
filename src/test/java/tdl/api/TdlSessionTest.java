package tdl.api;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.graph.NDArray;
import tdl.syntax.TdlError;

class TdlSessionTest {
    private final StringWriter out = new StringWriter();
    private final TdlSession s = Tdl.builder().output(out).build();

    @Test
    void theCompiledFunctionBehindAScriptFunctionTrainsFromJavaWithoutConversions() {
        s.eval("""
                import theano
                import theano.tensor as T
                import numpy as np
                x = T.dvector('x'); y = T.dvector('y')
                w = theano.shared(0.0, name='w'); b = theano.shared(0.0, name='b')
                cost = T.mean((w * x + b - y) ** 2)
                gw, gb = T.grad(cost, [w, b])
                train_step = theano.function([x, y], cost, updates=[(w, w - 0.1 * gw), (b, b - 0.1 * gb)])
                """);
        tdl.function.CompiledFunction f = tdl.lib.theano.TheanoLibrary.compiledFunction(s.scriptGlobals().get("train_step"));
        NDArray xs = NDArray.of(new double[] {0, 1, 2, 3}, 4), ys = NDArray.of(new double[] {1, 3, 5, 7}, 4);
        double first = f.callBorrowed(xs, ys)[0].item();
        for (int i = 0; i < 600; i++) f.callBorrowed(xs, ys);
        assertTrue(f.call(List.of(xs, ys)).get(0).item() < 1e-6 * first);
        assertEquals(2.0, s.get("w", double.class), 1e-3); // the updates reach the session's shared variables
        assertEquals(1.0, s.get("b", double.class), 1e-3);
    }

    @Test
    void float32ArraysCrossTheJavaApiAsFloatArrays() {
        float[] in = {0.1f, 2.5f, -1f / 3};
        s.set("a", in);
        assertEquals("float32", s.eval("str(a.dtype)"));
        NDArray a = s.get("a", NDArray.class);
        assertTrue(a.isFloats(), "stored as 4-byte floats");
        assertArrayEquals(in, a.floats());
        assertArrayEquals(new float[] {0.2f, 5f, -2f / 3}, s.eval("a * 2", float[].class));
        // a float64 array is not silently narrowed: ask for double[] or astype in the script
        assertThrows(tdl.syntax.TdlError.class, () -> s.eval("import numpy as np\nnp.ones(2)", float[].class));
        assertArrayEquals(new double[] {0.10000000149011612, 2.5, (double) (-1f / 3)}, s.get("a", double[].class), 0.0);
        s.set("m", new float[][] {{1.5f, 0.1f}, {2f, -3f}});
        assertEquals("float32 (2, 2)", s.eval("str(m.dtype) + ' ' + str(m.shape)"));
        assertArrayEquals(new float[] {0.1f, -3f}, s.eval("m.T", float[][].class)[1]);
    }

    @Test
    void theanoFlagsConfigureTheSessionAndUnknownFlagsWarnOnce() {
        java.io.StringWriter err = new java.io.StringWriter();
        TdlSession f = Tdl.builder().errorOutput(err).theanoFlags("floatX=float32, bogus=1,bogus=2,mode=FAST_RUN").build();
        assertEquals("float32 float32", f.eval("import theano\ntheano.config.floatX + ' ' + T.vector().dtype"));
        assertEquals("float64", s.eval("import theano\ntheano.config.floatX"), "another session keeps its own config");
        f.eval("pass");
        assertEquals("warning: Theano does not recognise this flag: bogus\n", err.toString().replace("\r\n", "\n"));
    }

    @Test
    void evalReturnsTheLastExpressionInJavaForm() {
        assertEquals(3L, s.eval("1 + 2"));
        assertEquals(2.5, s.eval("5 / 2"));
        assertEquals("ab", s.eval("'a' + 'b'"));
        assertEquals(true, s.eval("1 < 2"));
        assertNull(s.eval("x = 4"));
        assertEquals(4L, s.get("x"));
        assertEquals(List.of(1L, 2L), s.eval("(1, 2)"));
    }

    @Test
    void javaScalarsBecomeScriptNumbers() {
        s.set("i", 7);
        s.set("d", 0.5);
        s.set("b", true);
        s.set("t", "hi");
        assertEquals("int float bool str", s.eval("' '.join([type(v).__name__ for v in (i, d, b, t)])"));
        assertEquals(7.5, s.eval("i + d"));
    }

    @Test
    void javaArraysBecomeHostArraysAndComeBackOnRequest() {
        s.set("v", new double[] {1, 2, 3});
        s.set("m", new double[][] {{1, 2}, {3, 4}, {5, 6}});
        s.eval("import numpy as np\nmt = m.T\nmv = np.dot(v, m)");
        // (1*1 + 2*3 + 3*5, 1*2 + 2*4 + 3*6)
        assertArrayEquals(new double[] {22, 28}, s.get("mv", double[].class));
        double[][] mt = s.get("mt", double[][].class);
        assertArrayEquals(new double[] {1, 3, 5}, mt[0]);
        assertArrayEquals(new double[] {2, 4, 6}, mt[1]);
        assertEquals(List.of(2L, 3L), s.eval("list(mt.shape)"));
        NDArray live = (NDArray) s.get("m");
        assertArrayEquals(new int[] {3, 2}, live.shape());
    }

    @Test
    void ejmlMatricesCrossBothWays() {
        DMatrixRMaj a = new DMatrixRMaj(2, 2, true, 1, 2, 3, 4);
        s.set("a", a);
        s.eval("import numpy as np\nb = np.dot(a, a)");
        DMatrixRMaj b = s.get("b", DMatrixRMaj.class);
        // [[1,2],[3,4]]^2 = [[7,10],[15,22]]
        assertEquals(7, b.get(0, 0));
        assertEquals(10, b.get(0, 1));
        assertEquals(15, b.get(1, 0));
        assertEquals(22, b.get(1, 1));
        a.set(0, 0, 100); // the script got a copy
        assertEquals(1.0, s.eval("float(a[0, 0])"));
    }

    @Test
    void arrayConversionsCheckTheRank() {
        s.set("v", new double[] {1, 2});
        TdlError e = assertThrows(TdlError.class, () -> s.get("v", double[][].class));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("(2,)"), e.getMessage());
        assertThrows(TdlError.class, () -> s.set("r", new double[][] {{1, 2}, {3}}));
        assertEquals(1.5, s.eval("import numpy as np\nnp.mean(v)", double.class));
    }

    @Test
    void listsAndMapsAreCopiedBothWays() {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("lr", 0.1f);
        cfg.put("sizes", List.of(2, 3));
        s.set("cfg", cfg);
        s.eval("cfg['sizes'].append(4)\nn = sum(cfg['sizes'])");
        assertEquals(9L, s.get("n"));
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) s.get("cfg");
        assertEquals(List.of(2L, 3L, 4L), back.get("sizes"));
        assertEquals(0.1f, ((Double) back.get("lr")).floatValue());
        assertEquals(List.of(2, 3), cfg.get("sizes")); // the Java list was not touched
        assertEquals(List.of(List.of(1L, 2L), List.of(3L)), s.eval("[[1, 2], [3]]", List.class));
    }

    @Test
    void callsDefsWithJavaArguments() {
        s.eval("def scale(xs, k):\n    return [x * k for x in xs]\n");
        assertEquals(List.of(2.0, 4.0), s.call("scale", List.of(1, 2), 2.0));
        s.eval("def norm(v):\n    import numpy as np\n    return np.sqrt(np.sum(v * v))\n");
        assertEquals(5.0, s.callAs("norm", double.class, new double[] {3, 4}), 1e-12);
        TdlError e = assertThrows(TdlError.class, () -> s.call("missing"));
        assertEquals(ErrorKind.NAME_ERROR, e.kind());
    }

    @Test
    void compiledFunctionsAreCallableFromJava() {
        s.eval("import theano\nimport theano.tensor as T\nx = T.dvector('x')\nf = theano.function([x], T.sum(x ** 2))\n"
                + "y = T.dvector('y')\ng2 = theano.function([x, y], x - y)\n", "model.tdl");
        TdlFunction f = s.get("f", TdlFunction.class);
        assertEquals(14.0, f.callAs(double.class, new double[] {1, 2, 3}), 1e-12);
        assertInstanceOf(TdlFunction.class, s.get("f"));
        assertEquals(25.0, s.callAs("f", double.class, List.of(3.0, 4.0)), 1e-12);
        // a compiled function handed back to the script is the same function
        s.set("g", f);
        assertEquals(1.0, s.eval("float(g([1.0]))"));
        TdlError e = assertThrows(TdlError.class, () -> s.call("g2", new double[] {1, 2}, new double[] {1, 2, 3}));
        assertEquals(ErrorKind.SHAPE_ERROR, e.kind());
        assertEquals("model.tdl", e.pos().file(), "blamed on the line that built the failing op");
        assertEquals(6, e.pos().line());
    }

    @Test
    void compiledScriptsParseOnceAndRunMany() {
        TdlScript step = s.compile("count = count + 1\ncount * 10");
        s.set("count", 0);
        assertEquals(10L, step.run());
        assertEquals(20L, step.run());
        assertEquals(30L, step.run(long.class));
        TdlError e = assertThrows(TdlError.class, () -> s.compile("x = = 1", "bad.tdl"));
        assertEquals(ErrorKind.SYNTAX_ERROR, e.kind());
        assertEquals("bad.tdl", e.pos().file());
    }

    @Test
    void errorsCarryKindPositionAndLeaveTheSessionUsable() {
        s.set("a", 1);
        TdlError e = assertThrows(TdlError.class, () -> s.eval("b = 2\nc = a + 'x'\n", "calc.tdl"));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
        assertEquals("calc.tdl", e.pos().file());
        assertEquals(2, e.pos().line());
        assertEquals(2L, s.get("b"));
        assertEquals(3L, s.eval("a + b"));
    }

    @Test
    void printGoesToTheConfiguredWriter() {
        s.eval("print('hello', 1 + 1)");
        assertEquals("hello 2\n", out.toString().replace("\r\n", "\n"));
        StringWriter other = new StringWriter();
        s.setOutput(other);
        s.eval("print('again')");
        assertEquals("again\n", other.toString().replace("\r\n", "\n"));
        assertFalse(out.toString().contains("again"));
    }

    @Test
    void loadsTdlFilesThatDefineFunctions(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("helpers.tdl"), "def twice(x):\n    return 2 * x\n");
        Files.writeString(dir.resolve("main.tdl"), "import helpers\ndef quad(x):\n    return helpers.twice(helpers.twice(x))\n");
        s.load(dir.resolve("main.tdl"));
        assertEquals(12L, s.call("quad", 3));
        TdlError e = assertThrows(TdlError.class, () -> s.load(dir.resolve("nope.tdl")));
        assertEquals(ErrorKind.FILE_NOT_FOUND_ERROR, e.kind());
    }

    @Test
    void sessionsAreIndependent() {
        TdlSession other = Tdl.builder().output(new StringWriter()).build();
        s.set("x", 1);
        assertFalse(other.has("x"));
        s.eval("import numpy as np\nnp.answer = 42");
        assertThrows(TdlError.class, () -> other.eval("import numpy as np\nnp.answer"));
    }
}
