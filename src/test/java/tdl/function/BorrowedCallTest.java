package tdl.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static tdl.function.TestGraphs.T;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tdl.vocab.OnUnused;
import tdl.grad.Grad;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;

/** callBorrowed: the same numbers and updates as call, without copying outputs or allocating. */
class BorrowedCallTest {
    private record Neuron(CompiledFunction train, SharedVariable w, SharedVariable b) {}

    /** The one-neuron fit of scripts/lab4/one_layer.tdl. */
    private static Neuron neuron() {
        return neuron(false);
    }

    private static Neuron neuron(boolean profiled) {
        Variable p = TestGraphs.matrix("p"), t = TestGraphs.matrix("t");
        SharedVariable w = new SharedVariable(NDArray.of(new double[] {0.5}, 1), "w");
        SharedVariable b = new SharedVariable(NDArray.scalar(0.0), "b");
        Variable perf = T.sum(T.sqr(T.sub(t, T.add(T.mul(w, p), b))), null, false);
        List<Variable> g = Grad.grad(perf, List.of(w, b), Set.of(), OnUnused.RAISE, null);
        CompiledFunction f = FunctionCompiler.compile(List.of(p, t), List.of(perf),
                List.of(Map.entry(w, T.sub(w, T.mul(g.get(0), 0.01))), Map.entry(b, T.sub(b, T.mul(g.get(1), 0.01)))),
                Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE).withName("train").withProfile(profiled));
        return new Neuron(f, w, b);
    }

    private static final NDArray P = NDArray.of(new double[] {1, 2, 3, 4}, 4, 1);
    private static final NDArray TARGET = NDArray.of(new double[] {3, 5, 7, 9}, 4, 1);

    @Test
    void borrowedCallsTrainExactlyLikeCopyingCalls() {
        Neuron a = neuron(), c = neuron();
        for (int i = 0; i < 50; i++) {
            double copied = a.train().call(List.of(P, TARGET)).get(0).item();
            NDArray[] out = c.train().callBorrowed(P, TARGET);
            assertEquals(copied, out[0].item(), 0.0, "call " + i);
        }
        assertArrayEquals(a.w().value().data(), c.w().value().data(), 0.0);
        assertArrayEquals(a.b().value().data(), c.b().value().data(), 0.0);
    }

    @Test
    void borrowedOutputsAreTheFunctionsOwnBuffersCopiesAreNot() {
        Neuron n = neuron();
        NDArray first = n.train().callBorrowed(P, TARGET)[0];
        assertSame(first, n.train().callBorrowed(P, TARGET)[0], "a same-shaped call reuses the output buffer");
        NDArray copy = n.train().call(List.of(P, TARGET)).get(0);
        assertNotSame(copy, n.train().callBorrowed(P, TARGET)[0]);
    }

    @Test
    void aSteadyStateBorrowedCallAllocatesNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        Neuron n = neuron();
        NDArray[] args = {P, TARGET};
        for (int i = 0; i < 3; i++) n.train().callBorrowed(args);
        // the least of five windows: a JIT event inside a window (a deoptimisation re-creating
        // objects it had optimised away) may allocate once, a call that allocates shows in every window
        long least = Long.MAX_VALUE;
        for (int window = 0; window < 5; window++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 100; i++) n.train().callBorrowed(args);
            least = Math.min(least, threads.getThreadAllocatedBytes(id) - before);
        }
        assertEquals(0, least, "bytes allocated by 100 calls, in the best of five windows");
    }

    @Test
    void aProfiledSteadyStateCallAllocatesNothingEither() {
        // tdl bench --profile prints allocation figures beside the profile: the profiler must not
        // be what they count (it built a key string per step per call)
        CompiledFunction train = neuron(true).train();
        NDArray[] args = {P, TARGET};
        long bytes = tdl.Allocations.steadyState(() -> { for (int i = 0; i < 100; i++) train.callBorrowed(args); });
        assertEquals(0, bytes, "bytes allocated by 100 profiled calls, in the best of five windows");
        assertEquals(train.profile().calls(), train.profile().byOp().get("Sum{all}").runs(), "every call timed its sum");
    }
}
