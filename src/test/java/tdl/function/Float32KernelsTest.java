package tdl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tdl.function.TestGraphs.T;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.eval.Float32Native;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.DotOp;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.FusedElemwiseOp;
import tdl.graph.ops.ReduceOp;
import tdl.vocab.OnUnused;

/**
 * A float32 graph runs on the float32 kernels (no widened detour for products, elementwise and
 * fused loops, sums), and its results agree with the same graph in float64 on the same inputs
 * within float32 rounding, scaled by the length of the reductions.
 */
class Float32KernelsTest {
    private static Variable var(DType d, int rank, String name) { return new Variable(new TensorType(d, rank), name); }

    /** The RBM's hidden layer and free energy and a gradient-like product, in the given dtype. */
    private static CompiledFunction compile(DType d) {
        Variable v = var(d, 2, "v"), w = var(d, 2, "W"), hb = var(d, 1, "hbias"), vb = var(d, 1, "vbias");
        Variable pre = T.add(T.dot(v, w), hb);
        Variable h = T.sigmoid(pre);
        Variable free = T.sub(T.neg(T.sum(T.softplus(pre), new int[] {1}, false)), T.dot(v, vb));
        Variable grad = T.dot(T.transpose(v), h);        // Dot{TN}
        Variable back = T.sigmoid(T.add(T.dot(h, T.transpose(w)), vb)); // Dot{NT}
        Variable tail = T.tanh(T.mul(T.exp(T.neg(T.sqr(h))), 2.0));
        return FunctionCompiler.compile(List.of(v, w, hb, vb), List.of(h, free, grad, back, tail, T.sum(h, null, false)),
                List.of(), Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE));
    }

    @Test
    void float32NodesRunOnFloat32KernelsAndAgreeWithFloat64() {
        Random rng = new Random(3);
        NDArray v = TestGraphs.random(rng, 20, 784), w = TestGraphs.random(rng, 784, 500).astype(DType.FLOAT64);
        NDArray hb = TestGraphs.random(rng, 500), vb = TestGraphs.random(rng, 784);
        // the float32 inputs, and float64 ones holding exactly the same (float) values
        List<NDArray> in32 = new ArrayList<>(), in64 = new ArrayList<>();
        for (NDArray a : List.of(v, w, hb, vb)) {
            NDArray f = a.astype(DType.FLOAT32);
            in32.add(f);
            in64.add(f.astype(DType.FLOAT64));
        }
        CompiledFunction f32 = compile(DType.FLOAT32), f64 = compile(DType.FLOAT64);
        int native32 = 0;
        for (Plan.Step s : f32.plan().steps()) {
            var op = s.node().op();
            boolean served = op instanceof DotOp || op instanceof FusedElemwiseOp || op instanceof ElemwiseOp
                    || op instanceof ReduceOp;
            if (served && s.node().output().dtype() == DType.FLOAT32) {
                assertTrue(s.kernel() instanceof Float32Native, op.name() + " runs widened: " + s.kernel().getClass().getSimpleName());
                native32++;
            }
        }
        assertTrue(native32 >= 6, "float32 steps: " + native32);
        List<NDArray> got = f32.call(in32), want = f64.call(in64);
        // every output goes through the 784-long product (the gradient-like one through h): float32
        // rounding there sets the tolerance, 1e-5 relative per 100 terms (the observed errors are 2x to 20x smaller)
        double rel = 1e-5 * 784 / 100;
        for (int o = 0; o < got.size(); o++) {
            NDArray g = got.get(o), x = want.get(o);
            assertEquals(DType.FLOAT32, g.dtype(), "output " + o);
            double scale = 0;
            for (int i = 0; i < x.size(); i++) scale = Math.max(scale, Math.abs(x.get(i)));
            double tol = rel * Math.max(scale, 1), worst = 0;
            for (int i = 0; i < g.size(); i++) {
                assertTrue(Math.abs(g.get(i) - x.get(i)) <= tol, "output " + o + " element " + i + ": " + g.get(i) + " vs " + x.get(i));
                worst = Math.max(worst, Math.abs(g.get(i) - x.get(i)));
            }
            System.out.printf("float32 vs float64, output %d: max abs error %.2e, scale %.3g%n", o, worst, scale);
        }
    }
}
