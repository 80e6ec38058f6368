package tdl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * Scripts that would run for minutes stop at the time limit, by interrupt() or by the thread's own
 * interrupt: between scan steps, inside long kernels, in built-ins looping over huge sequences.
 * The bound asserted is a generous safety net; the overrun measured is printed (the report quotes it).
 */
class RunawayScriptTest {
    private static final Duration LIMIT = Duration.ofMillis(1500);
    private static final long BOUND_MS = 2000;

    private static final String SETUP = """
            import numpy as np
            import theano
            import theano.tensor as T
            c = theano.shared(0.0, name='c')
            n = T.iscalar('n')
            out, _ = theano.scan(lambda a: a * 1.000001 + 1.0, outputs_info=T.constant(0.0, dtype='float64'), n_steps=n)
            stepper = theano.function([n], out[-1], updates=[(c, c + 1)])
            M = T.dmatrix('M')
            big = theano.function([M], T.dot(M, M).sum() + T.dot(M.T, M).sum() + T.dot(M, M.T).sum(), updates=[(c, c + 1)])
            """;

    private static TdlSession session(Duration limit) {
        TdlSession s = Tdl.builder().output(new StringWriter()).errorOutput(new StringWriter()).timeLimit(limit).build();
        // each statement is a run of its own, so a busy machine does not push the set-up past the limit
        for (String line : SETUP.split("\\n(?=\\S)")) s.eval(line);
        double[][] ones = new double[4000][4000];
        for (double[] row : ones) java.util.Arrays.fill(row, 1.0);
        s.set("A", ones);
        s.set("B", java.util.Arrays.copyOf(java.util.Arrays.stream(ones).map(r -> java.util.Arrays.copyOf(r, 3000)).toArray(double[][]::new), 3000));
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "stepper(10**9)",
            "theano.function([], theano.scan(lambda a: a + 1.0, outputs_info=T.constant(0.0), n_steps=10**9)[0][-1])()",
            "sum(range(10**12))",
            "max(range(10**11))",
            "min(range(10**11))",
            "for i in range(10**12): pass",
            // one 4000x4000 product takes 1.4 s on a quiet machine here: repeat it so the limit always
            // falls inside a product, whatever the machine's speed
            "for i in range(50): C = np.dot(A, A)",
            "big(B)",
            "list(x for x in range(10**12))",
    })
    void aRunawayStopsAtTheTimeLimitStoringNothing(String code) {
        TdlSession s = session(LIMIT);
        long t0 = System.nanoTime();
        TdlError e = assertThrows(TdlError.class, () -> s.eval(code));
        long overrunMs = (System.nanoTime() - t0) / 1_000_000 - LIMIT.toMillis();
        System.out.println("overrun " + overrunMs + " ms: " + code);
        assertEquals(ErrorKind.TIMEOUT_ERROR, e.kind(), e.getMessage());
        assertTrue(overrunMs < BOUND_MS, "stopped " + overrunMs + " ms after the limit: " + code);
        assertEquals(0.0, s.eval("float(c.get_value())"), "an interrupted call stores no update");
        assertEquals(2L, s.eval("1 + 1"), "the session is usable afterwards");
        assertEquals(2.000001, (Double) s.eval("float(stepper(2))"), 1e-12); // 0 -> 1 -> 1 * 1.000001 + 1
    }

    @Test
    void interruptFromAnotherThreadStopsACompiledScan() throws Exception {
        TdlSession s = session(null);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Object> run = pool.submit(() -> s.eval("stepper(10**9)"));
            Thread.sleep(300);
            long t0 = System.nanoTime();
            s.interrupt();
            Exception e = assertThrows(java.util.concurrent.ExecutionException.class, () -> run.get(BOUND_MS, TimeUnit.MILLISECONDS));
            System.out.println("interrupt() stopped a scan in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            assertEquals(ErrorKind.KEYBOARD_INTERRUPT, ((TdlError) e.getCause()).kind());
            assertEquals(0.0, s.eval("float(c.get_value())"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancellingTheFutureStopsTheScript() throws Exception {
        TdlSession s = session(null);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Object> run = pool.submit(() -> s.eval("sum(range(10**12))"));
            Thread.sleep(300);
            long t0 = System.nanoTime();
            run.cancel(true);
            // the session's lock is free again once the script stopped: this call would block otherwise
            assertEquals(2L, pool.submit(() -> s.eval("1 + 1")).get(BOUND_MS, TimeUnit.MILLISECONDS));
            System.out.println("Future.cancel(true) freed the session in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStaleInterruptDoesNotBreakTheNextRun() {
        TdlSession s = session(null);
        s.interrupt();
        assertEquals(2L, s.eval("1 + 1"), "an interrupt while nothing runs is dropped");
        s.eval("def slow():\n    t = 0\n    for i in range(1000):\n        t += i\n    return t");
        for (int i = 0; i < 50; i++) {
            assertEquals(499500L, s.eval("slow()"));
            s.interrupt(); // just after a call finished: must not reach the next one
        }
        assertEquals(2L, s.eval("1 + 1"));
        assertTrue(!Thread.currentThread().isInterrupted(), "the caller's thread is not left interrupted");
    }
}
