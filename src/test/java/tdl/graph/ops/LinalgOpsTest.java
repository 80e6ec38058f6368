package tdl.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tdl.eval.Eager;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/** nlinalg/slinalg ops: values from numpy 2.4 / scipy 1.17, gradients by finite differences. */
class LinalgOpsTest {
    private final TensorOps t = new TensorOps(() -> "test");
    private final ExtraOps e = new ExtraOps(t);
    // A = np.array([[4.,1,2],[1,3,0.5],[2,0.5,5]]); b = np.array([1.,2,3])
    private final NDArray aVal = NDArray.of(new double[] {4, 1, 2, 1, 3, 0.5, 2, 0.5, 5}, 3, 3);
    private final Variable a = t.constant(aVal);
    private final Variable b = t.constant(NDArray.of(new double[] {1, 2, 3}, 3));

    private double[] eval(Variable v) { return Eager.evaluate(v).data(); }

    private Variable solve(SolveOp.Structure s, Variable x, Variable y) { return t.apply(new SolveOp(s), x, y); }

    @Test
    void values() {
        // np.linalg.inv(A)
        assertArrayEquals(new double[] {0.3352272727272727, -0.09090909090909091, -0.125, -0.09090909090909091, 0.36363636363636365, 0.0,
            -0.125, 0.0, 0.25}, eval(t.apply(new MatrixInverseOp(), a)), 1e-14);
        // np.linalg.det(A)
        assertEquals(44.000000000000014, Eager.evaluate(t.apply(new DetOp(), a)).item());
        // np.linalg.det(np.array([[0.,2,1,3],[1,1,0,2],[4,-1,2,0],[2,3,-2,1]])); np.linalg.det([[0., 1], [1, 0]])
        Variable m4 = t.constant(NDArray.of(new double[] {0, 2, 1, 3, 1, 1, 0, 2, 4, -1, 2, 0, 2, 3, -2, 1}, 4, 4));
        assertEquals(43.000000000000014, Eager.evaluate(t.apply(new DetOp(), m4)).item());
        assertEquals(-1.0, Eager.evaluate(t.apply(new DetOp(), t.constant(NDArray.of(new double[] {0, 1, 1, 0}, 2, 2)))).item());
        // np.linalg.solve(A, b)
        assertArrayEquals(new double[] {-0.2215909090909091, 0.6363636363636364, 0.625}, eval(solve(SolveOp.Structure.GENERAL, a, b)), 1e-14);
        // scipy.linalg.solve_triangular(np.tril(A), b, lower=True); solve_triangular(A, b, lower=False) (reads the upper triangle)
        assertArrayEquals(new double[] {0.25, 0.5833333333333334, 0.4416666666666666}, eval(solve(SolveOp.Structure.LOWER_TRIANGULAR, a, b)), 1e-14);
        assertArrayEquals(new double[] {-0.19166666666666665, 0.5666666666666667, 0.6}, eval(solve(SolveOp.Structure.UPPER_TRIANGULAR, a, b)), 1e-14);
        // np.linalg.cholesky(A); scipy.linalg.cholesky(A, lower=False)
        assertArrayEquals(new double[] {2, 0, 0, 0.5, 1.6583123951777, 0, 1, 0, 2}, eval(t.apply(new CholeskyOp(true), a)), 1e-13);
        assertArrayEquals(new double[] {2, 0.5, 1, 0, 1.6583123951777, 0, 0, 0, 2}, eval(t.apply(new CholeskyOp(false), a)), 1e-13);
        // a matrix right-hand side: solve(A, [b, 2b]) column by column
        Variable bb = t.stack(java.util.List.of(b, t.mul(b, 2.0)), 1);
        assertArrayEquals(new double[] {-0.2215909090909091, -0.4431818181818182, 0.6363636363636364, 1.2727272727272727, 0.625, 1.25},
                eval(solve(SolveOp.Structure.GENERAL, a, bb)), 1e-14);
    }

    @Test
    void errors() {
        Variable sing = t.constant(NDArray.of(new double[] {1, 2, 2, 4}, 2, 2));
        assertEquals(ErrorKind.LINALG_ERROR, assertThrows(GraphError.class, () -> eval(t.apply(new MatrixInverseOp(), sing))).kind());
        assertEquals(ErrorKind.LINALG_ERROR, assertThrows(GraphError.class,
                () -> eval(solve(SolveOp.Structure.GENERAL, sing, t.constant(NDArray.of(new double[] {1, 1}, 2))))).kind());
        assertEquals(0.0, Eager.evaluate(t.apply(new DetOp(), sing)).item());
        Variable notPd = t.constant(NDArray.of(new double[] {1, 2, 2, 1}, 2, 2));
        GraphError ch = assertThrows(GraphError.class, () -> eval(t.apply(new CholeskyOp(true), notPd)));
        assertEquals(ErrorKind.LINALG_ERROR, ch.kind());
        assertEquals(ErrorKind.LINALG_ERROR, assertThrows(GraphError.class,
                () -> eval(t.apply(new DetOp(), t.constant(NDArray.of(new double[6], 2, 3))))).kind());
        assertEquals(ErrorKind.TYPE_ERROR, assertThrows(GraphError.class, () -> t.apply(new DetOp(), b)).kind());
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(GraphError.class,
                () -> eval(solve(SolveOp.Structure.GENERAL, a, t.constant(NDArray.of(new double[] {1, 2}, 2))))).kind());
    }

    @Test
    void gradients() {
        NDArray m = NDArray.of(new double[] {2.0, 0.3, -0.4, 0.1, 1.5, 0.2, 0.5, -0.3, 1.8}, 3, 3);
        GradCheck.check(v -> t.apply(new MatrixInverseOp(), v.get(0)), m);
        GradCheck.check(v -> t.apply(new DetOp(), v.get(0)), m);
        for (SolveOp.Structure s : SolveOp.Structure.values()) {
            GradCheck.check(v -> solve(s, v.get(0), v.get(1)), m, NDArray.of(new double[] {1, -2, 0.5}, 3));
            GradCheck.check(v -> solve(s, v.get(0), v.get(1)), m, GradCheck.rand(3, -1, 1, 3, 2));
        }
        // the factor reads one triangle, and the gradient is that triangle's (as scipy reads it)
        GradCheck.check(v -> t.apply(new CholeskyOp(true), v.get(0)), aVal);
        GradCheck.check(v -> t.apply(new CholeskyOp(false), v.get(0)), aVal);
        GradCheck.check(v -> t.apply(new CholeskyOp(true), t.dot(v.get(0), t.transpose(v.get(0)))), m);
        GradCheck.check(v -> e.trace(t.apply(new MatrixInverseOp(), v.get(0))), m);
    }
}
