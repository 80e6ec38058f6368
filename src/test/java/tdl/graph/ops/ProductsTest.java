package tdl.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tdl.eval.Eager;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/** N-d dot, tensordot, batched_dot, batched_tensordot, matmul: values from numpy, gradients from finite differences. */
class ProductsTest {
    private final TensorOps t = new TensorOps(() -> "test");

    private static NDArray arange(int... shape) {
        return NDArray.of(IntStream.range(0, (int) NDArray.sizeOf(shape)).asDoubleStream().toArray(), shape);
    }

    private NDArray eval(Variable v) { return Eager.evaluate(v); }

    @Test
    void valuesAsNumpy() {
        Variable a = t.constant(arange(2, 3, 4)), b = t.constant(arange(2, 4, 5)), c = t.constant(arange(3, 4, 2));
        // np.dot(a, b): a's last axis with b's second-to-last -> (2, 3, 2, 5), sum 55320
        NDArray d = eval(t.dot(a, b));
        assertArrayEquals(new int[] {2, 3, 2, 5}, d.shape());
        assertArrayEquals(new double[] {70, 76, 82, 88, 94, 190}, Arrays.copyOf(d.data(), 6));
        assertEquals(55320.0, Arrays.stream(d.data()).sum());
        // np.tensordot(a, c, [[1, 2], [0, 1]]) and [[-1], [1]]
        assertArrayEquals(new double[] {1012, 1078, 2596, 2806}, eval(t.tensordot(a, c, new int[] {1, 2}, new int[] {0, 1})).data());
        NDArray neg = eval(t.tensordot(a, c, new int[] {-1}, new int[] {1}));
        assertArrayEquals(new int[] {2, 3, 3, 2}, neg.shape());
        assertEquals(19404.0, Arrays.stream(neg.data()).sum());
        // a full contraction is a scalar: np.tensordot(m, m, 2) for m = arange(12).reshape(3, 4) - 5 is 146
        Variable m = t.sub(t.constant(arange(3, 4)), 5.0);
        assertEquals(0, t.tensordot(m, m, 2).rank());
        assertEquals(146.0, eval(t.tensordot(m, m, 2)).item());
    }

    @Test
    void misuseIsAClearError() {
        Variable a = t.constant(arange(2, 3, 4)), m = t.constant(arange(3, 4));
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(GraphError.class, () -> t.tensordot(a, m, 3)).kind());
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(GraphError.class, () -> t.tensordot(a, m, new int[] {1, 1}, new int[] {0, 1})).kind());
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(GraphError.class, () -> t.tensordot(a, m, new int[] {3}, new int[] {0})).kind());
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(GraphError.class, () -> t.batchedTensordot(a, a, new int[] {0}, new int[] {0})).kind());
        assertEquals(ErrorKind.TYPE_ERROR, assertThrows(GraphError.class, () -> t.batchedDot(t.constant(1.0), a)).kind());
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(GraphError.class, () -> t.matmul(t.constant(1.0), a)).kind());
        Variable r4 = t.constant(arange(2, 1, 2, 3));
        assertEquals(ErrorKind.NOT_IMPLEMENTED_ERROR, assertThrows(GraphError.class, () -> t.matmul(r4, r4)).kind());
        // the batch sizes must agree at run time
        GraphError e = assertThrows(GraphError.class, () -> eval(t.batchedDot(a, t.constant(arange(3, 4, 2)))));
        assertEquals(ErrorKind.SHAPE_ERROR, e.kind());
    }

    @Test
    void gradientsOfEveryForm() {
        NDArray a3 = GradCheck.rand(60, -1, 1, 2, 3, 4), b3 = GradCheck.rand(61, -1, 1, 2, 4, 3), m = GradCheck.rand(62, -1, 1, 4, 3);
        NDArray v4 = GradCheck.rand(63, -1, 1, 4), m24 = GradCheck.rand(64, -1, 1, 2, 4), v2 = GradCheck.rand(65, -1, 1, 2);
        GradCheck.check(xs -> t.dot(xs.get(0), xs.get(1)), a3, m);
        GradCheck.check(xs -> t.dot(xs.get(0), xs.get(1)), m24, b3);
        GradCheck.check(xs -> t.dot(xs.get(0), xs.get(1)), a3, v4);
        GradCheck.check(xs -> t.tensordot(xs.get(0), xs.get(1), new int[] {2, 1}, new int[] {1, 2}), a3, b3);
        GradCheck.check(xs -> t.tensordot(xs.get(0), xs.get(1), 0), m24, v2);
        GradCheck.check(xs -> t.tensordot(xs.get(0), xs.get(1), 2), a3, GradCheck.rand(66, -1, 1, 3, 4));
        GradCheck.check(xs -> t.batchedDot(xs.get(0), xs.get(1)), a3, b3);
        GradCheck.check(xs -> t.batchedDot(xs.get(0), xs.get(1)), m24, GradCheck.rand(67, -1, 1, 2, 4, 5));
        GradCheck.check(xs -> t.batchedDot(xs.get(0), xs.get(1)), a3, m24);
        GradCheck.check(xs -> t.batchedDot(xs.get(0), xs.get(1)), m24, m24);
        GradCheck.check(xs -> t.batchedDot(xs.get(0), xs.get(1)), v2, a3);
        GradCheck.check(xs -> t.batchedDot(xs.get(0), xs.get(1)), GradCheck.rand(68, -1, 1, 2, 2, 3, 2), GradCheck.rand(69, -1, 1, 2, 2, 3));
        GradCheck.check(xs -> t.batchedTensordot(xs.get(0), xs.get(1), new int[] {1, 2}, new int[] {2, 1}), a3, b3);
        GradCheck.check(xs -> t.batchedTensordot(xs.get(0), xs.get(1), 1), a3, b3);
        GradCheck.check(xs -> t.matmul(xs.get(0), xs.get(1)), GradCheck.rand(70, -1, 1, 2, 4), b3);
    }
}
