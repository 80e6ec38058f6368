package tdl.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tdl.function.TestGraphs.T;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.eval.Float32Native;
import tdl.function.CompiledFunction;
import tdl.function.FunctionCompiler;
import tdl.function.Plan;
import tdl.function.TestGraphs;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.DotOp;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.FusedElemwiseOp;
import tdl.graph.ops.RandomOp;
import tdl.graph.ops.ReduceOp;
import tdl.vocab.OnUnused;

/**
 * A float32 scan body (the RBM's Gibbs step: product, sigmoid, Bernoulli draw) compiles to the
 * float32 kernels: its buffers stay float[] from step to step, with no widened detour.
 */
class ScanFloat32Test {
    @Test
    void theBodyOfAFloat32ScanRunsOnFloat32Kernels() {
        Random rng = new Random(4);
        SharedVariable w = new SharedVariable(TestGraphs.random(rng, 30, 30).astype(DType.FLOAT32), "W");
        Variable h = new Variable(new TensorType(DType.FLOAT32, 2), "h");
        Variable mean = T.sigmoid(T.add(T.dot(h, w), T.constant(NDArray.scalar(DType.FLOAT32, 0.5))));
        Variable drawn = Apply.make(new RandomOp(RandomOp.Kind.BINOMIAL, DType.FLOAT32, 2, new tdl.graph.ops.RandomCounter(7L, 0)),
                List.of(T.shape(mean), T.constant(1L), mean), null).output();
        ScanOp op = new ScanOp(List.of(h, w), List.of(drawn), 0, List.of(List.of(-1)), 0, false, "gibbs", List.of(false));
        Variable h0 = new Variable(new TensorType(DType.FLOAT32, 2), "h0");
        Apply scan = Apply.make(op, List.of(T.constant(50L), h0, w), null);
        CompiledFunction f = FunctionCompiler.compile(List.of(h0), List.of(scan.output()), List.of(), Map.of(),
                FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE).withName("gibbs"));
        NDArray out = f.call(List.of(TestGraphs.random(rng, 20, 30).astype(DType.FLOAT32))).get(0);
        assertEquals(DType.FLOAT32, out.dtype());
        assertTrue(out.isFloats(), "the scan output stores floats");
        ScanKernel k = null;
        for (Plan.Step s : f.plan().steps()) if (s.kernel() instanceof ScanKernel sk) k = sk;
        assertTrue(k != null, "a scan step");
        int served = 0;
        for (Plan.Step s : ((Plan) k.body()).steps()) {
            var o = s.node().op();
            if (o instanceof DotOp || o instanceof ElemwiseOp || o instanceof FusedElemwiseOp || o instanceof ReduceOp || o instanceof RandomOp) {
                assertTrue(s.kernel() instanceof Float32Native, o.name() + " in the scan body runs widened");
                served++;
            }
        }
        assertTrue(served >= 3, "product, sigmoid and draw in the body: " + served);
        for (int i = 0; i < out.size(); i++) assertTrue(out.get(i) == 0 || out.get(i) == 1);
    }
}
