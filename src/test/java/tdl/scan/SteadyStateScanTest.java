package tdl.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static tdl.function.TestGraphs.T;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.Allocations;
import tdl.function.CompiledFunction;
import tdl.function.FunctionCompiler;
import tdl.vocab.OnUnused;
import tdl.function.Plan;
import tdl.function.TestGraphs;
import tdl.graph.Apply;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;

/**
 * A scan keeps its loop state (sequence rows, tap rings, shared carries, result array) between
 * calls: a plan run shaped like the previous ones allocates nothing, and every call still starts
 * from its own inputs.
 */
class SteadyStateScanTest {
    private static final int STEPS = 5, N = 3;

    /**
     * h_t = tanh(h_{t-1} w + x_t); y_t = y_{t-2} + y_{t-1} / 2 (two stacked initial states);
     * shared carries swapped and summed, (c1, c2) = (c2, c1 + h_t), so one new carry is the body's
     * own input.
     */
    private final Variable xs = TestGraphs.matrix("xs"), h0 = TestGraphs.vector("h0");
    private final Variable y0 = TestGraphs.matrix("y0"), w = TestGraphs.vector("w");
    private final Random rng = new Random(9);
    private final SharedVariable c1 = new SharedVariable(TestGraphs.random(rng, N), "c1");
    private final SharedVariable c2 = new SharedVariable(TestGraphs.random(rng, N), "c2");

    private CompiledFunction compile() {
        Variable x = TestGraphs.vector("x"), h = TestGraphs.vector("h");
        Variable yy = TestGraphs.vector("y_2"), y = TestGraphs.vector("y_1");
        Variable hNext = T.tanh(T.add(T.mul(h, w), x));
        ScanOp op = new ScanOp(List.of(x, h, yy, y, c1, c2, w),
                List.of(hNext, T.add(yy, T.mul(y, 0.5)), c2, T.add(c1, hNext)),
                1, List.of(List.of(-1), List.of(-2, -1)), 2, false, "loop", List.of(false, false));
        Apply scan = Apply.make(op, List.of(T.constant((long) STEPS), xs, h0, y0, c1, c2, w), null);
        return FunctionCompiler.compile(List.of(xs, h0, y0, w), List.of(scan.outputs().get(0), scan.outputs().get(1)),
                List.of(Map.entry(c1, scan.outputs().get(2)), Map.entry(c2, scan.outputs().get(3))),
                Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE).withName("loop"));
    }

    @Test
    void aRepeatedScanAllocatesNothingAndStartsFromItsInputsEveryCall() {
        CompiledFunction f = compile();
        NDArray[] args = {TestGraphs.random(rng, STEPS, N), TestGraphs.random(rng, N), TestGraphs.random(rng, 2, N),
            TestGraphs.random(rng, N)};
        for (int call = 0; call < 3; call++) {
            NDArray[] want = reference(args, c1.value().data(), c2.value().data());
            List<NDArray> got = f.call(List.of(args));
            assertArrayEquals(want[0].data(), got.get(0).data(), 1e-15, "h, call " + call);
            assertArrayEquals(want[1].data(), got.get(1).data(), 1e-15, "y, call " + call);
            assertArrayEquals(want[2].data(), c1.value().data(), 1e-15, "c1, call " + call);
            assertArrayEquals(want[3].data(), c2.value().data(), 1e-15, "c2, call " + call);
        }
        Plan plan = f.plan();
        assertEquals(0, Allocations.steadyState(() -> plan.run(args)), "a scan run shaped like the last allocated");
    }

    /** The loop in plain Java: h and y stacked over the steps, then the final carries. */
    private static NDArray[] reference(NDArray[] args, double[] c1In, double[] c2In) {
        double[] x = args[0].data(), h = args[1].data().clone(), w = args[3].data();
        double[] yy = java.util.Arrays.copyOfRange(args[2].data(), 0, N), y = java.util.Arrays.copyOfRange(args[2].data(), N, 2 * N);
        double[] c1 = c1In.clone(), c2 = c2In.clone();
        double[] hs = new double[STEPS * N], ys = new double[STEPS * N];
        for (int s = 0; s < STEPS; s++) {
            double[] yNext = new double[N], c2Next = new double[N];
            for (int i = 0; i < N; i++) {
                h[i] = Math.tanh(h[i] * w[i] + x[s * N + i]);
                yNext[i] = yy[i] + y[i] * 0.5;
                c2Next[i] = c1[i] + h[i];
            }
            System.arraycopy(h, 0, hs, s * N, N);
            System.arraycopy(yNext, 0, ys, s * N, N);
            yy = y;
            y = yNext;
            c1 = c2;
            c2 = c2Next;
        }
        return new NDArray[] {NDArray.of(hs, STEPS, N), NDArray.of(ys, STEPS, N), NDArray.of(c1, N), NDArray.of(c2, N)};
    }
}
