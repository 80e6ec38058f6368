package tdl.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tdl.function.FunctionCompiler;
import tdl.vocab.OnUnused;
import tdl.function.VerifyGrad;
import tdl.vocab.OnUnused;
import tdl.grad.Grad;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.TensorOps;
import tdl.vocab.ErrorKind;

/** theano.gradient.jacobian and hessian: a scan over the rows, as Theano builds them. */
class JacobiansTest {
    private final TensorOps t = new TensorOps(() -> "grad.tdl:3");

    private static Variable var(String name, int rank) { return new Variable(new TensorType(DType.FLOAT64, rank), name); }

    private static List<NDArray> run(List<Variable> inputs, List<Variable> outputs, NDArray... args) {
        return FunctionCompiler.compile(inputs, outputs, List.of(), Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE).withName("g")).call(List.of(args));
    }

    @Test
    void jacobianOfSquareIsDiagonal() {
        Variable x = var("x", 1);
        Variable j = Jacobians.jacobian(t.sqr(x), List.of(x), OnUnused.RAISE, null).get(0);
        assertEquals(2, j.rank());
        NDArray got = run(List.of(x), List.of(j), NDArray.of(new double[] {1, 2, 3}, 3)).get(0);
        assertArrayEquals(new int[] {3, 3}, got.shape());
        assertArrayEquals(new double[] {2, 0, 0, 0, 4, 0, 0, 0, 6}, got.data(), 1e-12);
        // the row count follows the run-time length
        NDArray two = run(List.of(x), List.of(j), NDArray.of(new double[] {5, 7}, 2)).get(0);
        assertArrayEquals(new double[] {10, 0, 0, 14}, two.data(), 1e-12);
    }

    @Test
    void hessianOfCubicSum() {
        Variable x = var("x", 1), a = var("a", 1);
        // cost = sum(a * x^3): H = diag(6 a x)
        Variable cost = t.sum(t.mul(a, t.mul(x, t.sqr(x))));
        Variable h = Jacobians.hessian(cost, List.of(x), OnUnused.RAISE, null).get(0);
        NDArray got = run(List.of(x, a), List.of(h), NDArray.of(new double[] {1, 2}, 2), NDArray.of(new double[] {1, 10}, 2)).get(0);
        assertArrayEquals(new double[] {6, 0, 0, 120}, got.data(), 1e-9);
    }

    @Test
    void jacobianOfASharedParameterNeedsNoInputs() {
        SharedVariable w = new SharedVariable(NDArray.of(new double[] {1, 2}, 2), "w");
        Variable j = Jacobians.jacobian(t.exp(w), List.of(w), OnUnused.RAISE, null).get(0);
        NDArray got = run(List.of(), List.of(j)).get(0);
        assertArrayEquals(new double[] {Math.E, 0, 0, Math.exp(2)}, got.data(), 1e-12);
        w.setValue(NDArray.of(new double[] {0, 0, 0}, 3));
        assertArrayEquals(new int[] {3, 3}, run(List.of(), List.of(j)).get(0).shape());
    }

    @Test
    void jacobianNeedsAVector() {
        Variable m = var("m", 2);
        GraphError e = assertThrows(GraphError.class, () -> Jacobians.jacobian(m, List.of(m), OnUnused.RAISE, null));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("rank-2"), e.getMessage());
    }

    @Test
    void severalParametersShareOneLoop() {
        Variable x = var("x", 1), s = var("s", 0);
        // y = s * x^2: dy/dx = diag(2 s x), dy/ds = x^2
        List<Variable> js = Jacobians.jacobian(t.mul(s, t.sqr(x)), List.of(x, s), OnUnused.RAISE, null);
        assertEquals(js.get(0).owner(), js.get(1).owner(), "one scan computes both");
        List<NDArray> got = run(List.of(x, s), js, NDArray.of(new double[] {1, 3}, 2), NDArray.scalar(2.0));
        assertArrayEquals(new double[] {4, 0, 0, 12}, got.get(0).data(), 1e-12);
        assertArrayEquals(new int[] {2}, got.get(1).shape());
        assertArrayEquals(new double[] {1, 9}, got.get(1).data(), 1e-12);
    }

    @Test
    void aJacobianCanBeDifferentiatedAgain() {
        // grad through the jacobian's scan: sum(jacobian(x^3 * w)) over w (a vector of weights);
        // checked against central finite differences
        VerifyGrad.Result r = VerifyGrad.verify(in -> {
            Variable x = in.get(0);
            Variable j = Jacobians.jacobian(t.mul(t.mul(x, t.sqr(x)), in.get(1)), List.of(x), OnUnused.RAISE, null).get(0);
            return t.sum(t.mul(j, j));
        }, List.of(NDArray.of(new double[] {0.5, -1.2, 2.0}, 3), NDArray.of(new double[] {1.5, 0.3, -0.7}, 3)), 7, 1e-6, 1e-6);
        assertTrue(r.maxRelError() < 1e-6, r.toString());
        // the same value in closed form: J = diag(3 x^2 w), so d/dx sum(J^2) = 36 x^3 w^2
        Variable x = var("x", 1), w = var("w", 1);
        Variable j = Jacobians.jacobian(t.mul(t.mul(x, t.sqr(x)), w), List.of(x), OnUnused.RAISE, null).get(0);
        Variable g = Grad.grad(t.sum(t.mul(j, j)), List.of(x), null, OnUnused.RAISE, null).get(0);
        NDArray got = run(List.of(x, w), List.of(g), NDArray.of(new double[] {0.5, -1.2}, 2), NDArray.of(new double[] {1.5, 0.3}, 2)).get(0);
        assertArrayEquals(new double[] {36 * 0.125 * 2.25, 36 * -1.728 * 0.09}, got.data(), 1e-9);
    }
}
