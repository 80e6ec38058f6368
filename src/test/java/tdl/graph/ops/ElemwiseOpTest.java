package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tdl.eval.Eager;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;

class ElemwiseOpTest {
    private final TensorOps t = new TensorOps(() -> "test");

    private Variable c(double[] d, int... shape) { return t.constant(NDArray.of(d, shape)); }

    private Variable ints(double[] d, int... shape) { return t.constant(new NDArray(DType.INT64, shape, d)); }

    private static Variable sym(DType d, int rank) { return new Variable(new TensorType(d, rank), "v"); }

    private double[] eval(Variable v) { return Eager.evaluate(v).data(); }

    // ---- types ----

    @Test
    void dtypeRulesFollowNumpy() {
        Variable i = sym(DType.INT64, 1), f = sym(DType.FLOAT64, 2), f32 = sym(DType.FLOAT32, 0), b = sym(DType.BOOL, 1);
        assertEquals(new TensorType(DType.FLOAT64, 1), t.trueDiv(i, i).type());
        assertEquals(new TensorType(DType.INT64, 1), t.intDiv(i, i).type());
        assertEquals(new TensorType(DType.INT64, 1), t.add(i, i).type());
        assertEquals(new TensorType(DType.FLOAT64, 2), t.add(i, f).type()); // rank = max rank
        assertEquals(DType.BOOL, t.lt(i, f).dtype());
        assertEquals(DType.FLOAT64, t.exp(i).dtype());
        assertEquals(DType.FLOAT32, t.exp(f32).dtype());
        assertEquals(DType.INT64, t.add(b, b).dtype());
        assertEquals(DType.INT64, t.neg(i).dtype());
    }

    @Test
    void pythonScalarConstantsDoNotUpcast() {
        Variable f32 = sym(DType.FLOAT32, 2), i32 = sym(DType.INT32, 1), i64 = sym(DType.INT64, 1);
        assertEquals(DType.FLOAT32, t.mul(f32, 2.0).dtype());
        assertEquals(DType.INT32, t.add(i32, t.constant(1L)).dtype());
        assertEquals(DType.FLOAT64, t.add(i64, 0.5).dtype());
        assertEquals(DType.FLOAT32, t.add(f32, t.constant(1L)).dtype());
    }

    @Test
    void wrongArityIsTypeError() {
        GraphError e = assertThrows(GraphError.class, () -> t.elemwise(Scalar.ADD, sym(DType.FLOAT64, 1)));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
    }

    // ---- forward values ----

    @Test
    void roundIsHalfToEvenAsNumpy() {
        assertArrayEquals(new double[] {0, 2, 2, -2, 3}, eval(t.round(c(new double[] {0.5, 1.5, 2.5, -2.5, 2.6}, 5))));
    }

    @Test
    void intDivAndModFollowPython() {
        Variable a = ints(new double[] {7, -7, 7, -7}, 4), b = ints(new double[] {2, 2, -2, -2}, 4);
        assertArrayEquals(new double[] {3, -4, -4, 3}, eval(t.intDiv(a, b)));
        assertArrayEquals(new double[] {1, 1, -1, -1}, eval(t.mod(a, b)));
        assertArrayEquals(new double[] {3.5, -3.5, -3.5, 3.5}, eval(t.trueDiv(a, b)));
        assertEquals(DType.INT64, Eager.evaluate(t.intDiv(a, b)).dtype());
    }

    @Test
    void predicatesAndLogic() {
        Variable a = c(new double[] {1, 2, 3}, 3), b = c(new double[] {3, 2, 1}, 3);
        assertArrayEquals(new double[] {1, 0, 0}, eval(t.lt(a, b)));
        assertArrayEquals(new double[] {1, 1, 0}, eval(t.le(a, b)));
        assertArrayEquals(new double[] {0, 0, 1}, eval(t.gt(a, b)));
        assertArrayEquals(new double[] {0, 1, 1}, eval(t.ge(a, b)));
        assertArrayEquals(new double[] {0, 1, 0}, eval(t.eq(a, b)));
        assertArrayEquals(new double[] {1, 0, 1}, eval(t.neq(a, b)));
        Variable p = t.lt(a, b), q = t.gt(a, t.constant(1.5));
        assertArrayEquals(new double[] {0, 0, 0}, eval(t.and(p, q)));
        assertArrayEquals(new double[] {1, 1, 1}, eval(t.or(p, q)));
        assertArrayEquals(new double[] {1, 1, 1}, eval(t.xor(p, q)));
        assertArrayEquals(new double[] {0, 1, 1}, eval(t.not(p)));
        assertEquals(DType.BOOL, Eager.evaluate(p).dtype());
        Variable z = c(new double[] {Double.NaN, 1, Double.POSITIVE_INFINITY}, 3);
        assertArrayEquals(new double[] {1, 0, 0}, eval(t.isnan(z)));
        assertArrayEquals(new double[] {0, 0, 1}, eval(t.isinf(z)));
    }

    @Test
    void switchClipMaximumMinimumPow() {
        Variable x = c(new double[] {-2, 0.5, 3}, 3);
        assertArrayEquals(new double[] {0, 0.5, 1}, eval(t.clip(x, 0, 1)));
        assertArrayEquals(new double[] {0, 0.5, 3}, eval(t.maximum(x, t.constant(0.0))));
        assertArrayEquals(new double[] {-2, 0, 0}, eval(t.minimum(x, t.constant(0.0))));
        assertArrayEquals(new double[] {0, 0.5, 3}, eval(t.relu(x)));
        assertArrayEquals(new double[] {-2, 10, 10}, eval(t.switchOp(t.lt(x, t.constant(0.0)), x, t.constant(10.0))));
        assertArrayEquals(new double[] {4, 0.25, 9}, eval(t.pow(x, 2)));
    }

