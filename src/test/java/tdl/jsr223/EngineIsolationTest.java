package tdl.jsr223;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.api.Tdl;

/** Engines share nothing: concurrent runs equal sequential ones; limits hold through javax.script. */
class EngineIsolationTest {
    /** Seeded training with random init, shared state, prints and a module global: anything static would show. */
    private static final String TRAIN = String.join("\n",
            "import numpy as np",
            "import theano",
            "import theano.tensor as T",
            "rng = np.random.RandomState(seed)",
            "X = rng.randn(40, 3)",
            "y = X.dot(np.array([1.0, -2.0, 0.5])) + 0.1",
            "w = theano.shared(rng.randn(3) * 0.1, name='w')",
            "b = theano.shared(0.0, name='b')",
            "x = T.dmatrix('x')",
            "t = T.dvector('t')",
            "loss = T.mean((T.dot(x, w) + b - t) ** 2)",
            "gw, gb = T.grad(loss, [w, b])",
            "step = theano.function([x, t], loss, updates=[(w, w - 0.1 * gw), (b, b - 0.1 * gb)])",
            "for i in range(150):",
            "    l = step(X, y)",
            "print(float(l))",
            "result = [float(v) for v in w.get_value()] + [float(b.get_value()), float(l)]",
            "");

    private static List<Object> run(long seed, StringWriter out) throws ScriptException {
        ScriptEngine e = new ScriptEngineManager().getEngineByName("tdl");
        e.getContext().setWriter(out);
        e.put("seed", seed);
        e.eval(TRAIN);
        @SuppressWarnings("unchecked")
        List<Object> r = (List<Object>) e.get("result");
        return r;
    }

    @Test
    void twoEnginesOnTwoThreadsGiveTheSequentialResults() throws Exception {
        StringWriter o1 = new StringWriter();
        StringWriter o2 = new StringWriter();
        List<Object> seq1 = run(1, o1);
        List<Object> seq2 = run(2, o2);
        assertFalse(seq1.equals(seq2), "different seeds train differently");
        assertEquals(1.0, (Double) seq1.get(0), 0.05, "the fit learns the first weight");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<List<Object>>> results = new ArrayList<>();
            List<StringWriter> outs = List.of(new StringWriter(), new StringWriter());
            for (int k = 0; k < 2; k++) {
                long seed = k + 1;
                StringWriter w = outs.get(k);
                results.add(pool.submit(() -> {
                    start.await();
                    List<Object> a = run(seed, w);
                    List<Object> b = run(seed, new StringWriter());
                    assertEquals(a, b);
                    return a;
                }));
            }
            assertEquals(seq1, results.get(0).get());
            assertEquals(seq2, results.get(1).get());
            assertEquals(o1.toString(), outs.get(0).toString(), "each engine printed only its own output");
            assertEquals(o2.toString(), outs.get(1).toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRestrictedFactoryBoundsTimeAndFiles(@TempDir Path dir) throws Exception {
        TdlScriptEngineFactory factory = new TdlScriptEngineFactory(Tdl.builder()
                .confineFilesTo(dir).timeLimit(Duration.ofMillis(300)));
        ScriptEngine e = factory.getScriptEngine();
        e.getContext().setWriter(new StringWriter());
        ScriptException t = assertThrows(ScriptException.class, () -> e.eval("while True:\n    pass\n"));
        assertTrue(t.getMessage().startsWith("TimeoutError"), t.getMessage());
        assertTrue(t.getLineNumber() == 1 || t.getLineNumber() == 2, "inside the loop: line " + t.getLineNumber());
        assertEquals(4L, e.eval("2 + 2"), "the engine keeps working after a timeout");

        ScriptException p = assertThrows(ScriptException.class,
                () -> e.eval("import numpy as np\nnp.save('../escape.npy', np.ones(2))"));
        assertTrue(p.getMessage().startsWith("PermissionError"), p.getMessage());
        assertEquals(2, p.getLineNumber());
        assertFalse(Files.exists(dir.resolveSibling("escape.npy")));
        e.eval("np.save('inside.npy', np.ones(2))");
        assertTrue(Files.exists(dir.resolve("inside.npy")));

        ScriptEngine closed = new TdlScriptEngineFactory(Tdl.builder().noFileAccess()).getScriptEngine();
        ScriptException n = assertThrows(ScriptException.class,
                () -> closed.eval("import numpy as np\nnp.load('" + dir.resolve("inside.npy").toString().replace("\\", "/") + "')"));
        assertTrue(n.getMessage().contains("file access is disabled"), n.getMessage());
    }

    @Test
    void runningScriptsStartsNoThreads() throws Exception {
        ScriptEngine e = new TdlScriptEngineFactory(Tdl.builder().timeLimit(Duration.ofMillis(100))).getScriptEngine();
        e.getContext().setWriter(new StringWriter());
        e.eval("1 + 1"); // warm-up: class loading may start JVM service threads once
        int before = Thread.activeCount();
        for (int i = 0; i < 5; i++) {
            assertThrows(ScriptException.class, () -> e.eval("while True:\n    pass\n"));
            e.eval("x = [i * i for i in range(100)]");
        }
        // other tests' threads may still be ending, so the count may drop; it must not grow
        assertTrue(Thread.activeCount() <= before, before + " threads before, " + Thread.activeCount() + " after");
    }
}
