package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tdl.eval.Eager;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;

class ReduceOpTest {
    private final TensorOps t = new TensorOps(() -> "test");
    // [[1, -2, 3], [4, 5, -6]]
    private final Variable m = t.constant(NDArray.of(new double[] {1, -2, 3, 4, 5, -6}, 2, 3));

    private NDArray eval(Variable v) { return Eager.evaluate(v); }

    @Test
    void sumProdMaxMinWithAxesAndKeepdims() {
        assertArrayEquals(new double[] {5, 3, -3}, eval(t.sum(m, new int[] {0}, false)).data());
        NDArray k = eval(t.sum(m, new int[] {1}, true));
        assertArrayEquals(new int[] {2, 1}, k.shape());
        assertArrayEquals(new double[] {2, 3}, k.data());
        assertArrayEquals(new double[] {4, -10, -18}, eval(t.prod(m, new int[] {0}, false)).data());
        assertEquals(720.0, eval(t.prod(m, null, false)).item());
        assertArrayEquals(new double[] {3, 5}, eval(t.max(m, new int[] {-1}, false)).data());
        assertArrayEquals(new double[] {1, -2, -6}, eval(t.min(m, new int[] {0}, false)).data());
        NDArray all = eval(t.sum(m, null, true));
        assertArrayEquals(new int[] {1, 1}, all.shape());
        assertEquals(5.0, all.item());
        assertEquals(0, eval(t.sum(m, new int[] {0, 1}, false)).rank());
    }

    @Test
    void sumOverMiddleAxisOfTensor3() {
        double[] d = new double[24];
        for (int i = 0; i < 24; i++) d[i] = i;
        Variable x = t.constant(NDArray.of(d, 2, 3, 4));
        NDArray s = eval(t.sum(x, new int[] {1}, false));
        assertArrayEquals(new int[] {2, 4}, s.shape());
        // element (i, k) = sum_j (12 i + 4 j + k) = 36 i + 12 + 3 k
        for (int i = 0; i < 2; i++) for (int k = 0; k < 4; k++) assertEquals(36 * i + 12 + 3 * k, s.data()[i * 4 + k]);
    }

    @Test
    void sumsOfEmptyArraysAndSizeOneAxes() {
        Variable e = t.constant(NDArray.zeros(DType.FLOAT64, 0, 3));
        assertArrayEquals(new double[] {0, 0, 0}, eval(t.sum(e, new int[] {0}, false)).data());
        assertArrayEquals(new int[] {0}, eval(t.sum(e, new int[] {1}, false)).shape());
        Variable x = t.constant(NDArray.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 1, 3));
        assertArrayEquals(new double[] {5, 7, 9}, eval(t.sum(x, new int[] {0}, false)).data());
        assertArrayEquals(new double[] {6, 15}, eval(t.sum(x, new int[] {1, 2}, false)).data());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, eval(t.sum(x, new int[] {1}, false)).data());
    }

    @Test
    void allAnyAreBoolAndIntSumsAreInt64() {
        Variable b = t.gt(m, t.constant(0.0));
        NDArray all = eval(t.all(b, new int[] {0}, false));
        assertEquals(DType.BOOL, all.dtype());
        assertArrayEquals(new double[] {1, 0, 0}, all.data());
        assertArrayEquals(new double[] {1, 1}, eval(t.any(b, new int[] {1}, false)).data());
        NDArray count = eval(t.sum(b, null, false));
        assertEquals(DType.INT64, count.dtype());
        assertEquals(4.0, count.item());
    }

    @Test
    void meanVarStd() {
        assertArrayEquals(new double[] {2.5, 1.5, -1.5}, eval(t.mean(m, new int[] {0}, false)).data());
        assertEquals(5.0 / 6, eval(t.mean(m, null, false)).item(), 1e-15);
        // var of column 0: values 1, 4, mean 2.5 -> 2.25
        assertArrayEquals(new double[] {2.25, 12.25, 20.25}, eval(t.var(m, new int[] {0}, false)).data(), 1e-12);
        assertArrayEquals(new double[] {1.5, 3.5, 4.5}, eval(t.std(m, new int[] {0}, false)).data(), 1e-12);
        Variable ints = t.constant(new NDArray(DType.INT64, new int[] {4}, new double[] {1, 2, 3, 5}));
        NDArray mi = eval(t.mean(ints, null, false));
        assertEquals(DType.FLOAT64, mi.dtype());
        assertEquals(2.75, mi.item());
    }

    @Test
    void argmaxArgmin() {
        assertArrayEquals(new double[] {1, 1, 0}, eval(t.argmax(m, 0, false)).data());
        assertArrayEquals(new double[] {2, 1}, eval(t.argmax(m, -1, false)).data());
        assertArrayEquals(new double[] {1, 2}, eval(t.argmin(m, 1, false)).data());
        assertEquals(4.0, eval(t.argmax(m, null, false)).item());
        assertEquals(5.0, eval(t.argmin(m, null, false)).item());
        NDArray k = eval(t.argmax(m, 1, true));
        assertArrayEquals(new int[] {2, 1}, k.shape());
        assertEquals(DType.INT64, k.dtype());
        // ties: the first index wins, as numpy
        assertEquals(0.0, eval(t.argmax(t.constant(NDArray.of(new double[] {2, 2, 1}, 3)), null, false)).item());
    }

    @Test
    void badAxisIsValueError() {
        Variable x = new Variable(new TensorType(DType.FLOAT64, 2), "x");
        GraphError e = assertThrows(GraphError.class, () -> t.sum(x, new int[] {2}, false));
        assertEquals(ErrorKind.VALUE_ERROR, e.kind());
        assertThrows(GraphError.class, () -> t.argmax(x, 3, false));
    }

    @Test
    void maxOfEmptyIsValueError() {
        Variable e = t.constant(NDArray.zeros(DType.FLOAT64, 0));
        GraphError err = assertThrows(GraphError.class, () -> eval(t.max(e, null, false)));
        assertEquals(ErrorKind.VALUE_ERROR, err.kind());
    }

    @Test
    void reductionGradients() {
        NDArray x = GradCheck.rand(20, 0.5, 2, 3, 4);
        GradCheck.check(xs -> t.sum(xs.get(0), new int[] {1}, false), x);
        GradCheck.check(xs -> t.sum(xs.get(0), new int[] {0}, true), x);
        GradCheck.check(xs -> t.sum(xs.get(0), null, false), x);
        GradCheck.check(xs -> t.prod(xs.get(0), new int[] {1}, false), x);
        GradCheck.check(xs -> t.prod(xs.get(0), null, false), x);
        GradCheck.check(xs -> t.max(xs.get(0), new int[] {0}, false), x);
        GradCheck.check(xs -> t.min(xs.get(0), new int[] {1}, true), x);
        GradCheck.check(xs -> t.max(xs.get(0), null, false), x);
    }

    @Test
    void compositeGradients() {
        NDArray x = GradCheck.rand(21, -1, 1, 3, 4);
        GradCheck.check(xs -> t.mean(xs.get(0), new int[] {0}, false), x);
        GradCheck.check(xs -> t.mean(xs.get(0), null, false), x);
        GradCheck.check(xs -> t.var(xs.get(0), new int[] {1}, false), x);
        GradCheck.check(xs -> t.std(xs.get(0), null, false), x);
        GradCheck.check(xs -> t.sum(xs.get(0), new int[] {-1}, true),
                GradCheck.rand(22, -1, 1, 2, 2, 3));
    }
}
