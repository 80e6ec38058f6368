package tdl.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tdl.function.TestGraphs.T;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.function.CompiledFunction;
import tdl.function.FunctionCompiler;
import tdl.vocab.OnUnused;
import tdl.function.Plan;
import tdl.function.TestGraphs;
import tdl.graph.Apply;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.graph.ops.Index;
import tdl.rewrite.MemoryPhase;
import tdl.rewrite.Pipeline;
import tdl.rewrite.RewriteLog;

/**
 * The sampling loop of the RBM tutorial keeps only what it needs: when a scan output is read only
 * at [-1] the plan holds one step of it, not n_steps copies; when the history is read, all of it.
 */
class ScanMemoryTest {
    private static final int STEPS = 1000;

    /** h_t = sigmoid(h_{t-1} W) over STEPS steps from h0 (20, 30). */
    private static Apply gibbsLikeScan(Variable h0, SharedVariable w) {
        Variable h = TestGraphs.matrix("h");
        Variable body = T.sigmoid(T.dot(h, w));
        ScanOp op = new ScanOp(List.of(h, w), List.of(body), 0, List.of(List.of(-1)), 0, false, "sample", List.of(false));
        return Apply.make(op, List.of(T.constant((long) STEPS), h0, w), null);
    }

    private static NDArray[] buffersOf(CompiledFunction f) {
        for (Plan.Step s : f.plan().steps()) if (s.kernel() instanceof ScanKernel k) return k.stackedBuffers();
        throw new AssertionError("no scan step in the plan");
    }

    @Test
    void onlyTheLastStepIsKeptWhenOnlyMinusOneIsRead() {
        Random rng = new Random(1);
        SharedVariable w = new SharedVariable(TestGraphs.random(rng, 30, 30), "W");
        Variable h0 = TestGraphs.matrix("h0");
        Apply scan = gibbsLikeScan(h0, w);
        Variable last = T.subtensor(scan.output(), List.of(new Index.Scalar(T.constant(-1L))));
        NDArray start = TestGraphs.random(rng, 20, 30);

        CompiledFunction lastOnly = FunctionCompiler.compile(List.of(h0), List.of(last), List.of(), Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE).withName("f"));
        NDArray a = lastOnly.call(List.of(start)).get(0);
        NDArray[] kept = buffersOf(lastOnly);
        assertArrayEquals(new int[] {1, 20, 30}, kept[0].shape(), "one step of history, not " + STEPS);

