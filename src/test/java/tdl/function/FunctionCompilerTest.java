package tdl.function;

import tdl.vocab.OnUnused;
import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tdl.function.TestGraphs.T;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.TensorOps;

class FunctionCompilerTest {
    private static NDArray vec(double... d) { return NDArray.of(d, d.length); }

    private static Map.Entry<SharedVariable, Variable> upd(SharedVariable s, Variable v) { return Map.entry(s, v); }

    private static CompiledFunction compile(List<Variable> in, List<Variable> out, List<Map.Entry<SharedVariable, Variable>> updates) {
        return FunctionCompiler.compile(in, out, updates, Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE).withName("train"));
    }

    @Test
    void severalOutputsAreFreshCopies() {
        Variable x = TestGraphs.vector("x");
        CompiledFunction f = compile(List.of(x), List.of(T.exp(x), T.mul(x, 2.0), x), List.of());
        NDArray arg = vec(0, 1);
        List<NDArray> out = f.call(List.of(arg));
        assertArrayEquals(new double[] {1, Math.E}, out.get(0).data(), 1e-15);
        assertArrayEquals(new double[] {0, 2}, out.get(1).data());
        assertNotSame(arg, out.get(2));
        List<NDArray> again = f.call(List.of(vec(1, 1)));
        assertArrayEquals(new double[] {0, 2}, out.get(1).data(), "an earlier result was overwritten by a later call");
        assertArrayEquals(new double[] {2, 2}, again.get(1).data());
    }

    @Test
    void updatesReadTheStateBeforeTheCall() {
        SharedVariable a = new SharedVariable(vec(1), "a"), b = new SharedVariable(vec(2), "b");
        CompiledFunction swap = compile(List.of(), List.of(T.add(a, b)), List.of(upd(a, b), upd(b, a)));
        assertEquals(3, swap.call(List.of()).get(0).item());
        assertEquals(2, a.value().item());
        assertEquals(1, b.value().item());
        swap.call(List.of());
        assertEquals(1, a.value().item());
        assertEquals(2, b.value().item());
    }

    @Test
    void aFailingCallStoresNoUpdate() {
        TensorOps at7 = new TensorOps(() -> "train.tdl:7");
        SharedVariable w = new SharedVariable(vec(1, 1), "w");
        SharedVariable m = new SharedVariable(NDArray.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3), "m");
        SharedVariable h = new SharedVariable(vec(0, 0), "h");
        Variable x = TestGraphs.vector("x");
        CompiledFunction f = compile(List.of(x), List.of(),
                List.of(upd(w, T.add(w, 1.0)), upd(h, at7.dot(m, x))));
        f.call(List.of(vec(1, 1, 1)));
        assertArrayEquals(new double[] {2, 2}, w.value().data());
        assertArrayEquals(new double[] {6, 15}, h.value().data());
        GraphError e = assertThrows(GraphError.class, () -> f.call(List.of(vec(1, 1, 1, 1))));
        assertEquals("train.tdl:7", e.blamed().origin());
        assertTrue(e.blamed().op().name().startsWith("Dot"), e.blamed().op().name());
        assertArrayEquals(new double[] {2, 2}, w.value().data(), "w was updated by a failed call");
        assertArrayEquals(new double[] {6, 15}, h.value().data());
    }

    @Test
    void givensSubstituteBeforeCompiling() {
        Variable x = TestGraphs.vector("x"), y = TestGraphs.vector("y");
        SharedVariable data = new SharedVariable(NDArray.of(new double[] {1, 2, 3, 4}, 2, 2), "data");
        Variable i = new Variable(new TensorType(DType.INT64, 0), "i");
        Variable row = T.subtensor(data, List.of(new tdl.graph.ops.Index.Scalar(i)));
        CompiledFunction f = FunctionCompiler.compile(List.of(i, y), List.of(T.add(T.mul(x, 10.0), y)), List.of(),
                Map.of(x, row), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE).withName("f"));
        assertArrayEquals(new double[] {31, 41}, f.call(List.of(NDArray.scalar(DType.INT64, 1), vec(1, 1))).get(0).data());
        // the user's graph still needs x
        GraphError e = assertThrows(GraphError.class, () -> compile(List.of(y), List.of(T.add(x, y)), List.of()));
        assertEquals(ErrorKind.MISSING_INPUT_ERROR, e.kind());
    }

    @Test
    void missingInputNamesTheVariable() {
        Variable x = TestGraphs.vector("x"), y = TestGraphs.vector("y");
        GraphError e = assertThrows(GraphError.class, () -> compile(List.of(x), List.of(T.add(x, y)), List.of()));
        assertEquals(ErrorKind.MISSING_INPUT_ERROR, e.kind());
        assertTrue(e.getMessage().contains("'y'"), e.getMessage());
        assertTrue(e.hint().contains("inputs") && e.hint().contains("givens"), e.hint());
    }

    @Test
    void unusedInputModes() {
        Variable x = TestGraphs.vector("x"), p = TestGraphs.vector("p");
        GraphError e = assertThrows(GraphError.class, () -> compile(List.of(x, p), List.of(T.exp(x)), List.of()));
        assertEquals(ErrorKind.UNUSED_INPUT_ERROR, e.kind());
        assertTrue(e.getMessage().contains("'p'"), e.getMessage());
        assertTrue(e.hint().contains("on_unused_input='warn'"), e.hint());
        CompiledFunction warn = FunctionCompiler.compile(List.of(x, p), List.of(T.exp(x)), List.of(), Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.WARN).withName("f"));
        assertEquals(1, warn.warnings().size());
        assertTrue(warn.warnings().get(0).contains("'p'"));
        CompiledFunction ignore = FunctionCompiler.compile(List.of(x, p), List.of(T.exp(x)), List.of(), Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE).withName("f"));
        assertTrue(ignore.warnings().isEmpty());
        assertEquals(1.0, ignore.call(List.of(vec(0), vec(5, 6))).get(0).item());
    }

    @Test
    void inputsMustBeFreeDistinctVariables() {
        Variable x = TestGraphs.vector("x");
        SharedVariable s = new SharedVariable(vec(1), "s");
        assertEquals(ErrorKind.TYPE_ERROR, assertThrows(GraphError.class, () -> compile(List.of(s), List.of(T.exp(s)), List.of())).kind());
        assertEquals(ErrorKind.TYPE_ERROR, assertThrows(GraphError.class,
                () -> compile(List.of(T.exp(x)), List.of(T.exp(x)), List.of())).kind());
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(GraphError.class, () -> compile(List.of(x, x), List.of(x), List.of())).kind());
    }

    @Test
    void updateTypesMustMatchTheSharedVariable() {
        SharedVariable w = new SharedVariable(NDArray.zeros(DType.FLOAT64, 2, 2), "W");
        Variable v = TestGraphs.vector("v");
        GraphError rank = assertThrows(GraphError.class, () -> compile(List.of(v), List.of(), List.of(upd(w, T.exp(v)))));
        assertEquals(ErrorKind.TYPE_ERROR, rank.kind());
        assertTrue(rank.getMessage().contains("'W'") && rank.getMessage().contains("TensorType(float64, matrix)")
                && rank.getMessage().contains("TensorType(float64, vector)"), rank.getMessage());
        SharedVariable n = new SharedVariable(NDArray.scalar(DType.INT64, 0), "n");
        GraphError floatToInt = assertThrows(GraphError.class,
                () -> compile(List.of(), List.of(), List.of(upd(n, T.add(n, T.constant(0.5))))));
        assertEquals(ErrorKind.TYPE_ERROR, floatToInt.kind());
        // an int expression into an int shared, a float64 expression into a float64 shared: fine
        CompiledFunction count = compile(List.of(), List.of(), List.of(upd(n, T.add(n, T.constant(1L)))));
        count.call(List.of());
        count.call(List.of());
        assertEquals(2, n.value().item());
        assertEquals(DType.INT64, n.value().dtype());
    }

    @Test
    void argumentsAreValidated() {
        Variable p = TestGraphs.matrix("p"), t = TestGraphs.vector("t");
        CompiledFunction f = compile(List.of(p, t), List.of(T.add(p, t)), List.of());
        GraphError count = assertThrows(GraphError.class, () -> f.call(List.of(vec(1))));
        assertEquals(ErrorKind.TYPE_ERROR, count.kind());
        assertEquals("train() takes 2 arguments (p, t), got 1", count.getMessage());
        GraphError rank = assertThrows(GraphError.class, () -> f.call(List.of(vec(1, 2, 3), vec(1))));
        assertTrue(rank.getMessage().contains("argument 1 'p'") && rank.getMessage().contains("(3,)")
                && rank.getMessage().contains("rank 2") && rank.getMessage().contains("rank 1"), rank.getMessage());
        // int and float32 arrays upcast to a float64 input
        NDArray ints = new NDArray(DType.INT64, new int[] {1, 2}, new double[] {1, 2});
        NDArray f32 = NDArray.of(DType.FLOAT32, new int[] {2}, new double[] {0.5, 0.25});
        NDArray out = f.call(List.of(ints, f32)).get(0);
        assertEquals(DType.FLOAT64, out.dtype());
        assertArrayEquals(new double[] {1.5, 2.25}, out.data());
        // a float into an int input is an error
        Variable k = new Variable(new TensorType(DType.INT64, 1), "k");
        CompiledFunction g = compile(List.of(k), List.of(T.mul(k, T.constant(2L))), List.of());
        GraphError dtype = assertThrows(GraphError.class, () -> g.call(List.of(vec(1.5))));
        assertTrue(dtype.getMessage().contains("'k'") && dtype.getMessage().contains("float64"), dtype.getMessage());
        assertArrayEquals(new double[] {2, 4}, g.call(List.of(new NDArray(DType.INT32, new int[] {2}, new double[] {1, 2}))).get(0).data());
    }

    @Test
    void steadyStateCallsReuseBuffers() {
        Variable x = TestGraphs.matrix("x"), w = TestGraphs.matrix("w");
        SharedVariable b = new SharedVariable(vec(0, 0), "b");
        CompiledFunction f = compile(List.of(x, w), List.of(T.sum(T.tanh(T.add(T.dot(x, w), b)))),
                List.of(upd(b, T.add(b, 0.5))));
        NDArray xv = NDArray.of(new double[] {1, 2, 3, 4}, 2, 2), wv = NDArray.of(new double[] {1, 0, 0, 1}, 2, 2);
        f.call(List.of(xv, wv));
        long first = f.plan().allocations();
        assertEquals(f.plan().stepCount(), first);
        for (int i = 0; i < 3; i++) f.call(List.of(xv, wv));
        assertEquals(first, f.plan().allocations(), "same-shaped calls allocated step buffers");
        assertArrayEquals(new double[] {2, 2}, b.value().data());
        f.call(List.of(NDArray.zeros(DType.FLOAT64, 3, 2), wv));
        assertTrue(f.plan().allocations() > first, "a new shape needs new buffers");
    }

    @Test
    void profileIsOffByDefaultAndCountsOpKindsWhenOn() {
        Variable x = TestGraphs.vector("x");
        assertNull(compile(List.of(x), List.of(T.exp(x)), List.of()).profile());
        // fusion off: the profile should show the two exp steps as such
        CompiledFunction f = FunctionCompiler.compile(List.of(x), List.of(T.exp(T.exp(x))), List.of(), Map.of(),
                FunctionCompiler.Options.defaults().withProfile(true).withName("p")
                        .withPipeline(tdl.rewrite.Pipeline.standard().without("fuse")));
        f.call(List.of(vec(0)));
        f.call(List.of(vec(0)));
        assertEquals(2, f.profile().calls());
        assertEquals(4, f.profile().byOp().get("Elemwise{exp}").runs());
        assertTrue(f.profile().format("p").contains("Elemwise{exp}"));
        f.profile().reset();
        assertEquals(0, f.profile().calls());
        assertTrue(f.profile().byOp().isEmpty(), "a reset profile lists nothing");
        f.call(List.of(vec(0)));
        assertEquals(1, f.profile().calls());
        assertEquals(2, f.profile().byOp().get("Elemwise{exp}").runs(), "the plan records into the same entries after a reset");
    }

    @Test
    void evaluateComputesAnInputlessVariable() {
        SharedVariable s = new SharedVariable(vec(1, 2), "s");
        assertArrayEquals(new double[] {2, 4}, FunctionCompiler.evaluate(T.mul(s, 2.0)).data());
        Variable x = TestGraphs.vector("x");
        assertEquals(ErrorKind.MISSING_INPUT_ERROR, assertThrows(GraphError.class, () -> FunctionCompiler.evaluate(T.exp(x))).kind());
        assertArrayEquals(new double[] {3}, FunctionCompiler.evaluate(T.add(x, 1.0), Map.of(x, vec(2))).data());
    }

    @Test
    void nanGuardBlamesTheFirstNonFiniteStep() {
        TensorOps at9 = new TensorOps(() -> "train.tdl:9");
        Variable x = TestGraphs.vector("x");
        Variable out = T.exp(at9.log(x));
        FunctionCompiler.Options guarded = FunctionCompiler.Options.defaults().withNanGuard(true);
        CompiledFunction f = FunctionCompiler.compile(List.of(x), List.of(out), List.of(), Map.of(), guarded);
        assertArrayEquals(new double[] {2}, f.call(List.of(vec(2))).get(0).data(), 1e-12);
        GraphError e = assertThrows(GraphError.class, () -> f.call(List.of(vec(1, -1))));
        assertEquals(ErrorKind.FLOATING_POINT_ERROR, e.kind());
        assertEquals("train.tdl:9", e.blamed().origin());
        assertTrue(e.getMessage().contains("Elemwise{log}") && e.getMessage().contains("NaN"), e.getMessage());
        // without the guard the NaN just flows out
        CompiledFunction plain = FunctionCompiler.compile(List.of(x), List.of(out), List.of(), Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE).withName("f"));
        assertTrue(Double.isNaN(plain.call(List.of(vec(1, -1))).get(0).data()[1]));
    }

    @Test
    void nanGuardStillBlamesAnOpInARewrittenProduct() {
        // (g / sigmoid(x)) * sigmoid(x) * (1 - sigmoid(x)) becomes g * sigmoid(-x); with
        // g = exp(x)**2 it still overflows at x = 1000, and the guard still names the step
        TensorOps at5 = new TensorOps(() -> "train.tdl:5"), at7 = new TensorOps(() -> "train.tdl:7");
        Variable x = TestGraphs.vector("x");
        Variable s = T.sigmoid(x), g = at5.sqr(at5.exp(x));
        Variable out = at7.mul(at7.trueDiv(g, s), at7.mul(s, T.sub(1.0, s)));
        CompiledFunction f = FunctionCompiler.compile(List.of(x), List.of(out), List.of(), Map.of(),
                FunctionCompiler.Options.defaults().withNanGuard(true));
        assertTrue(f.rewriteLog().count("MulCanonizer") > 0, f.rewriteLog().toString());
        assertArrayEquals(new double[] {Math.exp(4) / (1 + Math.exp(2))}, f.call(List.of(vec(2))).get(0).data(), 1e-12);
        GraphError e = assertThrows(GraphError.class, () -> f.call(List.of(vec(2, 1000))));
        assertEquals(ErrorKind.FLOATING_POINT_ERROR, e.kind());
        assertEquals("train.tdl:5", e.blamed().origin());
        assertTrue(e.getMessage().contains("Elemwise{exp}"), e.getMessage());
    }

    @Test
    void givensMustKeepTheRank() {
        Variable x = TestGraphs.vector("x"), m = TestGraphs.matrix("m");
        GraphError e = assertThrows(GraphError.class, () -> FunctionCompiler.compile(List.of(m), List.of(T.exp(x)),
                List.of(), Map.of(x, m), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE).withName("f")));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("matrix"), e.getMessage());
    }
}
