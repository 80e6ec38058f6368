package tdl.eval;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.RandomCounter;
import tdl.graph.ops.RandomOp;
import tdl.graph.ops.Scalar;

/** The dedicated loops give exactly the numbers of the general paths they stand in for. */
class FastPathTest {
    private static Variable var(DType d, int rank) { return new Variable(new TensorType(d, rank), null); }

    private static NDArray random(Random rng, int... shape) {
        double[] d = new double[(int) NDArray.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) d[i] = rng.nextGaussian() * 5;
        return NDArray.of(d, shape);
    }

    @Test
    void bernoulliFastPathDrawsTheSameNumbersAsTheGeneralBinomial() {
        Random rng = new Random(3);
        double[] p = new double[20 * 51]; // not a multiple of the vector width: the tail runs too
        for (int i = 0; i < p.length; i++) p[i] = rng.nextDouble();
        int[] shape = {20, 51};
        NDArray size = NDArray.of(new double[] {20, 51}, 2);
        // n = 1 as a scalar takes the fast path; n = 1 as an array of ones takes the general one
        NDArray fastN = NDArray.scalar(1), generalN = NDArray.of(filled(1020, 1.0), 20, 51);
        RandomOp fastOp = new RandomOp(RandomOp.Kind.BINOMIAL, DType.FLOAT64, 2, new RandomCounter(99, 4));
        RandomOp generalOp = new RandomOp(RandomOp.Kind.BINOMIAL, DType.FLOAT64, 2, new RandomCounter(99, 4));
        NDArray pa = NDArray.of(p, shape);
        for (int call = 0; call < 3; call++) {
            NDArray fast = run(fastOp, size, fastN, pa);
            NDArray general = run(generalOp, size, generalN, pa);
            assertArrayEquals(general.data(), fast.data(), "evaluation " + call);
            double ones = 0;
            for (double v : fast.data()) ones += v;
            assertEquals(510, ones, 80, "about half the draws of p ~ U(0,1) are 1");
        }
        // -0.0 is a valid p that the vector loop's bit test cannot tell from a negative one: the
        // scalar loop takes over from its vector on, with the same numbers
        double[] q = p.clone();
        q[3] = -0.0;
        q[500] = 0.0;
        NDArray qa = NDArray.of(q, shape);
        assertArrayEquals(run(generalOp, size, generalN, qa).data(), run(fastOp, size, fastN, qa).data());
    }

    private static double[] filled(int n, double v) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, v);
        return d;
    }

    private static NDArray run(RandomOp op, NDArray size, NDArray n, NDArray p) {
        Apply node = Apply.make(op, List.of(var(DType.INT64, 1), var(DType.FLOAT64, n.rank()), var(DType.FLOAT64, 2)), null);
        return Kernels.forApply(node).run(new NDArray[] {size, n, p}, null);
    }

    @Test
    void dedicatedElementwiseLoopsMatchTheScalarFunctions() {
        Random rng = new Random(5);
        NDArray m = random(rng, 20, 30), m2 = random(rng, 20, 30), row = random(rng, 30), s = random(rng);
        for (Scalar sc : List.of(Scalar.ADD, Scalar.SUB, Scalar.MUL)) {
            java.util.function.DoubleBinaryOperator f = ((Scalar.Numeric.Binary) sc.numeric()).f();
            Kernel k = Kernels.forApply(Apply.make(new ElemwiseOp(sc), List.of(var(DType.FLOAT64, 2), var(DType.FLOAT64, 2)), null));
            check(k.run(new NDArray[] {m, m2}, null), i -> f.applyAsDouble(m.data()[i], m2.data()[i]));
            check(k.run(new NDArray[] {m, row}, null), i -> f.applyAsDouble(m.data()[i], row.data()[i % 30]));
            check(k.run(new NDArray[] {row, m}, null), i -> f.applyAsDouble(row.data()[i % 30], m.data()[i]));
            check(k.run(new NDArray[] {m, s}, null), i -> f.applyAsDouble(m.data()[i], s.data()[0]));
            check(k.run(new NDArray[] {s, m}, null), i -> f.applyAsDouble(s.data()[0], m.data()[i]));
        }
        for (Scalar sc : List.of(Scalar.SIGMOID, Scalar.EXP, Scalar.NEG)) {
            java.util.function.DoubleUnaryOperator f = ((Scalar.Numeric.Unary) sc.numeric()).f();
            Kernel k = Kernels.forApply(Apply.make(new ElemwiseOp(sc), List.of(var(DType.FLOAT64, 2)), null));
            check(k.run(new NDArray[] {m}, null), i -> f.applyAsDouble(m.data()[i]));
        }
    }

    private static void check(NDArray got, java.util.function.IntToDoubleFunction want) {
        for (int i = 0; i < got.size(); i++) assertEquals(want.applyAsDouble(i), got.data()[i], 0.0, "element " + i);
    }

    @Test
    void elementOfAVectorAndSumToOneElementMatchTheGeneralKernels() {
        tdl.graph.ops.TensorOps t = new tdl.graph.ops.TensorOps(() -> "t.tdl:1");
        Variable v = var(DType.FLOAT64, 1), i = var(DType.INT64, 0);
        Kernel point = Kernels.forApply(t.subtensor(v, List.of(new tdl.graph.ops.Index.Scalar(i))).owner());
        NDArray x = NDArray.of(new double[] {3, 5, 7}, 3);
        NDArray out = null;
        for (long k : new long[] {0, 2, -1, -3}) {
            out = point.run(new NDArray[] {x, NDArray.scalar(DType.INT64, k)}, out);
            assertEquals(x.data()[(int) ((k + 3) % 3)], out.data()[0], 0.0, "x[" + k + "]");
            assertEquals(0, out.rank());
        }
        tdl.graph.GraphError e = org.junit.jupiter.api.Assertions.assertThrows(tdl.graph.GraphError.class,
                () -> point.run(new NDArray[] {x, NDArray.scalar(DType.INT64, 3)}, null));
        assertEquals(ErrorKind.INDEX_ERROR, e.kind());

        Variable g = var(DType.FLOAT64, 2), s = var(DType.FLOAT64, 0);
        Kernel toScalar = Kernels.forApply(Apply.make(new tdl.graph.ops.SumToShapeOp(), List.of(g, s), null));
        NDArray m = random(new Random(8), 4, 3);
        double want = 0;
        for (double d : m.data()) want += d;
        assertEquals(want, toScalar.run(new NDArray[] {m, NDArray.scalar(0)}, null).data()[0], 0.0);
    }
}
