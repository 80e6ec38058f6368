package tdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** --profile: each called compiled function's calls and time per op kind, scan bodies included. */
class ProfileOptionTest {
    private static final String SCRIPT = String.join("\n",
            "import numpy as np",
            "import theano",
            "import theano.tensor as T",
            "x = T.matrix('x')",
            "W = theano.shared(np.ones((3, 2)), name='W')",
            "f = theano.function([x], T.nnet.sigmoid(T.dot(x, W)), name='forward')",
            "h, _ = theano.scan(lambda prev: T.tanh(prev * 2.0), outputs_info=[T.zeros_like(x)], n_steps=4)",
            "g = theano.function([x], h[-1], name='loop')",
            "unused = theano.function([x], x + 1, name='never_called')",
            "for i in range(3):",
            "    f(np.ones((4, 3)))",
            "g(np.ones((4, 3)))",
            "print('done')");

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Main.OK, status, err.toString(StandardCharsets.UTF_8));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void profilePrintsCallsAndOpKindsOfEveryCalledFunctionToStderr() {
        String[] r = run("--profile", "-e", SCRIPT);
        assertEquals("done\n", r[0].replace("\r\n", "\n"), "the table goes to stderr, not into the script's output");
        String err = r[1];
        assertTrue(err.contains("Function profiling: forward (3 calls"), err);
        assertTrue(err.contains("Function profiling: loop (1 calls"), err);
        assertTrue(err.contains("Dot"), err);
        assertTrue(err.contains("sigmoid"), err);
        // the scan body's own steps, 4 runs of the tanh step
        assertTrue(err.lines().anyMatch(l -> l.contains("Scan > ") && l.contains("tanh") && l.contains(" 4 ")), err);
        assertFalse(err.contains("never_called"), "a function that was never called has nothing to report");
    }

    @Test
    void functionProfileTruePrintsItsTableAtExitWithoutTheFlag() {
        // Theano prints the profile of a function(profile=True) when the process exits
        String[] r = run("-e", "import theano\nimport theano.tensor as T\nx = T.dvector('x')\n"
                + "f = theano.function([x], T.exp(x), name='prof', profile=True)\nf([1.0])\n"
                + "g = theano.function([x], x + 1, name='plain')\ng([1.0])\n");
        assertTrue(r[1].contains("Function profiling: prof (1 calls"), r[1]);
        assertFalse(r[1].contains("plain"), r[1]);
    }

    @Test
    void withoutProfileNothingIsPrinted() {
        String[] r = run("-e", SCRIPT);
        assertFalse(r[1].contains("Function profiling"), r[1]);
    }
}
