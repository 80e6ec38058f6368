package tdl.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tdl.function.TestGraphs.T;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tdl.function.CompiledFunction;
import tdl.function.FunctionCompiler;
import tdl.function.TestGraphs;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.rewrite.Pipeline;
import tdl.session.Session;
import tdl.session.SessionOptions;
import tdl.syntax.TdlError;

/**
 * A scan's body is compiled with the options of the function that contains it: the NaN guard
 * stops inside a step, profiling times the body's ops, and a rewrite switched off outside is off
 * inside too.
 */
class ScanOptionsTest {
    private static final String PRELUDE = "import numpy as np\nimport theano\nimport theano.tensor as T\n";

    private static Session session(SessionOptions options) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Session(options.withOut(sink).withErr(sink));
    }

    @Test
    void nanGuardStopsInsideAStepAndBlamesTheLineThatBuiltTheOp() {
        String script = PRELUDE
                + "x = T.vector('x')\n"
                + "def step(prev):\n"
                + "    return T.log(prev - 1.0)\n" // line 6: log of a negative number at the second step
                + "h, _ = theano.scan(step, outputs_info=[x], n_steps=3, name='decay')\n"
                + "f = theano.function([x], h[-1])\n"
                + "r = f(np.array([3.0, 5.0]))\n";
        Session guarded = session(SessionOptions.defaults().withNanGuard(true));
        TdlError e = assertThrows(TdlError.class, () -> guarded.exec(script, "loop.tdl"));
        String text = guarded.format(e);
        assertTrue(text.contains("\n  at loop.tdl:6:"), "blamed on the step function's line, not the call: " + text);
        assertTrue(text.contains("FloatingPointError") && text.contains("Elemwise{log} produced NaN"), text);
        assertTrue(text.contains("return T.log(prev - 1.0)"), "the source line is shown: " + text);

        // without the guard the NaN flows out of the loop: log(log(3 - 1) - 1) is log of a negative number
        Session plain = session(SessionOptions.defaults());
        plain.exec(script, "loop.tdl");
        NDArray r = (NDArray) plain.get("r");
        assertTrue(Double.isNaN(r.data()[0]), r.toString());
    }

    @Test
    void profilingShowsTheOpsOfNestedScanBodies() {
        String script = PRELUDE
                + "x = T.vector('x')\n"
                + "def outer_step(v):\n"
                + "    r, _ = theano.scan(lambda p: T.tanh(p * 2.0), outputs_info=[v], n_steps=4, name='inner')\n"
                + "    return r[-1]\n"
                + "h, _ = theano.scan(outer_step, outputs_info=[x], n_steps=3, name='outer')\n"
                + "f = theano.function([x], h[-1], name='nested')\n"
                + "f(np.ones(2))\n";
        Session s = session(SessionOptions.defaults().withProfile(true));
        s.exec(script, "nested.tdl");
        String report = s.profileReport();
        assertTrue(report.contains("Function profiling: nested (1 calls"), report);
        assertEquals(1, runs(report, "Scan{outer}"), report);
        assertEquals(3, runs(report, "Scan{outer} > Scan{inner}"), report);
        // the inner body's one (fused) op: 4 steps for each of the 3 outer steps
        assertTrue(report.lines().anyMatch(l -> l.contains("Scan{outer} > Scan{inner} > ") && l.contains(" 12  ")), report);
    }

    /** The run count of the row whose op column is exactly {@code op}. */
    private static long runs(String report, String op) {
        return report.lines().map(String::trim).filter(l -> l.endsWith("  " + op))
                .mapToLong(l -> Long.parseLong(l.split("\\s+")[2])).findFirst().orElseThrow(() -> new AssertionError(op));
    }

    @Test
    void aRewriteSwitchedOffForTheFunctionIsOffInsideItsScan() {
        // each step computes log(1 + exp(x_t)); at x_t = 1000 only the stabilised form (softplus) is finite
        Variable xs = TestGraphs.vector("xs");
        ScanBuilder b = new ScanBuilder(List.of(xs), null, List.of(), null, false, "softplus", null);
        Variable x = b.stepArguments().get(0);
        Variable ys = b.build(List.of(T.log(T.add(T.constant(1.0), T.exp(x)))), Map.of()).outputs().get(0);
        NDArray big = NDArray.of(new double[] {1000.0, 0.0}, 2);

        NDArray stable = compile(ys, xs, FunctionCompiler.Options.defaults()).call(List.of(big)).get(0);
        assertEquals(1000.0, stable.data()[0], 0.0);
        assertEquals(Math.log(2), stable.data()[1], 1e-15);

        FunctionCompiler.Options off = FunctionCompiler.Options.defaults().withPipeline(Pipeline.standard().without("stabilize"));
        NDArray plain = compile(ys, xs, off).call(List.of(big)).get(0);
        assertEquals(Double.POSITIVE_INFINITY, plain.data()[0], "exp(1000) overflows when the step is not stabilised");
        assertEquals(Math.log(2), plain.data()[1], 1e-15);
    }

    private static CompiledFunction compile(Variable out, Variable in, FunctionCompiler.Options options) {
        return FunctionCompiler.compile(List.of(in), List.of(out), List.of(), Map.of(), options);
    }
}
