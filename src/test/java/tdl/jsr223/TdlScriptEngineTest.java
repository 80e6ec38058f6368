package tdl.jsr223;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import javax.script.SimpleScriptContext;
import org.junit.jupiter.api.Test;
import tdl.api.TdlFunction;

class TdlScriptEngineTest {
    private final ScriptEngineManager manager = new ScriptEngineManager();
    private final ScriptEngine engine = manager.getEngineByName("tdl");
    private final StringWriter out = new StringWriter();

    TdlScriptEngineTest() {
        engine.getContext().setWriter(out);
        engine.getContext().setErrorWriter(new StringWriter());
    }

    @Test
    void theManagerFindsTheEngineByNameExtensionAndMimeType() {
        assertInstanceOf(TdlScriptEngine.class, engine);
        assertInstanceOf(TdlScriptEngine.class, manager.getEngineByExtension("tdl"));
        assertInstanceOf(TdlScriptEngine.class, manager.getEngineByMimeType("application/x-tdl"));
        assertEquals("TDL", engine.getFactory().getLanguageName());
        assertEquals("print('hi')", engine.getFactory().getOutputStatement("hi"));
        assertTrue(engine != manager.getEngineByName("tdl"), "each lookup is a new, independent engine");
    }

    @Test
    void engineScopeBindingsAreGlobals() throws Exception {
        engine.put("n", 20);
        engine.put("xs", new double[] {1, 2, 3});
        assertEquals(23.0, engine.eval("import numpy as np\nk = n + float(np.sum(xs) / 2)\nk"));
        assertEquals(23.0, engine.get("k"));
        engine.eval("names = ['a', 'b']\ndel n");
        assertEquals(List.of("a", "b"), engine.get("names"));
        assertNull(engine.get("n"), "del in the script removes the binding");
        engine.put("names", List.of("c"));
        assertEquals("c", engine.eval("names[0]"));
    }

    @Test
    void globalScopeIsReadButNotCopiedIntoTheEngineScope() throws Exception {
        manager.getBindings().put("shared_rate", 0.5);
        ScriptEngine e = manager.getEngineByName("tdl");
        assertEquals(1.0, e.eval("shared_rate * 2"));
        assertNull(e.getBindings(ScriptContext.ENGINE_SCOPE).get("shared_rate"));
        e.eval("shared_rate = 3");
        assertEquals(3L, e.get("shared_rate"), "rebinding creates an engine-scope variable");
        assertEquals(0.5, manager.getBindings().get("shared_rate"));
    }

    @Test
    void separateBindingsAreSeparateGlobals() throws Exception {
        Bindings a = new SimpleBindings();
        Bindings b = engine.createBindings();
        a.put("x", 1);
        b.put("x", 100);
        CompiledScript inc = ((Compilable) engine).compile("x = x + 1\nx");
        assertEquals(2L, inc.eval(a));
        assertEquals(101L, inc.eval(b));
        assertEquals(3L, inc.eval(a));
        assertEquals(3L, a.get("x"));
        assertEquals(101L, b.get("x"));
    }

    @Test
    void printAndWarningsGoToTheContextWriters() throws Exception {
        engine.eval("print('loss', 0.25)");
        assertEquals("loss 0.25\n", out.toString());
        SimpleScriptContext ctx = new SimpleScriptContext();
        StringWriter w = new StringWriter();
        ctx.setWriter(w);
        ctx.setErrorWriter(new StringWriter());
        engine.eval("print('elsewhere')", ctx);
        assertEquals("elsewhere\n", w.toString());
        assertEquals("loss 0.25\n", out.toString());
    }

    @Test
    void scriptExceptionsCarryFileLineAndColumn() {
        engine.put(ScriptEngine.FILENAME, "model.tdl");
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("a = 1\nb = a + 'text'\n"));
        assertEquals("model.tdl", e.getFileName());
        assertEquals(2, e.getLineNumber());
        assertTrue(e.getColumnNumber() >= 1);
        assertTrue(e.getMessage().startsWith("TypeError: "), e.getMessage());
        ScriptException syntax = assertThrows(ScriptException.class, () -> ((Compilable) engine).compile("def f(:\n"));
        assertTrue(syntax.getMessage().startsWith("SyntaxError"), syntax.getMessage());
        assertEquals(1, syntax.getLineNumber());
    }

    @Test
    void invokeFunctionCallsADef() throws Exception {
        engine.eval("def affine(x, w, b):\n    return x * w + b\n");
        Invocable inv = (Invocable) engine;
        assertEquals(7.0, inv.invokeFunction("affine", 2, 3.0, 1));
        assertThrows(NoSuchMethodException.class, () -> inv.invokeFunction("nope"));
        ScriptException e = assertThrows(ScriptException.class, () -> inv.invokeFunction("affine", 1));
        assertTrue(e.getMessage().startsWith("TypeError"), e.getMessage());
    }

    @Test
    void compiledFunctionsComeOutCallable() throws Exception {
        engine.eval("import theano\nimport theano.tensor as T\nx = T.dmatrix('x')\nf = theano.function([x], x.sum(axis=0))");
        TdlFunction f = (TdlFunction) engine.get("f");
        assertArrayEquals(new double[] {4, 6}, f.callAs(double[].class, (Object) new double[][] {{1, 2}, {3, 4}}));
        Object r = ((Invocable) engine).invokeFunction("f", (Object) new double[][] {{1, 1}});
        assertArrayEquals(new double[] {1, 1}, ((TdlScriptEngine) engine).session().toJava(r, double[].class));
        assertEquals(f, engine.get("f"), "the same handle while the function is unchanged");
    }

    @Test
    void invokeMethodAndGetInterfaceUseTdlObjects() throws Exception {
        engine.eval("class Counter:\n    def __init__(self):\n        self.n = 0\n"
                + "    def add(self, k):\n        self.n += k\n        return self.n\n"
                + "c = Counter()\n"
                + "def apply(x):\n    return 2 * x\n"
                + "def describe(name):\n    return 'model ' + name\n");
        Invocable inv = (Invocable) engine;
        Object c = engine.get("c");
        assertEquals(5L, inv.invokeMethod(c, "add", 5));
        assertEquals(7L, inv.invokeMethod(c, "add", 2));
        assertThrows(NoSuchMethodException.class, () -> inv.invokeMethod(c, "missing"));

        Model m = inv.getInterface(Model.class);
        assertNotNull(m);
        assertEquals(6.0, m.apply(3), 1e-12);
        assertEquals("model tiny", m.describe("tiny"));
        assertNull(inv.getInterface(Missing.class), "a script that lacks the functions gives no implementation");
        Adder adder = inv.getInterface(c, Adder.class);
        assertEquals(10, adder.add(3));
    }

    public interface Model {
        double apply(double x);

        String describe(String name);
    }

    public interface Missing {
        void notThere();
    }

    public interface Adder {
        long add(long k);
    }
}
