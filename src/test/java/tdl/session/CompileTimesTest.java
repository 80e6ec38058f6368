package tdl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.function.CompileTimes;
import tdl.function.CompiledFunction;
import tdl.lib.theano.TheanoLibrary;

/**
 * Every compiled function records how long each step of its compilation took (what
 * {@code tdl bench --compile-only} prints): the checks, each rewrite phase in the pipeline's order,
 * a scan body's phases and plan under the scan's name, the plan, the total. Names and order only:
 * the times themselves are not asserted.
 */
class CompileTimesTest {
    @Test
    void stepsAreListedInTheOrderTheyRan() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Session s = new Session(SessionOptions.defaults().withOut(sink).withErr(sink));
        Object f = s.exec("""
                import numpy
                import theano
                import theano.tensor as T
                x = T.vector('x')
                w = theano.shared(numpy.ones(3), name='w')
                ys, _ = theano.scan(lambda v: T.tanh(v * w), outputs_info=[x], n_steps=2, name='loop')
                f = theano.function([x], ys[-1].sum(), updates=[(w, w * 0.5)])
                f
                """, "<test>");
        CompiledFunction cf = TheanoLibrary.compiledFunction(f);
        CompileTimes times = cf.compileTimes();
        List<String> names = times.steps().stream().map(CompileTimes.Step::name).toList();
        List<String> phases = List.of("merge", "canonicalize", "stabilize", "specialize", "merge", "fuse", "memory", "inplace");
        assertEquals("checks and givens", names.get(0));
        assertEquals(phases, names.subList(1, 1 + phases.size()));
        for (String p : phases) assertTrue(names.contains("Scan{loop} > " + p), names.toString());
        assertTrue(names.indexOf("Scan{loop} > plan") < names.indexOf("plan"), names.toString());
        assertEquals(List.of("plan", "total"), names.subList(names.size() - 2, names.size()));
        for (CompileTimes.Step st : times.steps()) assertTrue(st.nanos() >= 0);
        assertTrue(times.format().contains(" ms  Scan{loop} > canonicalize"), times.format());
    }
}