    @Test
    void broadcastingColumnRowAndScalar() {
        Variable col = c(new double[] {1, 2}, 2, 1), row = c(new double[] {10, 20, 30}, 1, 3);
        NDArray out = Eager.evaluate(t.add(col, row));
        assertArrayEquals(new int[] {2, 3}, out.shape());
        assertArrayEquals(new double[] {11, 21, 31, 12, 22, 32}, out.data());
        assertArrayEquals(new double[] {2, 4}, eval(t.mul(t.constant(2.0), c(new double[] {1, 2}, 2))));
        Variable t3 = c(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);
        assertArrayEquals(new double[] {1, 2, 4, 5, 5, 6, 8, 9}, eval(t.add(t3, c(new double[] {0, 1}, 2, 1))));
        // ternary broadcast
        assertArrayEquals(new double[] {1, 0, 1, 0}, eval(t.switchOp(
                t.constant(NDArray.of(new double[] {1, 0}, 2)), t.constant(NDArray.of(new double[] {1, 1}, 2, 1)),
                t.constant(0.0))));
    }

    // ---- gradients ----

    // each function's own values and derivative: ScalarTest, which walks the whole table

    @ParameterizedTest
    @EnumSource(value = Scalar.class, names = {"ADD", "SUB", "MUL", "TRUE_DIV", "POW", "MOD"})
    void binaryGradientsWithBroadcasting(Scalar s) {
        GradCheck.check(xs -> t.elemwise(s, xs.get(0), xs.get(1)), GradCheck.rand(4, 0.5, 2.0, 2, 3), GradCheck.rand(5, 0.5, 2.0, 2, 3));
        GradCheck.check(xs -> t.elemwise(s, xs.get(0), xs.get(1)), GradCheck.rand(4, 0.5, 2.0, 2, 3), GradCheck.rand(5, 0.5, 2.0, 3));
        GradCheck.check(xs -> t.elemwise(s, xs.get(0), xs.get(1)), GradCheck.rand(4, 0.5, 2.0, 2, 1), GradCheck.rand(5, 0.5, 2.0, 1, 3));
        GradCheck.check(xs -> t.elemwise(s, xs.get(0), xs.get(1)), GradCheck.rand(4, 0.5, 2.0), GradCheck.rand(5, 0.5, 2.0, 4));
    }

    @Test
    void absGradientOnNegativeValues() {
        GradCheck.check(xs -> t.abs(xs.get(0)), GradCheck.rand(6, -2, -0.1, 4));
    }

    @Test
    void maximumMinimumGradientGoesToChosenInput() {
        GradCheck.check(xs -> t.maximum(xs.get(0), xs.get(1)), GradCheck.rand(7, -1, 1, 3, 4), GradCheck.rand(8, -1, 1, 4));
        GradCheck.check(xs -> t.minimum(xs.get(0), xs.get(1)), GradCheck.rand(7, -1, 1, 3, 4), GradCheck.rand(8, -1, 1, 3, 1));
    }

    @Test
    void switchGradientSkipsCondition() {
        Variable cond = t.constant(new NDArray(DType.BOOL, new int[] {4}, new double[] {1, 0, 0, 1}));
        GradCheck.check(xs -> t.switchOp(cond, xs.get(0), xs.get(1)), GradCheck.rand(9, -1, 1, 3, 4), GradCheck.rand(10, -1, 1, 4));
        Apply node = t.switchOp(cond, t.constant(1.0), t.constant(2.0)).owner();
        assertNull(node.op().grad(node, List.of(t.constant(1.0))).get(0));
    }

    @Test
    void clipGradientIsOneInsideZeroOutside() {
        GradCheck.check(xs -> t.clip(xs.get(0), xs.get(1), xs.get(2)),
                NDArray.of(new double[] {-2, -0.3, 0.1, 0.4, 2, 3}, 6), NDArray.of(new double[] {-0.5}), NDArray.of(new double[] {1.0}));
    }

    @Test
    void powGradientWrtExponentAndBase() {
        GradCheck.check(xs -> t.pow(xs.get(0), xs.get(1)), GradCheck.rand(11, 0.5, 3, 5), GradCheck.rand(12, -2, 2));
    }

    @Test
    void roundingAndSignHaveZeroGradientAndPredicatesNone() {
        for (Scalar s : List.of(Scalar.FLOOR, Scalar.CEIL, Scalar.ROUND, Scalar.SGN)) {
            GradCheck.check(xs -> t.elemwise(s, xs.get(0)), NDArray.of(new double[] {0.3, 1.2, -0.7}, 3));
        }
        Variable x = sym(DType.FLOAT64, 1);
        Apply node = t.lt(x, x).owner();
        assertEquals(Arrays.asList(null, null), node.op().grad(node, List.of(t.constant(1.0))));
    }

    @Test
    void castPassesGradientBetweenFloatsOnly() {
        // float32 rounding spoils finite differences, so check the rule's value directly
        Variable x = sym(DType.FLOAT64, 1);
        Apply down = t.cast(x, DType.FLOAT32).owner();
        Variable g32 = t.constant(NDArray.of(DType.FLOAT32, new int[] {2}, new double[] {0.5, -2}));
        Variable gx = down.op().grad(down, List.of(g32)).get(0);
        assertEquals(DType.FLOAT64, gx.dtype());
        assertArrayEquals(new double[] {0.5, -2}, eval(gx));
        Apply node = t.cast(x, DType.INT64).owner();
        assertNull(node.op().grad(node, List.of(sym(DType.INT64, 1))).get(0));
        assertArrayEquals(new double[] {1, -1, 2}, eval(t.cast(c(new double[] {1.7, -1.7, 2.2}, 3), DType.INT32)));
    }

}
