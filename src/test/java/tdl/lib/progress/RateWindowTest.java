package tdl.lib.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateWindowTest {
    private static final long SEC = 1_000_000_000L;

    @Test
    void aSlowFirstStepStopsCountingOnceTheWindowMovesPastIt() {
        // 300 steps: the first takes 10 s (compiling), the rest 0.1 s each, one redraw per step
        RateWindow w = new RateWindow(20);
        long t = 0;
        w.record(t, 0);
        t += 10 * SEC;
        w.record(t, 1);
        for (int done = 2; done <= 30; done++) {
            t += SEC / 10;
            w.record(t, done);
        }
        assertEquals(10.0, w.rate(), 1e-9);
        // 270 steps left at 10 steps/s; the average since the start would say 14.9 s/.. = 2.07 it/s -> 130 s
        assertEquals(27.0, w.etaSeconds(30, 270), 1e-9);
    }

    @Test
    void noEtaBeforeTheFirstFewSteps() {
        RateWindow w = new RateWindow(20);
        w.record(0, 0);
        w.record(SEC, 1);
        assertTrue(w.etaSeconds(1, 99) < 0);
        w.record(2 * SEC, 2);
        w.record(3 * SEC, 3);
        assertEquals(97.0, w.etaSeconds(3, 97), 1e-9);
    }

    @Test
    void aSingleSampleHasNoRate() {
        RateWindow w = new RateWindow(4);
        w.record(5 * SEC, 0);
        assertEquals(0.0, w.rate());
    }
}
