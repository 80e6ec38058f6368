package tdl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.graph.SharedVariable;

/** Ctrl-C while a statement runs, through the hook the terminal's INT handler calls. */
class InterruptTest {
    @TempDir
    Path dir;

    /** Presses "Ctrl-C" once the running entry has made {@code progress} true, and records when. */
    private static Thread pressCtrlC(Repl[] repl, java.util.function.BooleanSupplier progress, AtomicLong pressedAt) {
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (repl[0] != null && repl[0].isRunning() && progress.getAsBoolean()) {
                    pressedAt.set(System.nanoTime());
                    repl[0].interrupt();
                    return;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        return t;
    }

    @Test
    void ctrlCStopsALongLoopQuicklyAndKeepsEveryVariable() throws Exception {
        Repl[] repl = new Repl[1];
        AtomicLong pressedAt = new AtomicLong();
        AtomicLong returnedAt = new AtomicLong();
        Thread presser = pressCtrlC(repl, () -> repl[0].session().get("i") instanceof Long i && i > 1000, pressedAt);
        String input = "keep = 'kept'\ni = 0\nwhile i < 10 ** 9:\n    i += 1\n\nreturned = 1\nprint(keep, i > 1000)\n";
        ReplDriver d = ReplDriver.run(input, dir.resolve("h"), r -> {
            repl[0] = r;
            presser.start();
        });
        returnedAt.set(System.nanoTime());
        assertTrue(d.err().contains("KeyboardInterrupt"), d.err());
        assertTrue(d.out().contains("kept True"), d.out());
        long i = (Long) d.repl.session().get("i");
        assertTrue(i > 1000 && i < 1_000_000_000L, "stopped midway at " + i);
        assertTrue(returnedAt.get() - pressedAt.get() < 5_000_000_000L, "the REPL went on after the interrupt");
    }

    @Test
    void anInterruptedTrainingLoopLeavesSharedStateConsistent() {
        Repl[] repl = new Repl[1];
        Thread presser = pressCtrlC(repl, () -> repl[0].session().get("steps") instanceof Long n && n > 200,
                new AtomicLong());
        // two shared variables updated by the same call: an interrupted call stores both or neither
        String input = "a = shared(0.0)\nb = shared(0.0)\nstep = function([], [], updates=[(a, a + 1), (b, b + 1)])\n"
                + "steps = 0\nwhile True:\n    step()\n    steps += 1\n\n";
        ReplDriver d = ReplDriver.run(input, dir.resolve("h"), r -> {
            repl[0] = r;
            presser.start();
        });
        assertTrue(d.err().contains("KeyboardInterrupt"), d.err());
        var a = (SharedVariable) d.repl.session().get("a");
        var b = (SharedVariable) d.repl.session().get("b");
        double av = a.value().data()[0], bv = b.value().data()[0];
        assertEquals(av, bv);
        long steps = (Long) d.repl.session().get("steps");
        // the call counter and the stored updates agree up to the one call that completed before `steps += 1`
        assertTrue(av == steps || av == steps + 1, "a=" + av + " steps=" + steps);
    }

    @Test
    void aCtrlCAfterAnEntryFinishedDoesNotStopTheNextOne() {
        Repl[] holder = new Repl[1];
        ReplDriver d = ReplDriver.run("x = 1\nx + 1\n", dir.resolve("h"), r -> {
            holder[0] = r;
            r.session().interrupt(); // a stray Ctrl-C that arrived at the prompt
        });
        assertEquals("", d.err());
        assertTrue(d.out().contains("2\n"), d.out());
    }
}
