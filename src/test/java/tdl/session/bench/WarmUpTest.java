package tdl.session.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tdl.session.Session;
import tdl.session.SessionOptions;

/** The bench's warm-up runs by time, in whole blocks of training calls, then samples, and says so. */
class WarmUpTest {
    private static final String SCRIPT = """
            import numpy
            import theano
            import theano.tensor as T
            w = theano.shared(numpy.zeros(3), name='w')
            i = T.lscalar('i')
            count = theano.shared(numpy.int64(0), name='count')
            train = theano.function([i], w.sum() + i, updates={w: w + 1, count: count + 1})
            drawn = theano.shared(numpy.int64(0), name='drawn')
            sample = theano.function([], [], updates={drawn: drawn + 1})
            def train_epoch(f, batches):
                for b in range(batches):
                    f(b)
            """;

    @Test
    void trainsInBlocksForItsTimeThenSamples() {
        Session s = new Session(SessionOptions.defaults());
        s.exec(SCRIPT, "<warm-up>");
        WarmUp w = WarmUp.run(s, s.get("train"), s.get("sample"), 0.3);
        assertTrue(w.seconds() >= 0.3, "ran " + w.seconds() + " s");
        assertEquals(0, w.trainCalls() % WarmUp.BLOCK);
        assertTrue(w.trainCalls() >= WarmUp.BLOCK && w.samples() >= 1);
        assertEquals(w.trainCalls(), ((Number) s.eval("int(count.get_value())")).intValue());
        assertEquals(w.samples(), ((Number) s.eval("int(drawn.get_value())")).intValue());
        assertTrue(w.describe().startsWith("warm-up: " + w.trainCalls() + " minibatches and " + w.samples() + " samples in"),
                w.describe());
    }

    @Test
    void noTimeStillRunsOneBlockAndOneSample() {
        Session s = new Session(SessionOptions.defaults());
        s.exec(SCRIPT, "<warm-up>");
        WarmUp w = WarmUp.run(s, s.get("train"), s.get("sample"), 0);
        assertEquals(WarmUp.BLOCK, w.trainCalls());
        assertEquals(1, w.samples());
    }

    @Test
    void afterItsBudgetAPhaseGoesOnUntilItsTimesSettleUpToThreeBudgets() {
        long start = 0, end = 1_000;
        assertTrue(WarmUp.goOn(999, start, end, 1, 4.8, 4.8), "inside the budget");
        assertTrue(WarmUp.goOn(1_000, start, end, 1, 4.8, 4.8), "one block is not settled");
        assertTrue(WarmUp.goOn(1_500, start, end, 5, 0.10, 0.12), "the last block 20% over the best");
        assertFalse(WarmUp.goOn(1_500, start, end, 5, 0.10, 0.105), "settled");
        assertFalse(WarmUp.goOn(3_000, start, end, 5, 0.10, 0.5), "three budgets are the limit");
    }
}
