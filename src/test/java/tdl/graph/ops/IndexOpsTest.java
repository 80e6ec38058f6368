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

class IndexOpsTest {
    private final TensorOps t = new TensorOps(() -> "test");
    // [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
    private final NDArray mv = NDArray.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 4);
    private final Variable m = t.constant(mv);

    private NDArray eval(Variable v) { return Eager.evaluate(v); }

    private Index at(long i) { return new Index.Scalar(t.constant(i)); }

    private Index range(Long lo, Long hi, Long step) {
        return new Index.Range(lo == null ? null : t.constant(lo), hi == null ? null : t.constant(hi), step == null ? null : t.constant(step));
    }

    private Index ivec(double... v) { return new Index.Vector(t.constant(new NDArray(DType.INT64, new int[] {v.length}, v))); }

    @Test
    void pointsAndNegativeIndices() {
        assertArrayEquals(new double[] {4, 5, 6, 7}, eval(t.subtensor(m, List.of(at(1)))).data());
        assertArrayEquals(new double[] {8, 9, 10, 11}, eval(t.subtensor(m, List.of(at(-1)))).data());
        assertEquals(6.0, eval(t.subtensor(m, List.of(at(1), at(2)))).item());
        assertEquals(11.0, eval(t.subtensor(m, List.of(at(-1), at(-1)))).item());
        assertArrayEquals(new double[] {2, 6, 10}, eval(t.subtensor(m, List.of(Index.ALL, at(2)))).data());
    }

    @Test
    void slices() {
        NDArray s = eval(t.subtensor(m, List.of(range(1L, 3L, null))));
        assertArrayEquals(new int[] {2, 4}, s.shape());
        assertArrayEquals(new double[] {4, 5, 6, 7, 8, 9, 10, 11}, s.data());
        assertArrayEquals(new double[] {8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3},
                eval(t.subtensor(m, List.of(range(null, null, -1L)))).data());
        assertArrayEquals(new double[] {1, 3, 5, 7, 9, 11}, eval(t.subtensor(m, List.of(Index.ALL, range(1L, null, 2L)))).data());
        assertArrayEquals(new double[] {7, 5}, eval(t.subtensor(m, List.of(at(1), range(-1L, 0L, -2L)))).data());
        // out-of-range slice bounds clamp, as in Python
        assertArrayEquals(new int[] {1, 4}, eval(t.subtensor(m, List.of(range(2L, 100L, null)))).shape());
        assertArrayEquals(new int[] {0, 4}, eval(t.subtensor(m, List.of(range(5L, 9L, null)))).shape());
        // symbolic bounds: x[i*2:(i+1)*2]
        Variable i = t.constant(1L);
        NDArray b = eval(t.subtensor(m, List.of(new Index.Range(t.mul(i, t.constant(2L)), t.mul(t.add(i, t.constant(1L)), t.constant(2L)), null))));
        assertArrayEquals(new double[] {8, 9, 10, 11}, b.data());
        NDArray na = eval(t.subtensor(m, List.of(Index.ALL, Index.NEW_AXIS, at(0))));
        assertArrayEquals(new int[] {3, 1}, na.shape());
    }

    @Test
    void outOfRangeIndexIsIndexErrorNamingIndexAndSize() {
        GraphError e = assertThrows(GraphError.class, () -> eval(t.subtensor(m, List.of(at(3)))));
        assertEquals(ErrorKind.INDEX_ERROR, e.kind());
        assertTrue(e.getMessage().contains("index 3") && e.getMessage().contains("size 3"), e.getMessage());
        assertEquals(ErrorKind.INDEX_ERROR, assertThrows(GraphError.class, () -> eval(t.subtensor(m, List.of(at(0), at(-5))))).kind());
        assertEquals(ErrorKind.INDEX_ERROR, assertThrows(GraphError.class, () -> t.subtensor(m, List.of(at(0), at(0), at(0)))).kind());
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(GraphError.class, () -> eval(t.subtensor(m, List.of(range(null, null, 0L))))).kind());
        Variable f = new Variable(new TensorType(DType.FLOAT64, 0), "f");
        assertEquals(ErrorKind.TYPE_ERROR, assertThrows(GraphError.class, () -> t.subtensor(m, List.of(new Index.Scalar(f)))).kind());
    }

    @Test
    void integerVectorAndPairIndexing() {
        NDArray r = eval(t.subtensor(m, List.of(ivec(2, 0, -1))));
        assertArrayEquals(new int[] {3, 4}, r.shape());
        assertArrayEquals(new double[] {8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11}, r.data());
        NDArray p = eval(t.subtensor(m, List.of(new Index.Vector(t.arange(t.constant(3L))), ivec(1, 3, 0))));
        assertArrayEquals(new double[] {1, 7, 8}, p.data());
        assertArrayEquals(new double[] {2, 6, 10}, eval(t.subtensor(m, List.of(ivec(0, 1, 2), at(2)))).data());
        GraphError e = assertThrows(GraphError.class, () -> eval(t.subtensor(m, List.of(ivec(0, 3)))));
        assertEquals(ErrorKind.INDEX_ERROR, e.kind());
        GraphError mis = assertThrows(GraphError.class, () -> eval(t.subtensor(m, List.of(ivec(0, 1), ivec(0, 1, 2)))));
        assertEquals(ErrorKind.SHAPE_ERROR, mis.kind());
    }

    @Test
    void setAndIncSubtensorReturnNewArrays() {
        NDArray s = eval(t.setSubtensor(m, List.of(at(0)), t.constant(-1.0)));
        assertArrayEquals(new double[] {-1, -1, -1, -1, 4, 5, 6, 7, 8, 9, 10, 11}, s.data());
        assertEquals(0.0, mv.data()[0]); // x unchanged
        NDArray inc = eval(t.incSubtensor(m, List.of(Index.ALL, range(null, null, 3L)),
                t.constant(NDArray.of(new double[] {100, 200}, 2))));
        assertArrayEquals(new double[] {100, 1, 2, 203, 104, 5, 6, 207, 108, 9, 10, 211}, inc.data());
        // repeated vector entries accumulate for inc
        NDArray acc = eval(t.incSubtensor(m, List.of(ivec(0, 0)), t.constant(1.0)));
        assertArrayEquals(new double[] {2, 3, 4, 5}, java.util.Arrays.copyOf(acc.data(), 4));
        NDArray pair = eval(t.setSubtensor(m, List.of(ivec(0, 2), ivec(3, 0)), t.constant(NDArray.of(new double[] {-5, -6}, 2))));
        assertEquals(-5.0, pair.data()[3]);
        assertEquals(-6.0, pair.data()[8]);
        GraphError e = assertThrows(GraphError.class,
                () -> eval(t.setSubtensor(m, List.of(at(0)), t.constant(NDArray.of(new double[] {1, 2, 3}, 3)))));
        assertEquals(ErrorKind.SHAPE_ERROR, e.kind());
    }

    @Test
    void indexingGradients() {
        NDArray x = GradCheck.rand(40, -1, 1, 3, 4);
        GradCheck.check(xs -> t.subtensor(xs.get(0), List.of(at(-1))), x);
        GradCheck.check(xs -> t.subtensor(xs.get(0), List.of(Index.ALL, range(3L, 0L, -2L))), x);
        GradCheck.check(xs -> t.subtensor(xs.get(0), List.of(at(1), at(2))), x);
        GradCheck.check(xs -> t.subtensor(xs.get(0), List.of(ivec(2, 0, 2))), x);
        GradCheck.check(xs -> t.subtensor(xs.get(0), List.of(ivec(0, 1, 2), ivec(3, 3, 0))), x);
    }

    @Test
    void incAndSetSubtensorGradients() {
        NDArray x = GradCheck.rand(41, -1, 1, 3, 4);
        GradCheck.check(xs -> t.setSubtensor(xs.get(0), List.of(range(1L, null, null)), xs.get(1)), x, GradCheck.rand(42, -1, 1, 4));
        GradCheck.check(xs -> t.incSubtensor(xs.get(0), List.of(Index.ALL, at(1)), xs.get(1)), x, GradCheck.rand(43, -1, 1, 3));
        GradCheck.check(xs -> t.incSubtensor(xs.get(0), List.of(ivec(0, 2, 0)), xs.get(1)), x, GradCheck.rand(44, -1, 1, 3, 4));
        GradCheck.check(xs -> t.setSubtensor(xs.get(0), List.of(ivec(0, 2), ivec(1, 1)), xs.get(1)), x, GradCheck.rand(45, -1, 1));
    }

    private Index imat(int rows, double... v) {
        return new Index.Vector(t.constant(new NDArray(DType.INT64, new int[] {rows, v.length / rows}, v)));
    }

    @Test
    void integerMatricesAndArraysMixedWithSlices() {
        // numpy: m[np.array([[0, 2], [2, 1]])] has shape (2, 2, 4)
        NDArray e = eval(t.subtensor(m, List.of(imat(2, 0, 2, 2, 1))));
        assertArrayEquals(new int[] {2, 2, 4}, e.shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 8, 9, 10, 11, 8, 9, 10, 11, 4, 5, 6, 7}, e.data());
        assertEquals("AdvancedSubtensor", t.subtensor(m, List.of(imat(2, 0, 2, 2, 1))).owner().op().name());
        assertEquals("AdvancedSubtensor1", t.subtensor(m, List.of(ivec(0))).owner().op().name());
        // m[1:, [3, 0]] -> [[7, 4], [11, 8]]; m[[2, 0], 1::2] -> [[9, 11], [1, 3]]
        assertArrayEquals(new double[] {7, 4, 11, 8}, eval(t.subtensor(m, List.of(range(1L, null, null), ivec(3, 0)))).data());
        NDArray b = eval(t.subtensor(m, List.of(ivec(2, 0), range(1L, null, 2L))));
        assertArrayEquals(new int[] {2, 2}, b.shape());
        assertArrayEquals(new double[] {9, 11, 1, 3}, b.data());
        // c = np.arange(24.).reshape(2, 3, 4): c[[1, 0], :, [3, 1]] -> [[15, 19, 23], [1, 5, 9]] (arrays apart: first)
        Variable c = t.constant(NDArray.of(java.util.stream.IntStream.range(0, 24).asDoubleStream().toArray(), 2, 3, 4));
        NDArray apart = eval(t.subtensor(c, List.of(ivec(1, 0), Index.ALL, ivec(3, 1))));
        assertArrayEquals(new int[] {2, 3}, apart.shape());
        assertArrayEquals(new double[] {15, 19, 23, 1, 5, 9}, apart.data());
        // c[1, :, [0, 3]]: the integer is a rank-0 array, so the arrays are apart too -> shape (2, 3)
        NDArray pointApart = eval(t.subtensor(c, List.of(at(1), Index.ALL, ivec(0, 3))));
        assertArrayEquals(new int[] {2, 3}, pointApart.shape());
        assertArrayEquals(new double[] {12, 16, 20, 15, 19, 23}, pointApart.data());
        // c[:, [[0], [2]], [1, 3]] broadcasts (2, 1) with (2,) -> (2, 2, 2, ...): [[[1, 3], [9, 11]], [[13, 15], [21, 23]]]
        NDArray bc = eval(t.subtensor(c, List.of(Index.ALL, imat(2, 0, 2), ivec(1, 3))));
        assertArrayEquals(new int[] {2, 2, 2}, bc.shape());
        assertArrayEquals(new double[] {1, 3, 9, 11, 13, 15, 21, 23}, bc.data());
        // rank 5 results are refused before anything runs
        Variable r4 = new Variable(new TensorType(DType.FLOAT64, 4), "r4");
        assertEquals(ErrorKind.INDEX_ERROR, assertThrows(GraphError.class, () -> t.subtensor(r4, List.of(imat(1, 0)))).kind());
    }

    @Test
    void mixedIndexGradientsAndWrites() {
        NDArray c = GradCheck.rand(46, -1, 1, 2, 3, 4);
        GradCheck.check(xs -> t.subtensor(xs.get(0), List.of(imat(2, 1, 0, 1, 1))), c);
        GradCheck.check(xs -> t.subtensor(xs.get(0), List.of(ivec(1, 0, 1), Index.ALL, ivec(3, 1, 3))), c);
        GradCheck.check(xs -> t.subtensor(xs.get(0), List.of(range(null, null, -1L), ivec(2, 2), range(1L, null, null))), c);
        GradCheck.check(xs -> t.subtensor(xs.get(0), List.of(at(1), range(1L, null, null), imat(2, 0, 3))), c);
        GradCheck.check(xs -> t.incSubtensor(xs.get(0), List.of(Index.ALL, ivec(2, 0, 2), range(1L, 3L, null)), xs.get(1)),
                c, GradCheck.rand(47, -1, 1, 2, 3, 2));
        GradCheck.check(xs -> t.setSubtensor(xs.get(0), List.of(imat(2, 1, 0), Index.ALL, range(null, 2L, null)), xs.get(1)),
                c, GradCheck.rand(48, -1, 1, 3, 2));
        // numpy: y = m.copy(); np.add.at(y, (slice(1, None), [0, 0]), 1.0) -> rows 1, 2 get 2 at column 0
        NDArray acc = eval(t.incSubtensor(m, List.of(range(1L, null, null), ivec(0, 0)), t.constant(1.0)));
        assertArrayEquals(new double[] {0, 1, 2, 3, 6, 5, 6, 7, 10, 9, 10, 11}, acc.data());
    }
}
