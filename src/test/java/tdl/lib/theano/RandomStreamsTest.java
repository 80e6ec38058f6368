package tdl.lib.theano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tdl.session.Session;
import tdl.session.SessionOptions;

/** A seed reproduces the same draws in every session, on any thread, independently of other work. */
class RandomStreamsTest {
    private static final String SCRIPT = String.join("\n",
            "import numpy as np",
            "from theano.tensor.shared_randomstreams import RandomStreams",
            "import theano",
            "rng = RandomStreams(%d)",
            "%s",
            "f = theano.function([], [rng.uniform((3,)), rng.normal((2, 2)), rng.binomial((4,), p=0.5)])",
            "print(f())",
            "print('--')",
            "print(f())",
            "");

    private static String run(long seed, String extra, Long sessionSeed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        SessionOptions o = SessionOptions.defaults().withOut(ps).withErr(ps);
        if (sessionSeed != null) o = o.withSeed(sessionSeed);
        new Session(o).exec(String.format(SCRIPT, seed, extra), "<test>");
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sameSeedSameNumbersAcrossSessionsAndThreads() throws Exception {
        String first = run(7, "", null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = pool.submit(() -> run(7, "", 1L));
            Future<String> b = pool.submit(() -> run(7, "", 2L));
            assertEquals(first, a.get());
            assertEquals(first, b.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void otherDrawsEvaluatedInBetweenDoNotShiftTheNumbers() {
        // a draw made before ours, but never evaluated, and an unrelated function run in between
        String plain = run(7, "", null);
        String withOther = run(7, "unused = RandomStreams(99).uniform((1000,))\ntheano.function([], unused)()", null);
        assertEquals(plain, withOther);
    }

    @Test
    void differentSeedsDiffer() {
        assertNotEquals(run(7, "", null), run(8, "", null));
    }

    @Test
    void twoCallsDrawDifferentNumbers() {
        String[] calls = run(7, "", null).split("--\n");
        assertEquals(2, calls.length);
        assertNotEquals(calls[0], calls[1]);
    }
}
