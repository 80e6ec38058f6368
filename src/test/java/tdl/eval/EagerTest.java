package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.ReduceOp;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.TensorOps;

class EagerTest {
    private final TensorOps t = new TensorOps(() -> null);

    @Test
    void deepChainDoesNotOverflowTheStack() {
        Variable v = t.constant(0.0);
        for (int i = 0; i < 50_000; i++) v = t.add(v, t.constant(1.0));
        assertEquals(50_000.0, Eager.evaluate(v).item());
    }

    @Test
    void sharedVariablesUseTheirCurrentValue() {
        SharedVariable w = new SharedVariable(NDArray.of(new double[] {1, 2}, 2), "w");
        Variable e = t.mul(w, 3.0);
        assertArrayEquals(new double[] {3, 6}, Eager.evaluate(e).data());
        w.setValue(NDArray.of(new double[] {5, 5}, 2));
        assertArrayEquals(new double[] {15, 15}, Eager.evaluate(e).data());
        assertSame(w.value(), Eager.evaluate(w));
    }

    @Test
    void listEvaluationSharesCommonSubgraphs() {
        Variable x = t.constant(NDArray.of(new double[] {1, 2, 3}, 3));
        Variable e = t.exp(x);
        List<NDArray> out = Eager.evaluate(List.of(t.sum(e), e, t.neg(e)));
        assertEquals(Math.exp(1) + Math.exp(2) + Math.exp(3), out.get(0).item(), 1e-12);
        assertArrayEquals(new double[] {-Math.exp(1), -Math.exp(2), -Math.exp(3)}, out.get(2).data(), 1e-12);
    }

    @Test
    void ifelseEvaluatesOnlyTheTakenBranch() {
        // the untaken branch would fail (an input without a value), so it must not run
        Variable missing = new Variable(new tdl.graph.TensorType(DType.FLOAT64, 1), "never");
        Variable ok = t.constant(NDArray.of(new double[] {1, 2}, 2));
        assertArrayEquals(new double[] {1, 2}, Eager.evaluate(t.ifelse(t.lt(t.constant(0.0), t.constant(1.0)), ok, t.exp(missing))).data());
        assertArrayEquals(new double[] {1, 2}, Eager.evaluate(t.ifelse(t.constant(false), missing, ok)).data());
    }

    @Test
    void applyRunsOneOp() {
        NDArray s = Eager.apply(new ReduceOp(ReduceOp.Kind.SUM, null, false), NDArray.of(new double[] {1, 2, 3}, 3));
        assertEquals(6.0, s.item());
        NDArray sc = Eager.apply(new ElemwiseOp(Scalar.MUL), NDArray.scalar(2), NDArray.scalar(DType.INT64, 3));
        assertEquals(6.0, sc.item());
        assertEquals(DType.FLOAT64, sc.dtype());
    }
}
