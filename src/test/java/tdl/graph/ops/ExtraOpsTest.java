package tdl.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.eval.Eager;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/** extra_ops, sort and diagonal helpers: values from numpy 2.4 (the python line is above each), gradients by finite differences. */
class ExtraOpsTest {
    private final TensorOps t = new TensorOps(() -> "test");
    private final ExtraOps e = new ExtraOps(t);
    private final NDArray x23 = NDArray.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
    private final Variable m = t.constant(x23);

    private double[] eval(Variable v) { return Eager.evaluate(v).data(); }

    private Variable ints(int... v) { return t.intVector(v); }

    @Test
    void cumsumCumprod() {
        // np.cumsum(x); np.cumsum(x, axis=0); np.cumprod(x, axis=1)
        assertArrayEquals(new double[] {1, 3, 6, 10, 15, 21}, eval(e.cumsum(m, null)));
        assertArrayEquals(new double[] {1, 2, 3, 5, 7, 9}, eval(e.cumsum(m, 0)));
        assertArrayEquals(new double[] {1, 2, 6, 4, 20, 120}, eval(e.cumprod(m, -1)));
        assertEquals(DType.INT64, e.cumsum(t.cast(m, DType.INT32), null).dtype());
        assertEquals(ErrorKind.AXIS_ERROR, assertThrows(GraphError.class, () -> e.cumsum(m, 2)).kind());
        for (Integer axis : new Integer[] {null, 0, 1}) {
            GradCheck.check(v -> e.cumsum(v.get(0), axis), GradCheck.rand(1, -1, 1, 2, 3));
            GradCheck.check(v -> e.cumprod(v.get(0), axis), GradCheck.rand(2, 0.5, 2, 2, 3));
        }
    }

    @Test
    void diff() {
        Variable v = t.constant(NDArray.of(new double[] {1, 4, 9, 16, 25}, 5));
        // np.diff([1,4,9,16,25]); n=2; np.diff(x, axis=0)
        assertArrayEquals(new double[] {3, 5, 7, 9}, eval(e.diff(v, 1, -1)));
        assertArrayEquals(new double[] {2, 2, 2}, eval(e.diff(v, 2, -1)));
        assertArrayEquals(new double[] {3, 3, 3}, eval(e.diff(m, 1, 0)));
        GradCheck.check(a -> e.diff(a.get(0), 2, 1), GradCheck.rand(3, -1, 1, 2, 4));
    }

