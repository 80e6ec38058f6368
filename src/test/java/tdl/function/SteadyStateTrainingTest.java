package tdl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tdl.function.TestGraphs.T;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tdl.Allocations;
import tdl.vocab.OnUnused;
import tdl.grad.Grad;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.Index;

/**
 * A minibatch training step as the labs write it (an index picks rows of shared data, gradients
 * bring sum_to_shape, dimshuffle, alloc and fused kernels), with no Vector API kernel in it: once
 * warm, running its plan allocates nothing.
 */
class SteadyStateTrainingTest {
    @Test
    void aMinibatchStepAllocatesNothingOnceWarm() {
        Random rng = new Random(3);
        int batch = 20;
        SharedVariable data = new SharedVariable(TestGraphs.random(rng, 1000, 5), "data");
        SharedVariable target = new SharedVariable(TestGraphs.random(rng, 1000), "target");
        SharedVariable w = new SharedVariable(TestGraphs.random(rng, 5), "w");
        SharedVariable b = new SharedVariable(NDArray.scalar(0.0), "b");
        Variable index = new Variable(new TensorType(DType.INT64, 0), "index");
        Variable lo = T.mul(index, T.constant((long) batch)), hi = T.mul(T.add(index, T.constant(1L)), T.constant((long) batch));
        Variable x = T.subtensor(data, List.of(new Index.Range(lo, hi, null)));
        Variable y = T.subtensor(target, List.of(new Index.Range(lo, hi, null)));
        // a row of weights times each row, summed per row: broadcasting, a reduction, a column
        Variable pred = T.tanh(T.add(T.sum(T.mul(x, w), new int[] {1}, false), b));
        Variable cost = T.mean(T.sqr(T.sub(pred, y)), null, false);
        List<Variable> g = Grad.grad(cost, List.of(w, b), Set.of(), OnUnused.RAISE, null);
        CompiledFunction step = FunctionCompiler.compile(List.of(index), List.of(cost),
                List.of(Map.entry(w, T.sub(w, T.mul(g.get(0), 0.1))), Map.entry(b, T.sub(b, T.mul(g.get(1), 0.1)))),
                Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE).withName("train"));

        NDArray i = NDArray.scalar(DType.INT64, 7);
        double first = step.call(List.of(i)).get(0).item();
        for (int it = 0; it < 20; it++) step.call(List.of(i));
        assertTrue(step.call(List.of(i)).get(0).item() < first, "the step trains");
        Plan plan = step.plan();
        NDArray[] args = {i};
        // "warm" means compiled: run alone, 22 calls leave the plan's loops in the interpreter,
        // whose temporaries C2 later removes (14,192 bytes a step), so warm until the JIT has done
        // its work or a deadline passes, as SteadyStateVectorTest does
        long bytes = Allocations.steadyState(() -> plan.run(args));
        for (long end = System.nanoTime() + 30_000_000_000L; bytes > 0 && System.nanoTime() < end; ) {
            for (int it = 0; it < 2000; it++) plan.run(args);
            bytes = Allocations.steadyState(() -> plan.run(args));
        }
        assertEquals(0, bytes, "a warm training step allocated");
    }
}
