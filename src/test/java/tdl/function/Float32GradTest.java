package tdl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tdl.function.TestGraphs.T;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tdl.grad.Grad;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.vocab.OnUnused;

/**
 * Gradient checks with float32 inputs, with Theano's float32 settings for verify_grad (eps 3e-4,
 * tolerance 1e-2): the gradient graph stays float32 and agrees with finite differences.
 */
class Float32GradTest {
    private static final double EPS = 3e-4;
    private static final double TOL = 1e-2;

    private static void check(Function<List<Variable>, Variable> f, NDArray... points) {
        VerifyGrad.Result r = VerifyGrad.verify(f, List.of(points), 7, EPS, TOL, DType.FLOAT32);
        assertTrue(r.maxRelError() < TOL || r.maxAbsError() < TOL, r.toString());
    }

    private static NDArray random(long seed, int... shape) {
        return TestGraphs.random(new Random(seed), shape).astype(DType.FLOAT32);
    }

    @Test
    void elementwiseFunctions() {
        check(in -> T.tanh(in.get(0)), random(1, 3, 4));
        check(in -> T.sigmoid(in.get(0)), random(2, 5));
        check(in -> T.mul(T.exp(in.get(0)), in.get(1)), random(3, 4), random(4, 4));
        check(in -> T.softplus(in.get(0)), random(5, 2, 3));
        check(in -> T.log(T.add(T.sqr(in.get(0)), 1.0)), random(6, 6));
    }

    @Test
    void productsAndReductions() {
        check(in -> T.sigmoid(T.dot(in.get(0), in.get(1))), random(7, 3, 4), random(8, 4, 2));
        check(in -> T.mean(T.sqr(in.get(0)), null, false), random(9, 4, 3));
        check(in -> T.trueDiv(in.get(0), T.add(T.abs(in.get(1)), 1.0)), random(10, 3), random(11, 3));
    }

    @Test
    void theGradientGraphOfAFloat32CostIsFloat32() {
        Variable x = new Variable(new TensorType(DType.FLOAT32, 2), "x");
        Variable w = new Variable(new TensorType(DType.FLOAT32, 2), "w");
        // a float64 constant joins the graph: the cost is float64, yet x's gradient is float32 (Theano)
        Variable cost = T.sum(T.mul(T.sigmoid(T.dot(x, w)), T.constant(new NDArray(DType.FLOAT64, new int[] {2, 2},
                new double[] {0.1, 0.2, 0.3, 0.4}))), null, false);
        assertEquals(DType.FLOAT64, cost.dtype());
        List<Variable> g = Grad.grad(cost, List.of(x, w), Set.of(), OnUnused.IGNORE, null);
        assertEquals(DType.FLOAT32, g.get(0).dtype());
        assertEquals(DType.FLOAT32, g.get(1).dtype());
    }
}