        // reading the whole history keeps every step, and the last step agrees
        CompiledFunction full = FunctionCompiler.compile(List.of(h0), List.of(scan.output(), last), List.of(), Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE).withName("g"));
        List<NDArray> r = full.call(List.of(start));
        assertArrayEquals(new int[] {STEPS, 20, 30}, buffersOf(full)[0].shape());
        assertArrayEquals(r.get(1).data(), a.data(), 0.0);
        double[] lastRow = java.util.Arrays.copyOfRange(r.get(0).data(), (STEPS - 1) * 600, STEPS * 600);
        assertArrayEquals(lastRow, a.data(), 0.0);

        // with the memory phase switched off, the history is kept
        FunctionCompiler.Options keepAll = FunctionCompiler.Options.defaults().withPipeline(Pipeline.standard().without("memory"));
        CompiledFunction unchanged = FunctionCompiler.compile(List.of(h0), List.of(last), List.of(), Map.of(), keepAll);
        assertArrayEquals(a.data(), unchanged.call(List.of(start)).get(0).data(), 0.0);
        assertArrayEquals(new int[] {STEPS, 20, 30}, buffersOf(unchanged)[0].shape());
    }

    @Test
    void theMemoryPhaseGivesTheNodeALeanerOpAndLeavesTheGraphItWasGiven() {
        Variable h0 = TestGraphs.matrix("h0");
        Apply scan = gibbsLikeScan(h0, new SharedVariable(TestGraphs.random(new Random(4), 30, 30), "W"));
        Variable last = T.subtensor(scan.output(), List.of(new Index.Scalar(T.constant(-1L))));
        RewriteLog log = new RewriteLog();
        Variable after = new MemoryPhase().run(List.of(last), log).get(0);
        assertEquals(List.of(true), ((ScanOp) after.owner().inputs().get(0).owner().op()).lastOnly());
        assertEquals(List.of(false), ((ScanOp) scan.op()).lastOnly(), "the user's graph is untouched");
        assertEquals(1, log.count(MemoryPhase.RULE));
        // a result keeps its history: nothing to trim
        assertEquals(List.of(scan.output()), new MemoryPhase().run(List.of(scan.output()), new RewriteLog()));
    }

    @Test
    void anUpdateReadingMinusOneAlsoKeepsOneStep() {
        Random rng = new Random(2);
        SharedVariable w = new SharedVariable(TestGraphs.random(rng, 30, 30), "W");
        SharedVariable chain = new SharedVariable(TestGraphs.random(rng, 20, 30), "persistent");
        Apply scan = gibbsLikeScan(chain, w);
        Variable last = T.subtensor(scan.output(), List.of(new Index.Scalar(T.constant(-1L))));
        CompiledFunction f = FunctionCompiler.compile(List.of(), List.of(T.sum(last)),
                List.of(Map.entry(chain, last)), Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE).withName("sample_fn"));
        f.call(List.of());
        assertEquals(1, buffersOf(f)[0].dim(0));
        long allocations = f.plan().allocations();
        f.call(List.of());
        assertEquals(allocations, f.plan().allocations(), "a second call reuses the plan's buffers");
    }

    @Test
    void anOutputNobodyReadsIsNotComputedAndTheReadOneIsUnchanged() {
        Random rng = new Random(3);
        SharedVariable w = new SharedVariable(TestGraphs.random(rng, 30, 30), "W");
        Variable h0 = TestGraphs.matrix("h0");
        // two outputs per step, as gibbs_vhv returns pre-sigmoid values nobody reads
        Variable h = TestGraphs.matrix("h");
        Variable pre = T.dot(h, w);
        ScanOp op = new ScanOp(List.of(h, w), List.of(T.sigmoid(pre), T.mul(pre, 2.0)), 0,
                List.of(List.of(-1), List.of()), 0, false, "sample", List.of(false, false));
        Apply scan = Apply.make(op, List.of(T.constant((long) STEPS), h0, w), null);
        Variable last = T.subtensor(scan.outputs().get(0), List.of(new Index.Scalar(T.constant(-1L))));
        NDArray start = TestGraphs.random(rng, 20, 30);
        CompiledFunction f = FunctionCompiler.compile(List.of(h0), List.of(last), List.of(), Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE).withName("f"));
        NDArray got = f.call(List.of(start)).get(0);
        assertEquals(1, buffersOf(f).length, "the unread output is dropped: one output buffer");
        assertFalse(ScanPlans.bodyOps(f).contains("Elemwise{mul}"), "the body no longer computes the unread output: " + ScanPlans.bodyOps(f));
        CompiledFunction all = FunctionCompiler.compile(List.of(h0), List.of(last, scan.outputs().get(1)), List.of(), Map.of(),
                FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE).withName("g"));
        List<NDArray> r = all.call(List.of(start));
        assertArrayEquals(new int[] {STEPS, 20, 30}, r.get(1).shape(), "a returned output keeps its history");
        assertArrayEquals(r.get(0).data(), got.data(), 0.0);
    }

    @Test
    void droppingTheUnreadPreActivationLetsTheBodyFuseItIntoItsSigmoid() {
        // gibbs-like: pre = h W + b is an output (nobody reads it) and the sigmoid's input
        Random rng = new Random(5);
        SharedVariable w = new SharedVariable(TestGraphs.random(rng, 30, 30), "W");
        SharedVariable b = new SharedVariable(TestGraphs.random(rng, 30), "b");
        Variable h0 = TestGraphs.matrix("h0");
        Variable h = TestGraphs.matrix("h");
        Variable pre = T.add(T.dot(h, w), b);
        ScanOp op = new ScanOp(List.of(h, w, b), List.of(pre, T.sigmoid(pre)), 0,
                List.of(List.of(), List.of(-1)), 0, false, "gibbs", List.of(false, false));
        Apply scan = Apply.make(op, List.of(T.constant(50L), h0, w, b), null);
        Variable last = T.subtensor(scan.outputs().get(1), List.of(new Index.Scalar(T.constant(-1L))));
        NDArray start = TestGraphs.random(rng, 20, 30);
        CompiledFunction lean = FunctionCompiler.compile(List.of(h0), List.of(last), List.of(), Map.of(), FunctionCompiler.Options.defaults().withName("f"));
        String ops = ScanPlans.bodyOps(lean);
        assertFalse(ops.contains("Elemwise{add}") || ops.contains("Elemwise{sigmoid}"), "add and sigmoid fused: " + ops);
        // the same numbers as the loop that keeps every output (memory phase off)
        CompiledFunction kept = FunctionCompiler.compile(List.of(h0), List.of(last), List.of(), Map.of(),
                FunctionCompiler.Options.defaults().withPipeline(Pipeline.standard().without("memory")).withName("g"));
        assertTrue(ScanPlans.bodyOps(kept).contains("Elemwise{sigmoid}"), "without the memory phase the pre-activation stays an output: " + ScanPlans.bodyOps(kept));
        assertArrayEquals(kept.call(List.of(start)).get(0).data(), lean.call(List.of(start)).get(0).data(), 0.0);
    }
}
