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

class ShapeOpsTest {
    private final TensorOps t = new TensorOps(() -> "test");
    private final Variable m = t.constant(NDArray.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));

    private NDArray eval(Variable v) { return Eager.evaluate(v); }

    private Variable i(long v) { return t.constant(v); }

    @Test
    void transposeAndDimshuffle() {
        NDArray tr = eval(t.transpose(m));
        assertArrayEquals(new int[] {3, 2}, tr.shape());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, tr.data());
        NDArray d = eval(t.dimshuffle(m, 1, -1, 0));
        assertArrayEquals(new int[] {3, 1, 2}, d.shape());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, d.data());
        NDArray row = eval(t.dimshuffle(t.constant(NDArray.of(new double[] {1, 2}, 2)), -1, 0));
        assertArrayEquals(new int[] {1, 2}, row.shape());
        // dropping a size-1 axis
        assertArrayEquals(new int[] {2}, eval(t.dimshuffle(t.constant(NDArray.of(new double[] {1, 2}, 1, 2)), 1)).shape());
    }

    @Test
    void dimshuffleErrors() {
        GraphError e = assertThrows(GraphError.class, () -> t.dimshuffle(m, 0, 2));
        assertEquals(ErrorKind.VALUE_ERROR, e.kind());
        GraphError run = assertThrows(GraphError.class, () -> eval(t.dimshuffle(m, 1)));
        assertEquals(ErrorKind.SHAPE_ERROR, run.kind());
    }

    @Test
    void reshapeWithInferenceAndErrors() {
        NDArray r = eval(t.reshape(m, 3, -1));
        assertArrayEquals(new int[] {3, 2}, r.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, r.data());
        assertArrayEquals(new int[] {6}, eval(t.reshape(m, -1)).shape());
        assertArrayEquals(new int[] {1, 6}, eval(t.reshape(m, List.of(i(1), t.shapeAt(t.flatten(m, 1), 0)))).shape());
        GraphError e = assertThrows(GraphError.class, () -> eval(t.reshape(m, 4)));
        assertEquals(ErrorKind.SHAPE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("size 6 into shape (4,)"), e.getMessage());
        Variable v = new Variable(new TensorType(DType.INT64, 1), "s");
        GraphError unknown = assertThrows(GraphError.class, () -> t.reshape(m, t.exp(v)));
        assertEquals(ErrorKind.TYPE_ERROR, unknown.kind());
        assertEquals(2, t.reshape(m, t.shape(m)).rank());
        assertEquals(ErrorKind.TYPE_ERROR, assertThrows(GraphError.class, () -> t.reshape(m, t.intVector(2, 3), 3)).kind());
        Variable sv = t.concatenate(List.of(t.intVector(6), t.intVector(1)), 0); // length unknown to the op
        assertEquals(ErrorKind.SHAPE_ERROR, assertThrows(GraphError.class, () -> eval(t.reshape(m, sv, 1))).kind());
    }

    @Test
    void flattenShapeShapeAt() {
        Variable x = t.constant(NDArray.of(new double[24], 2, 3, 4));
        assertArrayEquals(new int[] {24}, eval(t.flatten(x, 1)).shape());
        assertArrayEquals(new int[] {2, 12}, eval(t.flatten(x, 2)).shape());
        NDArray s = eval(t.shape(x));
        assertEquals(DType.INT64, s.dtype());
        assertArrayEquals(new double[] {2, 3, 4}, s.data());
        assertEquals(4.0, eval(t.shapeAt(x, -1)).item());
        assertEquals(3.0, eval(t.shapeAt(x, 1)).item());
        assertEquals(ErrorKind.INDEX_ERROR, assertThrows(GraphError.class, () -> t.shapeAt(x, 3)).kind());
    }

    @Test
    void concatenateAndStack() {
        Variable a = t.constant(NDArray.of(new double[] {1, 2}, 1, 2));
        NDArray c0 = eval(t.concatenate(List.of(m, t.concatenate(List.of(a, a), 0)), 1));
        assertArrayEquals(new int[] {2, 5}, c0.shape());
        assertArrayEquals(new double[] {1, 2, 3, 1, 2, 4, 5, 6, 1, 2}, c0.data());
        NDArray c1 = eval(t.concatenate(List.of(m, t.dimshuffle(t.constant(NDArray.of(new double[] {7, 8, 9}, 3)), -1, 0)), 0));
        assertArrayEquals(new int[] {3, 3}, c1.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, c1.data());
        Variable v = t.constant(NDArray.of(new double[] {1, 2}, 2)), w = t.constant(NDArray.of(new double[] {3, 4}, 2));
        NDArray s0 = eval(t.stack(List.of(v, w), 0));
        assertArrayEquals(new int[] {2, 2}, s0.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4}, s0.data());
        assertArrayEquals(new double[] {1, 3, 2, 4}, eval(t.stack(List.of(v, w), 1)).data());
        assertArrayEquals(new double[] {5, 6}, eval(t.stack(List.of(t.constant(5.0), t.constant(6.0)), 0)).data());
        GraphError e = assertThrows(GraphError.class, () -> eval(t.concatenate(List.of(m, a), 0)));
        assertEquals(ErrorKind.SHAPE_ERROR, e.kind());
    }

    @Test
    void allocZerosOnesFillEye() {
        NDArray z = eval(t.zeros(DType.FLOAT64, i(2), i(3)));
        assertArrayEquals(new int[] {2, 3}, z.shape());
        assertArrayEquals(new double[6], z.data());
        assertArrayEquals(new double[] {1, 1}, eval(t.ones(DType.INT64, i(2))).data());
        NDArray a = eval(t.alloc(t.constant(NDArray.of(new double[] {1, 2, 3}, 3)), i(2), i(3)));
        assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3}, a.data());
        assertArrayEquals(new double[] {7, 7, 7, 7, 7, 7}, eval(t.fill(m, t.constant(7.0))).data());
        assertArrayEquals(new double[6], eval(t.zerosLike(m)).data());
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, eval(t.onesLike(m)).data());
        NDArray eye = eval(t.eye(i(2), i(3), 1));
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 1}, eye.data());
        assertArrayEquals(new double[] {1, 0, 0, 1}, eval(t.eye(i(2), null, 0)).data());
    }

    @Test
    void arange() {
        NDArray a = eval(t.arange(i(5)));
        assertEquals(DType.INT64, a.dtype());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, a.data());
        assertArrayEquals(new double[] {5, 3, 1}, eval(t.arange(i(5), i(0), i(-2))).data());
        NDArray f = eval(t.arange(t.constant(0.0), t.constant(1.0), t.constant(0.25)));
        assertEquals(DType.FLOAT64, f.dtype());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75}, f.data());
        assertEquals(0, eval(t.arange(i(3), i(1), i(1))).size());
    }

    @Test
    void shapeOpGradients() {
        NDArray x = GradCheck.rand(30, -1, 1, 2, 3);
        GradCheck.check(xs -> t.transpose(xs.get(0)), x);
        GradCheck.check(xs -> t.dimshuffle(xs.get(0), 1, -1, 0), x);
        GradCheck.check(xs -> t.dimshuffle(xs.get(0), 1), GradCheck.rand(31, -1, 1, 1, 3));
        GradCheck.check(xs -> t.reshape(xs.get(0), 3, 2), x);
        GradCheck.check(xs -> t.flatten(xs.get(0), 1), x);
        GradCheck.check(xs -> t.concatenate(List.of(xs.get(0), xs.get(1)), 1), x, GradCheck.rand(32, -1, 1, 2, 2));
        GradCheck.check(xs -> t.concatenate(List.of(xs.get(0), xs.get(1)), 0), x, GradCheck.rand(33, -1, 1, 1, 3));
        GradCheck.check(xs -> t.stack(List.of(xs.get(0), xs.get(1)), 1), x, GradCheck.rand(34, -1, 1, 2, 3));
        GradCheck.check(xs -> t.alloc(xs.get(0), i(4), i(3)), GradCheck.rand(35, -1, 1, 3));
        GradCheck.check(xs -> t.fill(xs.get(1), xs.get(0)), GradCheck.rand(36, -1, 1), x);
        GradCheck.check(xs -> t.outer(xs.get(0), xs.get(1)), GradCheck.rand(37, -1, 1, 3), GradCheck.rand(38, -1, 1, 4));
    }
}
