package tdl.function;

import tdl.vocab.OnUnused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tdl.function.TestGraphs.T;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.DotOp;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.FusedElemwiseOp;
import tdl.rewrite.Pipeline;

/** Elementwise fusion: which nodes become one loop, and that the numbers do not change at all. */
class FusionTest {
    private static final Variable V = TestGraphs.matrix("v");
    private static final Variable W = TestGraphs.matrix("W");
    private static final Variable B = TestGraphs.vector("b");
    private static final Variable C = TestGraphs.matrix("c");
    private static final Variable S = TestGraphs.scalar("s");
    private static final List<Variable> INPUTS = List.of(V, W, B, C, S);

    private static CompiledFunction compile(List<Variable> outs, Pipeline p) {
        return FunctionCompiler.compile(INPUTS, outs, List.of(), Map.of(),
                FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE).withPipeline(p));
    }

    private static List<String> steps(CompiledFunction f) {
        return f.plan().steps().stream().map(s -> s.node().op().name()).toList();
    }

    @Test
    void sigmoidOfDotPlusBiasIsOneFusedStepAfterTheProduct() {
        Variable h = T.sigmoid(T.add(T.dot(V, W), B));
        CompiledFunction unfused = compile(List.of(h), Pipeline.standard().without("fuse"));
        assertEquals(List.of("Dot", "Elemwise{add}", "Elemwise{sigmoid}"), steps(unfused));
        CompiledFunction fused = compile(List.of(h), Pipeline.standard());
        assertEquals(List.of("Dot", "Fused{sigmoid(add(i0, i1))}"), steps(fused));
        assertEquals(1, fused.rewriteLog().count("FuseElemwise"));
        var last = fused.plan().steps().get(1).node();
        assertTrue(last.op() instanceof FusedElemwiseOp);
        assertTrue(last.inputs().get(0).owner().op() instanceof DotOp, "the product is the fused loop's first input");
        assertEquals(B, last.inputs().get(1));
    }

    @Test
    void aResultReadTwiceOrReturnedStaysItsOwnNode() {
        Variable pre = T.add(T.dot(V, W), B);
        Variable mean = T.sigmoid(pre);
        // pre is returned and also read by sigmoid: computing it inside the loop too would do it twice
        CompiledFunction f = compile(List.of(pre, mean), Pipeline.standard());
        assertEquals(List.of("Dot", "Elemwise{add}", "Elemwise{sigmoid}"), steps(f));
        Variable e = T.exp(C);
        Variable twice = T.mul(T.add(e, 1.0), T.sub(e, 2.0)); // not e - 1, which becomes expm1(c)
        List<String> s = steps(compile(List.of(twice), Pipeline.standard()));
        assertEquals(2, s.size(), s.toString());
        assertEquals(new ElemwiseOp(tdl.graph.ops.Scalar.EXP).name(), s.get(0), "exp(c) is computed once and read by the fused loop");
    }

    @Test
    void smallIntegerAndFloat32OperandsFuseIntoFloat64Loops() {
        // T.maximum(x, 0) (a ReLU) and x * 2 with Python's small ints: int8 constants, exact in a double
        Variable zero = T.constant(tdl.graph.DType.INT8, 0), two = T.constant(tdl.graph.DType.INT8, 2);
        Variable k = new Variable(new tdl.graph.TensorType(tdl.graph.DType.INT32, 1), "k");
        Variable half = T.constant(tdl.graph.DType.FLOAT32, 0.5);           // x * 0.5: a float32 constant
        Variable relu = T.maximum(T.add(T.mul(T.dot(V, W), half), B), zero);
        Variable scaled = T.mul(T.sub(C, two), k);                           // an int32 row as well
        List<Variable> in = List.of(V, W, B, C, k);
        FunctionCompiler.Options o = FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE);
        CompiledFunction fused = FunctionCompiler.compile(in, List.of(relu, scaled), List.of(), Map.of(), o.withPipeline(Pipeline.standard()));
        CompiledFunction plain = FunctionCompiler.compile(in, List.of(relu, scaled), List.of(), Map.of(), o.withPipeline(Pipeline.standard().without("fuse")));
        assertEquals(List.of("Dot", "Fused{maximum(add(mul(i0, i1), i2), i3)}", "Fused{mul(sub(i0, i1), i2)}"), steps(fused));
        Random rng = new Random(19);
        NDArray kv = NDArray.of(new double[] {3, -1, 0, 7, 2}, 5).astype(tdl.graph.DType.INT32);
        List<NDArray> args = List.of(TestGraphs.random(rng, 4, 6), TestGraphs.random(rng, 6, 5), TestGraphs.random(rng, 5),
                TestGraphs.random(rng, 4, 5), kv);
        List<NDArray> got = fused.call(args), want = plain.call(args);
        for (int i = 0; i < 2; i++) {
            assertEquals(tdl.graph.DType.FLOAT64, got.get(i).dtype());
            assertArrayEquals(want.get(i).data(), got.get(i).data(), "output " + i);
        }
        // only integers in: the loop would have no float64 input to take its dtype from, so no fusion
        Variable i1 = new Variable(new tdl.graph.TensorType(tdl.graph.DType.INT32, 1), "i1");
        Variable ratio = T.mul(T.trueDiv(k, i1), i1);
        CompiledFunction ints = FunctionCompiler.compile(List.of(k, i1), List.of(ratio), List.of(), Map.of(), o.withPipeline(Pipeline.standard()));
        assertEquals(List.of("Elemwise{true_div}", "Elemwise{mul}"), steps(ints));
        NDArray r = ints.call(List.of(kv, NDArray.of(new double[] {2, 4, 5, 7, 8}, 5).astype(tdl.graph.DType.INT32))).get(0);
        assertEquals(tdl.graph.DType.FLOAT64, r.dtype());
        assertArrayEquals(new double[] {3, -1, 0, 7, 2}, r.data(), 1e-15); // (k / i1) * i1 in float64
    }

    // big and tiny shapes: several chunks, one short chunk, and the one-neuron fit's 4 x 1
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"20, 30, 300", "2, 3, 4", "4, 1, 1"})
    void fusedResultsEqualUnfusedBitForBitWithEveryBroadcastLayout(int rows, int inner, int cols) {
        Random rng = new Random(17);
        NDArray v = TestGraphs.random(rng, rows, inner), w = TestGraphs.random(rng, inner, cols), b = TestGraphs.random(rng, cols);
        NDArray c = TestGraphs.random(rng, rows, cols), s = TestGraphs.random(rng);
        Variable h = T.dot(V, W);
        List<Variable> outs = List.of(
                T.sigmoid(T.add(h, B)),                                       // row
                T.sqr(T.sub(C, T.add(T.mul(S, h), B))),                       // scalar, row, full
                T.softplus(T.neg(T.mul(T.exp(C), T.trueDiv(S, T.add(C, 10.0))))),  // constants and divisions
                T.mul(T.add(C, T.sum(V, new int[] {1}, true)), B));          // a column (expanded) and a row
        CompiledFunction fused = compile(outs, Pipeline.standard());
        CompiledFunction plain = compile(outs, Pipeline.standard().without("fuse"));
        assertTrue(fused.rewriteLog().count("FuseElemwise") >= 4, fused.rewriteLog().toString());
        List<NDArray> args = List.of(v, w, b, c, s);
        List<NDArray> got = fused.call(args), want = plain.call(args);
        for (int i = 0; i < outs.size(); i++) assertArrayEquals(want.get(i).data(), got.get(i).data(), "output " + i);
        // a second call reuses the buffers and still agrees
        NDArray c2 = TestGraphs.random(rng, rows, cols);
        got = fused.call(List.of(v, w, b, c2, s));
        want = plain.call(List.of(v, w, b, c2, s));
        for (int i = 0; i < outs.size(); i++) assertArrayEquals(want.get(i).data(), got.get(i).data(), "output " + i);
    }
}
