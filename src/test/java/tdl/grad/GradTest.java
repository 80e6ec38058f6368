package tdl.grad;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tdl.function.FunctionCompiler;
import tdl.vocab.OnUnused;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.TensorOps;

class GradTest {
    private final TensorOps t = new TensorOps(() -> "grad.tdl:3");

    private static Variable var(String name, int rank) { return new Variable(new TensorType(DType.FLOAT64, rank), name); }

    private static List<NDArray> run(List<Variable> inputs, List<Variable> outputs, NDArray... args) {
        return FunctionCompiler.compile(inputs, outputs, List.of(), Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE).withName("g")).call(List.of(args));
    }

    private static NDArray rand(Random r, int... shape) {
        double[] d = new double[(int) NDArray.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) d[i] = r.nextGaussian();
        return NDArray.of(d, shape);
    }

    /** perf = sum((t - (w*p + b))^2) computed directly in Java, for finite differences. */
    private static double perf(double[] w, double b, NDArray p, NDArray tt) {
        int n = p.dim(0), k = p.dim(1);
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double e = tt.data()[i * k + j] - (w[j] * p.data()[i * k + j] + b);
                s += e * e;
            }
        }
        return s;
    }

    @Test
    void linearNeuronGradientMatchesFiniteDifferences() {
        Variable w = var("w", 1), b = var("b", 0), p = var("p", 2), tt = var("t", 2);
        Variable cost = t.sum(t.sqr(t.sub(tt, t.add(t.mul(w, p), b))));
        List<Variable> g = Grad.grad(cost, List.of(w, b), Set.of(), OnUnused.RAISE, null);
        Random r = new Random(1);
        NDArray wv = rand(r, 3), bv = NDArray.scalar(0.3), pv = rand(r, 5, 3), tv = rand(r, 5, 3);
        List<NDArray> got = run(List.of(w, b, p, tt), g, wv, bv, pv, tv);
        assertEquals(1, got.get(0).rank());
        assertEquals(0, got.get(1).rank());
        double eps = 1e-6;
        for (int j = 0; j < 3; j++) {
            double[] plus = wv.data().clone(), minus = wv.data().clone();
            plus[j] += eps;
            minus[j] -= eps;
            double num = (perf(plus, 0.3, pv, tv) - perf(minus, 0.3, pv, tv)) / (2 * eps);
            assertEquals(num, got.get(0).data()[j], 1e-5 * Math.max(1, Math.abs(num)));
        }
        double numB = (perf(wv.data(), 0.3 + eps, pv, tv) - perf(wv.data(), 0.3 - eps, pv, tv)) / (2 * eps);
        assertEquals(numB, got.get(1).item(), 1e-5 * Math.max(1, Math.abs(numB)));
    }

    @Test
    void variableUsedSeveralTimesAccumulates() {
        Variable x = var("x", 1), y = var("y", 1);
        // d/dx sum(x*x + x*y) = 2x + y ; d/dy = x
        Variable cost = t.sum(t.add(t.mul(x, x), t.mul(x, y)));
        List<Variable> g = Grad.grad(cost, List.of(x, y), Set.of(), OnUnused.RAISE, null);
        List<NDArray> got = run(List.of(x, y), g, NDArray.of(new double[] {1, 2}, 2), NDArray.of(new double[] {10, 20}, 2));
        assertArrayEquals(new double[] {12, 24}, got.get(0).data(), 1e-12);
        assertArrayEquals(new double[] {1, 2}, got.get(1).data(), 1e-12);
    }

    @Test
    void considerConstantStopsTheGradient() {
        Variable x = var("x", 1);
        Variable twice = t.mul(x, 2.0);
        Variable cost = t.sum(t.mul(x, twice)); // 2 x^2: gradient 4x, or 2x with twice constant
        Variable full = Grad.grad(cost, List.of(x), Set.of(), OnUnused.RAISE, null).get(0);
        Variable stopped = Grad.grad(cost, List.of(x), Set.of(twice), OnUnused.RAISE, null).get(0);
        List<NDArray> got = run(List.of(x), List.of(full, stopped), NDArray.of(new double[] {1, 3}, 2));
        assertArrayEquals(new double[] {4, 12}, got.get(0).data(), 1e-12);
        assertArrayEquals(new double[] {2, 6}, got.get(1).data(), 1e-12);
    }

    @Test
    void costMustBeScalar() {
        Variable x = var("x", 2);
        GraphError e = assertThrows(GraphError.class,
                () -> Grad.grad(t.exp(x), List.of(x), Set.of(), OnUnused.RAISE, null));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
        assertEquals("cost must be a scalar, got a rank-2 tensor (matrix)", e.getMessage());
    }

    @Test
    void integerWrtIsATypeError() {
        Variable k = new Variable(new TensorType(DType.INT64, 0), "k");
        Variable x = var("x", 0);
        GraphError e = assertThrows(GraphError.class,
                () -> Grad.grad(t.mul(x, k), List.of(k), Set.of(), OnUnused.RAISE, null));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("'k'") && e.getMessage().contains("int64"), e.getMessage());
    }

    @Test
    void disconnectedInputModes() {
        Variable x = var("x", 1), w = var("w", 1);
        Variable cost = t.sum(t.exp(x));
        GraphError e = assertThrows(GraphError.class,
                () -> Grad.grad(cost, List.of(x, w), Set.of(), OnUnused.RAISE, null));
        assertEquals(ErrorKind.DISCONNECTED_INPUT_ERROR, e.kind());
        assertEquals("cost does not depend on 'w'", e.getMessage());
        assertTrue(e.hint().contains("disconnected_inputs='ignore'"));

        GradResult warned = Grad.gradWithWarnings(cost, List.of(x, w), Set.of(), OnUnused.WARN, null);
        assertEquals(1, warned.warnings().size());
        assertTrue(warned.warnings().get(0).contains("'w'"));
        GradResult ignored = Grad.gradWithWarnings(cost, List.of(w), Set.of(), OnUnused.IGNORE, null);
        assertTrue(ignored.warnings().isEmpty());

        List<NDArray> got = run(List.of(x, w), List.of(warned.grads().get(1), ignored.grads().get(0)),
                NDArray.of(new double[] {1, 2}, 2), NDArray.of(new double[] {5, 6, 7}, 3));
        assertArrayEquals(new double[] {0, 0, 0}, got.get(0).data());
        assertArrayEquals(new double[] {0, 0, 0}, got.get(1).data());
    }

    /** An op for testing the walk: its gradient rule answers "no gradient flows" or is missing. */
    private record TestOp(boolean hasRule) implements Op {
        @Override public String name() { return hasRule ? "NoFlow" : "Opaque"; }

        @Override public List<TensorType> outputTypes(List<TensorType> in) { return List.of(in.get(0)); }

        @Override public List<Variable> grad(Apply node, List<Variable> g) {
            if (!hasRule) throw new GraphError(ErrorKind.GRADIENT_ERROR, "not differentiable: " + name());
            return Arrays.asList((Variable) null);
        }
    }

    @Test
    void nullGradientMeansZeroNotDisconnected() {
        Variable x = var("x", 1);
        Variable cost = t.sum(Apply.make(new TestOp(true), List.of(x), null).output());
        Variable g = Grad.grad(cost, List.of(x), Set.of(), OnUnused.RAISE, null).get(0);
        assertArrayEquals(new double[] {0, 0}, run(List.of(x), List.of(g), NDArray.of(new double[] {1, 2}, 2)).get(0).data());
    }

    @Test
    void opWithoutRuleFailsOnlyWhenOnThePath() {
        Variable x = var("x", 1), y = var("y", 1);
        Variable opaque = Apply.make(new TestOp(false), List.of(x), null).output();
        Variable cost = t.add(t.sum(opaque), t.sum(t.exp(y)));
        GraphError e = assertThrows(GraphError.class,
                () -> Grad.grad(cost, List.of(x), Set.of(), OnUnused.RAISE, null));
        assertEquals(ErrorKind.GRADIENT_ERROR, e.kind());
        assertEquals("not differentiable: Opaque", e.getMessage());
        // differentiating only with respect to y never visits the opaque node
        Variable gy = Grad.grad(cost, List.of(y), Set.of(), OnUnused.RAISE, null).get(0);
        assertEquals(1, gy.rank());
    }

    @Test
    void fiveThousandDeepChainDoesNotOverflowTheStack() {
        Variable x = var("x", 0);
        Variable y = x;
        for (int i = 0; i < 5000; i++) y = t.add(t.mul(y, 0.999), 0.001);
        Variable g = Grad.grad(y, List.of(x), Set.of(), OnUnused.RAISE, null).get(0);
        List<NDArray> got = run(List.of(x), List.of(y, g), NDArray.scalar(2.0));
        assertEquals(Math.pow(0.999, 5000), got.get(1).item(), 1e-12);
        assertEquals(1 + Math.pow(0.999, 5000), got.get(0).item(), 1e-9);
    }
}
