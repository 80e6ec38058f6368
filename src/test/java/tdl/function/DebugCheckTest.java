package tdl.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tdl.function.TestGraphs.T;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.rewrite.Phase;
import tdl.rewrite.Pipeline;
import tdl.rewrite.RewriteLog;
import tdl.vocab.ErrorKind;

/** mode='DebugMode': a rewrite that changes a value is caught on the call, and no update is stored. */
class DebugCheckTest {
    /** A deliberately wrong phase: every output gets 1e-3 added. */
    private static final Phase WRONG = new Phase() {
        @Override public String name() { return "wrong"; }

        @Override public List<Variable> run(List<Variable> outputs, RewriteLog log) {
            List<Variable> out = new ArrayList<>();
            for (Variable v : outputs) out.add(T.add(v, 1e-3));
            return out;
        }

        @Override public Phase without(Set<String> names) { return this; }
    };

    private static FunctionCompiler.Options debug(Pipeline p) {
        return FunctionCompiler.Options.defaults().withName("f").withPipeline(p).withDebugCheck(true);
    }

    @Test
    void aWrongRewriteIsReportedAndStoresNothing() {
        Variable x = TestGraphs.vector("x");
        SharedVariable w = new SharedVariable(NDArray.of(new double[] {1, 2}, 2), "w");
        CompiledFunction f = FunctionCompiler.compile(List.of(x), List.of(T.mul(x, w)), List.of(Map.entry(w, T.add(w, 1.0))),
                Map.of(), debug(new Pipeline(List.of(WRONG))));
        GraphError e = assertThrows(GraphError.class, () -> f.call(List.of(NDArray.of(new double[] {3, 4}, 2))));
        assertEquals(ErrorKind.BAD_OPTIMIZATION, e.kind());
        assertTrue(e.getMessage().startsWith("f(): output 1 ((x * w)) differs between the rewritten graph and the unrewritten one"),
                e.getMessage());
        assertArrayEquals(new double[] {1, 2}, w.value().data(), "a failed check must store no update");
    }

    @Test
    void theStandardRewritesPassAndStabilisedOverflowsAreAllowed() {
        Variable x = TestGraphs.vector("x");
        // log(1 + exp(x)) overflows to inf unrewritten at 1000; the softplus rewrite gives 1000
        CompiledFunction f = FunctionCompiler.compile(List.of(x), List.of(T.log(T.add(T.exp(x), 1.0))), List.of(), Map.of(),
                debug(Pipeline.standard()));
        NDArray out = f.call(List.of(NDArray.of(new double[] {1000, 0}, 2))).get(0);
        assertArrayEquals(new double[] {1000, Math.log(2)}, out.data(), 1e-12);
    }
}
