package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tdl.eval.Eager;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;

class DotAndNnetOpsTest {
    private final TensorOps t = new TensorOps(() -> "test");

    private NDArray eval(Variable v) { return Eager.evaluate(v); }

    private Variable c(double[] d, int... shape) { return t.constant(NDArray.of(d, shape)); }

    @Test
    void dotSemanticsForEveryRankPair() {
        Variable v = c(new double[] {1, 2}, 2), w = c(new double[] {3, 4}, 2);
        Variable a = c(new double[] {1, 2, 3, 4}, 2, 2);
        assertEquals(11.0, eval(t.dot(v, w)).item());
        assertEquals(0, t.dot(v, w).rank());
        assertArrayEquals(new double[] {5, 11}, eval(t.dot(a, v)).data());   // matrix . vector
        assertArrayEquals(new double[] {7, 10}, eval(t.dot(v, a)).data());   // vector . matrix
        assertArrayEquals(new double[] {2, 4, 6, 8}, eval(t.dot(t.constant(2.0), a)).data());
        assertArrayEquals(new double[] {7, 10, 15, 22}, eval(t.dot(a, a)).data());
        Variable ai = t.constant(new NDArray(DType.INT64, new int[] {2}, new double[] {1, 2}));
        assertEquals(DType.INT64, eval(t.dot(ai, ai)).dtype());
    }

    @Test
    void transposedOperandFlagsMatchExplicitTranspose() {
        NDArray a = GradCheck.rand(1, -1, 1, 3, 2), b = GradCheck.rand(2, -1, 1, 3, 4), b2 = GradCheck.rand(3, -1, 1, 4, 2);
        Variable va = t.constant(a), vb = t.constant(b), vb2 = t.constant(b2);
        assertArrayEquals(eval(t.dot(t.transpose(va), vb)).data(), eval(t.apply(new DotOp(true, false), va, vb)).data(), 1e-12);
        assertArrayEquals(eval(t.dot(va, t.transpose(vb2))).data(), eval(t.apply(new DotOp(false, true), va, vb2)).data(), 1e-12);
        Variable vb3 = t.constant(GradCheck.rand(4, -1, 1, 4, 3));
        assertArrayEquals(eval(t.dot(t.transpose(va), t.transpose(vb3))).data(),
                eval(t.apply(new DotOp(true, true), va, vb3)).data(), 1e-12);
        assertEquals("Dot{TN}", new DotOp(true, false).name());
    }

    @Test
    void dotMisalignedShapesIsShapeError() {
        GraphError e = assertThrows(GraphError.class, () -> eval(t.dot(c(new double[6], 2, 3), c(new double[8], 4, 2))));
        assertEquals(ErrorKind.SHAPE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4, 2)"), e.getMessage());
        assertTrue(e.blamed() != null);
    }

    @Test
    void dotGradientsForAllRankPairsAndFlags() {
        NDArray m23 = GradCheck.rand(4, -1, 1, 2, 3), m34 = GradCheck.rand(5, -1, 1, 3, 4), v3 = GradCheck.rand(6, -1, 1, 3);
        NDArray v2 = GradCheck.rand(7, -1, 1, 2), s = GradCheck.rand(8, -1, 1);
        GradCheck.check(xs -> t.dot(xs.get(0), xs.get(1)), m23, m34);
        GradCheck.check(xs -> t.dot(xs.get(0), xs.get(1)), m23, v3);
        GradCheck.check(xs -> t.dot(xs.get(0), xs.get(1)), v2, m23);
        GradCheck.check(xs -> t.dot(xs.get(0), xs.get(1)), v3, v3.copy());
        GradCheck.check(xs -> t.dot(xs.get(0), xs.get(1)), s, m23);
        GradCheck.check(xs -> t.dot(xs.get(0), xs.get(1)), m23, s);
        NDArray m32 = GradCheck.rand(9, -1, 1, 3, 2), m43 = GradCheck.rand(10, -1, 1, 4, 3);
        GradCheck.check(xs -> t.apply(new DotOp(true, false), xs.get(0), xs.get(1)), m32, m34);
        GradCheck.check(xs -> t.apply(new DotOp(false, true), xs.get(0), xs.get(1)), m23, m43);
        GradCheck.check(xs -> t.apply(new DotOp(true, true), xs.get(0), xs.get(1)), m32, m43);
        GradCheck.check(xs -> t.apply(new DotOp(true, false), xs.get(0), xs.get(1)), m32, v3);
        GradCheck.check(xs -> t.apply(new DotOp(false, true), xs.get(0), xs.get(1)), v3, m43);
    }

