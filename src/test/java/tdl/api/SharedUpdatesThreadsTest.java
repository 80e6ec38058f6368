package tdl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tdl.function.CompiledFunction;
import tdl.graph.NDArray;
import tdl.lib.theano.TheanoLibrary;

/**
 * Two compiled functions updating the same shared variables, called from four threads straight
 * through their Java handles (the embedder's fast path, which does not take the session's lock):
 * every call's updates are atomic, so no increment is lost and the two counters agree.
 */
class SharedUpdatesThreadsTest {
    @Test
    void concurrentCallsOfTwoFunctionsLoseNoUpdate() throws Exception {
        TdlSession s = Tdl.builder().output(new StringWriter()).errorOutput(new StringWriter()).build();
        s.eval("""
                import theano
                import theano.tensor as T
                c = theano.shared(0.0, name='c')
                v = theano.shared(0.0, name='v')
                f = theano.function([], c, updates=[(c, c + 1), (v, v + 1)])
                g = theano.function([], v, updates=[(v, v + 1), (c, c + 1)])
                """);
        CompiledFunction f = TheanoLibrary.compiledFunction(s.scriptGlobals().get("f"));
        CompiledFunction g = TheanoLibrary.compiledFunction(s.scriptGlobals().get("g"));
        int threads = 4, calls = 5000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                CompiledFunction fn = t % 2 == 0 ? f : g;
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < calls; i++) fn.call(List.of());
                    return null;
                }));
            }
            for (Future<?> d : done) d.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * calls, (Double) s.eval("float(c.get_value())"), 0.0);
        assertEquals(threads * calls, (Double) s.eval("float(v.get_value())"), 0.0);
    }
}
