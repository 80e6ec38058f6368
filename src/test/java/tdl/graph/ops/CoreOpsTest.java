package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.eval.Eager;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/** Smoke tests of the facade's core: elementwise with broadcasting, dot, reductions, Eager. */
class CoreOpsTest {
    private final TensorOps t = new TensorOps(() -> "line 1");

    private Variable c(double[] d, int... shape) { return t.constant(NDArray.of(d, shape)); }

    @Test
    void addBroadcastsRowOverMatrix() {
        Variable m = c(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Variable r = c(new double[] {10, 20, 30}, 3);
        NDArray out = Eager.evaluate(t.add(m, r));
        assertArrayEquals(new int[] {2, 3}, out.shape());
        assertArrayEquals(new double[] {11, 22, 33, 14, 25, 36}, out.data());
    }

    @Test
    void dotMatrixMatrixAndMatrixVector() {
        Variable a = c(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Variable b = c(new double[] {1, 0, 0, 1, 1, 1}, 3, 2);
        assertArrayEquals(new double[] {4, 5, 10, 11}, Eager.evaluate(t.dot(a, b)).data());
        Variable v = c(new double[] {1, 1, 1}, 3);
        assertArrayEquals(new double[] {6, 15}, Eager.evaluate(t.dot(a, v)).data());
    }

    @Test
    void sumOverAxisAndAll() {
        Variable m = c(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new double[] {5, 7, 9}, Eager.evaluate(t.sum(m, new int[] {0}, false)).data());
        assertArrayEquals(new double[] {6, 15}, Eager.evaluate(t.sum(m, new int[] {-1}, false)).data());
        assertEquals(21, Eager.evaluate(t.sum(m)).item());
    }

    @Test
    void dotWithARank5ResultIsValueError() {
        // numpy's dot of a rank-4 and a rank-3 operand has rank 5; TDL tensors stop at 4
        Variable x = new Variable(new TensorType(DType.FLOAT64, 4), "x");
        Variable y = new Variable(new TensorType(DType.FLOAT64, 3), "y");
        GraphError e = assertThrows(GraphError.class, () -> t.dot(x, y));
        assertEquals(ErrorKind.VALUE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("dot would give a result of rank 5"), e.getMessage());
    }

    @Test
    void gradOfMatrixTimesRowSumsBack() {
        GradCheck.check(xs -> t.tanh(t.mul(t.add(xs.get(0), xs.get(1)), xs.get(1))),
                GradCheck.rand(1, -1, 1, 2, 3), GradCheck.rand(2, -1, 1, 3));
    }

    @Test
    void gradOfDot() {
        GradCheck.check(xs -> t.dot(xs.get(0), xs.get(1)), GradCheck.rand(1, -1, 1, 2, 3), GradCheck.rand(2, -1, 1, 3, 4));
    }

    @Test
    void inputWithoutValueIsMissingInputError() {
        Variable x = new Variable(new TensorType(DType.FLOAT64, 1), "x");
        GraphError e = assertThrows(GraphError.class, () -> Eager.evaluate(t.exp(x)));
        assertEquals(ErrorKind.MISSING_INPUT_ERROR, e.kind());
        assertTrue(e.getMessage().contains("'x' has no value"), e.getMessage());
        assertTrue(List.of(e.getMessage()).get(0).contains("compile a function with it as input"));
    }
}