    @Test
    void softmaxIsStableAndRowWise() {
        NDArray s = eval(t.softmax(c(new double[] {1000, 1000, 0, 1, 2, 3}, 2, 3)));
        assertArrayEquals(new double[] {0.5, 0.5, 0}, java.util.Arrays.copyOf(s.data(), 3), 1e-12);
        double z = 1 + Math.E + Math.E * Math.E;
        assertArrayEquals(new double[] {1 / z, Math.E / z, Math.E * Math.E / z}, java.util.Arrays.copyOfRange(s.data(), 3, 6), 1e-12);
        GradCheck.check(xs -> t.softmax(xs.get(0)), GradCheck.rand(11, -2, 2, 3, 4));
        GradCheck.check(xs -> t.softmax(xs.get(0)), GradCheck.rand(12, -2, 2, 5));
    }

    @Test
    void crossentropies() {
        Variable p = c(new double[] {0.2, 0.8, 0.6, 0.4}, 2, 2);
        Variable y = t.constant(new NDArray(DType.INT64, new int[] {2}, new double[] {1, 0}));
        assertArrayEquals(new double[] {-Math.log(0.8), -Math.log(0.6)}, eval(t.categoricalCrossentropy(p, y)).data(), 1e-12);
        Variable onehot = c(new double[] {0, 1, 1, 0}, 2, 2);
        assertArrayEquals(new double[] {-Math.log(0.8), -Math.log(0.6)}, eval(t.categoricalCrossentropy(p, onehot)).data(), 1e-12);
        Variable tt = c(new double[] {1, 0, 1, 1}, 2, 2);
        assertArrayEquals(new double[] {-Math.log(0.2), -Math.log(0.2), -Math.log(0.6), -Math.log(0.4)},
                eval(t.binaryCrossentropy(p, tt)).data(), 1e-12);
        GradCheck.check(xs -> t.categoricalCrossentropy(t.softmax(xs.get(0)), y), GradCheck.rand(13, -1, 1, 2, 2));
        GradCheck.check(xs -> t.binaryCrossentropy(t.sigmoid(xs.get(0)), tt), GradCheck.rand(14, -1, 1, 2, 2));
        Variable bad = new Variable(new TensorType(DType.FLOAT64, 0), "b");
        assertEquals(ErrorKind.TYPE_ERROR, assertThrows(GraphError.class, () -> t.categoricalCrossentropy(p, bad)).kind());
    }

    @Test
    void ifelsePicksBranchAndRoutesGradient() {
        Variable a = c(new double[] {1, 2}, 2), b = c(new double[] {3, 4}, 2);
        assertArrayEquals(new double[] {1, 2}, eval(t.ifelse(t.constant(true), a, b)).data());
        assertArrayEquals(new double[] {3, 4}, eval(t.ifelse(t.lt(t.constant(2.0), t.constant(1.0)), a, b)).data());
        GradCheck.check(xs -> t.ifelse(t.constant(true), xs.get(0), xs.get(1)), GradCheck.rand(15, -1, 1, 2), GradCheck.rand(16, -1, 1, 3));
        GradCheck.check(xs -> t.ifelse(t.constant(false), xs.get(0), xs.get(1)), GradCheck.rand(15, -1, 1, 2), GradCheck.rand(16, -1, 1, 3));
        Variable m = new Variable(new TensorType(DType.FLOAT64, 2), "m");
        assertEquals(ErrorKind.TYPE_ERROR, assertThrows(GraphError.class, () -> t.ifelse(t.constant(true), a, m)).kind());
    }

    @Test
    void reluGradient() {
        GradCheck.check(xs -> t.relu(xs.get(0)), NDArray.of(new double[] {-1.5, -0.2, 0.3, 2.0}, 2, 2));
    }

    @Test
    void integerValuedOpsPassNoGradient() {
        Variable x = new Variable(new TensorType(DType.FLOAT64, 2), "x");
        Variable n = new Variable(new TensorType(DType.INT64, 0), "n");
        Variable g = new Variable(new TensorType(DType.INT64, 1), "g");
        for (Variable v : java.util.List.of(t.argmax(x, 1, false), t.shape(x), t.arange(n))) {
            tdl.graph.Apply node = v.owner();
            for (Variable gi : node.op().grad(node, java.util.List.of(v.rank() == 0 ? n : g))) assertEquals(null, gi);
        }
        Variable eye = t.eye(n, n, 0);
        assertEquals(java.util.Arrays.asList(null, null), eye.owner().op().grad(eye.owner(), java.util.List.of(x)));
    }

    @Test
    void sumToShapeSumsBroadcastAxes() {
        Variable g = c(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new double[] {5, 7, 9}, eval(t.sumToShape(g, c(new double[3], 3))).data());
        NDArray col = eval(t.sumToShape(g, c(new double[2], 2, 1)));
        assertArrayEquals(new int[] {2, 1}, col.shape());
        assertArrayEquals(new double[] {6, 15}, col.data());
        assertEquals(21.0, eval(t.sumToShape(g, t.constant(0.0))).item());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, eval(t.sumToShape(g, g)).data());
        GradCheck.check(xs -> t.sumToShape(xs.get(0), t.constant(NDArray.of(new double[3], 1, 3))), GradCheck.rand(17, -1, 1, 2, 3));
    }
}