    @Test
    void repeat() {
        // np.repeat(x, 2); np.repeat(x, [1, 2], axis=0); np.repeat(x, [0, 1, 3], axis=1)
        assertArrayEquals(new double[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6}, eval(e.repeat(m, t.constant(2L), null)));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 4, 5, 6}, eval(e.repeat(m, ints(1, 2), 0)));
        assertArrayEquals(new double[] {2, 3, 3, 3, 5, 6, 6, 6}, eval(e.repeat(m, ints(0, 1, 3), 1)));
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(GraphError.class, () -> eval(e.repeat(m, ints(1, 2), 1))).kind());
        GradCheck.check(a -> e.repeat(a.get(0), t.constant(3L), null), GradCheck.rand(4, -1, 1, 2, 3));
        GradCheck.check(a -> e.repeat(a.get(0), ints(0, 1, 3), 1), GradCheck.rand(5, -1, 1, 2, 3));
        GradCheck.check(a -> e.repeat(a.get(0), ints(2, 1), -2), GradCheck.rand(6, -1, 1, 2, 3));
    }

    @Test
    void bincount() {
        Variable xs = ints(0, 1, 1, 3);
        // np.bincount([0,1,1,3]); np.bincount([0,1,1,3], weights=[.5,1,2,3], minlength=6)
        assertArrayEquals(new double[] {1, 2, 0, 1}, eval(e.bincount(xs, null, null)));
        Variable w = t.constant(NDArray.of(new double[] {.5, 1, 2, 3}, 4));
        assertArrayEquals(new double[] {.5, 3, 0, 3, 0, 0}, eval(e.bincount(xs, w, t.constant(6L))));
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(GraphError.class, () -> eval(e.bincount(ints(1, -1), null, null))).kind());
        GradCheck.check(a -> e.bincount(ints(0, 1, 1, 3), a.get(0), null), GradCheck.rand(7, -1, 1, 4));
    }

    @Test
    void rollTileSqueezeSpecifyShape() {
        // np.roll(x, 1); np.roll(x, -1, axis=1); np.roll(np.arange(5), 7)
        assertArrayEquals(new double[] {6, 1, 2, 3, 4, 5}, eval(e.roll(m, t.constant(1L), null)));
        assertArrayEquals(new double[] {2, 3, 1, 5, 6, 4}, eval(e.roll(m, t.constant(-1L), 1)));
        assertArrayEquals(new double[] {3, 4, 0, 1, 2}, eval(e.roll(t.arange(t.constant(5L)), t.constant(7L), null)));
        GradCheck.check(a -> e.roll(a.get(0), t.constant(2L), 1), GradCheck.rand(8, -1, 1, 2, 3));
        // np.tile(x, (2, 1)); np.tile([1, 2], (2, 2)); np.tile(x, 2).shape
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6}, eval(e.tile(m, List.of(t.constant(2L), t.constant(1L)), null)));
        assertArrayEquals(new double[] {1, 2, 1, 2, 1, 2, 1, 2}, eval(e.tile(ints(1, 2), List.of(t.constant(2L), t.constant(2L)), null)));
        assertArrayEquals(new int[] {2, 6}, Eager.evaluate(e.tile(m, List.of(t.constant(2L)), null)).shape());
        GradCheck.check(a -> e.tile(a.get(0), List.of(t.constant(2L), t.constant(1L), t.constant(3L)), null), GradCheck.rand(9, -1, 1, 2, 3));
        Variable padded = t.dimshuffle(t.sum(m, new int[] {1}, true), -1, 0, 1); // (1, 2, 1)
        assertEquals(1, e.squeeze(padded, null).rank());
        assertEquals(2, e.squeeze(m, null).rank());
        assertArrayEquals(new int[] {1, 2}, Eager.evaluate(e.squeeze(padded, new int[] {-1})).shape());
        assertEquals(ErrorKind.SHAPE_ERROR, assertThrows(GraphError.class, () -> eval(e.squeeze(m, new int[] {0}))).kind());
        assertArrayEquals(x23.data(), eval(e.specifyShape(m, List.of(t.constant(2L), t.constant(3L)))));
        assertEquals(ErrorKind.SHAPE_ERROR, assertThrows(GraphError.class,
                () -> eval(e.specifyShape(m, List.of(t.constant(3L), t.constant(2L))))).kind());
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(GraphError.class, () -> e.specifyShape(m, List.of(t.constant(3L)))).kind());
    }

    @Test
    void varStdDdof() {
        Variable a = t.constant(NDArray.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 4));
        // a = np.arange(12.).reshape(3, 4); np.var(a, ddof=1); np.var(a, axis=(0,1), ddof=1); np.std(a, axis=0, ddof=1)
        assertEquals(13.0, Eager.evaluate(e.var(a, null, 1, false, false)).item(), 1e-12);
        assertEquals(13.0, Eager.evaluate(e.var(a, new int[] {0, 1}, 1, false, false)).item(), 1e-12);
        assertArrayEquals(new double[] {4, 4, 4, 4}, eval(e.std(a, new int[] {0}, 1, false, false)), 1e-12);
        assertEquals(13.0, Eager.evaluate(e.var(a, null, 1, false, true)).item(), 1e-12); // the correction is ~0 here
        GradCheck.check(v -> e.var(v.get(0), new int[] {1}, 1, false, true), GradCheck.rand(10, -1, 1, 3, 4));
        GradCheck.check(v -> e.std(v.get(0), null, 2, true, false), GradCheck.rand(11, -1, 1, 3, 4));
    }

    @Test
    void sortArgsort() {
        Variable s = t.constant(NDArray.of(new double[] {3, 1, 2, 0, 5, -1}, 2, 3));
        // np.sort(s); np.argsort(s, axis=0); np.sort(s, axis=None)
        assertArrayEquals(new double[] {1, 2, 3, -1, 0, 5}, eval(e.sort(s, -1)));
        assertArrayEquals(new double[] {1, 0, 1, 0, 1, 0}, eval(e.argsort(s, 0)));
        assertArrayEquals(new double[] {-1, 0, 1, 2, 3, 5}, eval(e.sort(s, null)));
        Variable nan = t.constant(NDArray.of(new double[] {2, Double.NaN, -0.0, 0.0, 1}, 5));
        // np.argsort([2, nan, -0., 0., 1], kind='stable')
        assertArrayEquals(new double[] {2, 3, 4, 0, 1}, eval(e.argsort(nan, 0)));
        for (Integer axis : new Integer[] {null, 0, 1}) GradCheck.check(v -> e.sort(v.get(0), axis), GradCheck.rand(12, -1, 1, 3, 4));
        GradCheck.check(v -> t.mul(e.sort(v.get(0), 0), e.sort(v.get(0), 0)), GradCheck.rand(13, -1, 1, 5));
    }

    @Test
    void takePutAlongAxisAndSpecifyShapeGradients() {
        // np.take_along_axis(x, [[2, 0, 0], [1, 1, 2]], axis=1)
        Variable idx = t.constant(new NDArray(DType.INT64, new int[] {2, 3}, new double[] {2, 0, 0, 1, 1, 2}));
        assertArrayEquals(new double[] {3, 1, 1, 5, 5, 6}, eval(t.apply(new TakeAlongAxisOp(1), m, idx)));
        // z = np.zeros((2, 3)); np.add.at(z, (np.arange(2)[:, None], idx), x)
        assertArrayEquals(new double[] {5, 0, 1, 0, 9, 6}, eval(t.apply(new PutAlongAxisOp(1), m, idx, m)));
        GradCheck.check(v -> t.apply(new TakeAlongAxisOp(1), v.get(0), idx), GradCheck.rand(30, -1, 1, 2, 3));
        GradCheck.check(v -> t.apply(new PutAlongAxisOp(1), v.get(0), idx, m), GradCheck.rand(31, -1, 1, 2, 3));
        Variable idx0 = t.constant(new NDArray(DType.INT64, new int[] {2, 3}, new double[] {1, 0, 1, 1, 0, 0}));
        GradCheck.check(v -> t.apply(new TakeAlongAxisOp(0), v.get(0), idx0), GradCheck.rand(32, -1, 1, 2, 3));
        GradCheck.check(v -> e.specifyShape(v.get(0), List.of(t.constant(2L), t.constant(3L))), GradCheck.rand(33, -1, 1, 2, 3));
        assertEquals(ErrorKind.INDEX_ERROR, assertThrows(GraphError.class,
                () -> eval(t.apply(new TakeAlongAxisOp(1), m, t.constant(new NDArray(DType.INT64, new int[] {2, 1}, new double[] {3, 0}))))).kind());
    }

    @Test
    void knownUnitAxesStopsOnDeepGraphs() {
        Variable y = t.dimshuffle(m, -1, 0, 1);
        for (int i = 0; i < 5000; i++) y = t.add(y, 1.0);
        assertEquals(3, e.squeeze(y, null).rank()); // too deep to prove: left alone, never over-squeezed
        assertEquals(2, e.squeeze(t.dimshuffle(m, -1, 0, 1), null).rank());
    }

    @Test
    void nonzero() {
        Variable z = t.constant(new NDArray(DType.INT64, new int[] {2, 3}, new double[] {0, 1, 0, 2, 0, 3}));
        // np.nonzero(z); np.flatnonzero(z)
        List<Variable> nz = e.nonzero(z);
        assertArrayEquals(new double[] {0, 1, 1}, eval(nz.get(0)));
        assertArrayEquals(new double[] {1, 0, 2}, eval(nz.get(1)));
        assertArrayEquals(new double[] {1, 3, 5}, eval(e.flatnonzero(z)));
        assertArrayEquals(new double[] {1, 2, 3}, eval(e.nonzeroValues(z)));
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(GraphError.class, () -> e.nonzero(t.constant(1.0))).kind());
        GradCheck.check(v -> e.nonzeroValues(t.mul(v.get(0), t.constant(NDArray.of(new double[] {0, 1, 0, 1, 1, 0}, 2, 3)))),
                GradCheck.rand(14, 0.5, 1, 2, 3));
    }

    @Test
    void norm() {
        // np.linalg.norm([[1,2,3],[4,5,6]]) = sqrt(91); np.sum(np.abs(x)**3, axis=1)**(1/3)
        assertEquals(Math.sqrt(91), Eager.evaluate(e.norm(m, 2, null, false)).item(), 1e-12);
        assertArrayEquals(new double[] {3.3019272488946263, 7.398636222991409}, eval(e.norm(m, 3, new int[] {1}, false)), 1e-12);
        assertEquals(ErrorKind.NOT_IMPLEMENTED_ERROR, assertThrows(GraphError.class, () -> e.norm(m, 0, null, false)).kind());
        GradCheck.check(v -> e.norm(v.get(0), 2, new int[] {0}, true), GradCheck.rand(15, 0.1, 1, 2, 3));
        GradCheck.check(v -> e.norm(v.get(0), 1, null, false), GradCheck.rand(16, 0.1, 1, 2, 3));
    }

    @Test
    void trianglesAndDiagonals() {
        Variable a = t.constant(NDArray.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 4));
        // np.tril(a); np.triu(a, 1); np.diag(a, 1); np.diag(a, -1); np.diag([1., 2], 1)
        assertArrayEquals(new double[] {0, 0, 0, 0, 4, 5, 0, 0, 8, 9, 10, 0}, eval(e.tril(a, 0)));
        assertArrayEquals(new double[] {0, 1, 2, 3, 0, 0, 6, 7, 0, 0, 0, 11}, eval(e.triu(a, 1)));
        assertArrayEquals(new double[] {1, 6, 11}, eval(e.diag(a, 1)));
        assertArrayEquals(new double[] {4, 9}, eval(e.diag(a, -1)));
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 2, 0, 0, 0}, eval(e.diag(t.constant(NDArray.of(new double[] {1, 2}, 2)), 1)));
        // b = a.copy(); np.fill_diagonal(b, 9)
        assertArrayEquals(new double[] {9, 1, 2, 3, 4, 9, 6, 7, 8, 9, 9, 11}, eval(e.fillDiagonal(a, t.constant(9.0))));
        assertEquals(15.0, Eager.evaluate(e.trace(a)).item());
        GradCheck.check(v -> e.fillDiagonal(v.get(0), v.get(1)), GradCheck.rand(17, -1, 1, 3, 4), NDArray.scalar(0.5));
        GradCheck.check(v -> e.fillDiagonalOffset(v.get(0), v.get(1), -1), GradCheck.rand(18, -1, 1, 3, 4), NDArray.scalar(0.5));
        GradCheck.check(v -> e.allocDiag(v.get(0), -2), GradCheck.rand(19, -1, 1, 3));
        GradCheck.check(v -> t.add(e.tril(v.get(0), -1), e.trace(v.get(0))), GradCheck.rand(20, -1, 1, 3, 3));
    }

    @Test
    void toOneHot() {
        // the rows of np.eye(4)[[1, 3, 0]]
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0}, eval(e.toOneHot(ints(1, 3, 0), t.constant(4L), DType.FLOAT64)));
        assertEquals(ErrorKind.INDEX_ERROR, assertThrows(GraphError.class, () -> eval(e.toOneHot(ints(4), t.constant(4L), DType.FLOAT64))).kind());
    }
}
