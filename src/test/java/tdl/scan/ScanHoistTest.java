package tdl.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static tdl.function.TestGraphs.T;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.function.CompiledFunction;
import tdl.function.FunctionCompiler;
import tdl.function.TestGraphs;
import tdl.graph.Apply;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.graph.ops.Index;
import tdl.rewrite.Pipeline;

/** A long loop reading W.T of a non-sequence W gets the transpose computed once, outside the loop. */
class ScanHoistTest {
    /** v_t = sigmoid(v_{t-1} W Wᵀ) over {@code steps} steps: propup then propdown, as the RBM's Gibbs step. */
    private static Variable gibbsLike(Variable v0, SharedVariable w, Variable steps) {
        Variable v = TestGraphs.matrix("v");
        Variable h = T.sigmoid(T.dot(v, w));
        Variable body = T.sigmoid(T.dot(h, T.transpose(w)));
        ScanOp op = new ScanOp(List.of(v, w), List.of(body), 0, List.of(List.of(-1)), 0, false, "gibbs", List.of(false));
        Apply scan = Apply.make(op, List.of(steps, v0, w), null);
        return T.subtensor(scan.output(), List.of(new Index.Scalar(T.constant(-1L))));
    }

    private static CompiledFunction compile(Variable v0, Variable out, Pipeline pipeline, List<Variable> more) {
        List<Variable> ins = new java.util.ArrayList<>(List.of(v0));
        ins.addAll(more);
        return FunctionCompiler.compile(ins, List.of(out), List.of(), Map.of(), FunctionCompiler.Options.defaults().withPipeline(pipeline).withName("f"));
    }

    @Test
    void aLongLoopReadsTheTransposeAsAPlainMatrixAndGivesTheSameNumbers() {
        assumeTrue(tdl.eval.Gemm.plainProductsReadBInPlace(), "plain products pack B here: the transposed form stays");
        Random rng = new Random(6);
        SharedVariable w = new SharedVariable(TestGraphs.random(rng, 30, 12), "W");
        Variable v0 = TestGraphs.matrix("v0");
        Variable last = gibbsLike(v0, w, T.constant(40L));
        NDArray start = TestGraphs.random(rng, 20, 30);
        CompiledFunction hoisted = compile(v0, last, Pipeline.standard(), List.of());
        assertTrue(ScanPlans.bodyOps(hoisted).contains("Dot ") && !ScanPlans.bodyOps(hoisted).contains("Dot{NT}"), "the body multiplies by Wt: " + ScanPlans.bodyOps(hoisted));
        assertTrue(ScanPlans.outerOps(hoisted).contains("DimShuffle{1,0}"), "the transpose is computed outside the loop: " + ScanPlans.outerOps(hoisted));
        CompiledFunction plain = compile(v0, last, Pipeline.standard().without("memory"), List.of());
        assertTrue(ScanPlans.bodyOps(plain).contains("Dot{NT}"), ScanPlans.bodyOps(plain));
        // every element is the same multiply-add chain either way: the same bits
        assertArrayEquals(plain.call(List.of(start)).get(0).data(), hoisted.call(List.of(start)).get(0).data(), 0.0);
        // a second call after W changed reads the new W's transpose
        w.setValue(TestGraphs.random(rng, 30, 12));
        assertArrayEquals(plain.call(List.of(start)).get(0).data(), hoisted.call(List.of(start)).get(0).data(), 0.0);
    }

    @Test
    void shortOrUnknownLoopsKeepTheTransposedProduct() {
        SharedVariable w = new SharedVariable(TestGraphs.random(new Random(7), 30, 12), "W");
        Variable v0 = TestGraphs.matrix("v0");
        CompiledFunction cd1 = compile(v0, gibbsLike(v0, w, T.constant((long) ScanHoist.MIN_STEPS - 1)), Pipeline.standard(), List.of());
        assertTrue(ScanPlans.bodyOps(cd1).contains("Dot{NT}"), "a copy of W costs more than a few steps save: " + ScanPlans.bodyOps(cd1));
        Variable k = new Variable(new tdl.graph.TensorType(tdl.graph.DType.INT64, 0), "k");
        CompiledFunction unknown = compile(v0, gibbsLike(v0, w, k), Pipeline.standard(), List.of(k));
        assertTrue(ScanPlans.bodyOps(unknown).contains("Dot{NT}"), "a step count known only at the call: " + ScanPlans.bodyOps(unknown));
        assertFalse(ScanPlans.outerOps(unknown).contains("DimShuffle{1,0}"), ScanPlans.outerOps(unknown));
    }
}
