package tdl.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tdl.eval.Eager;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.GraphWalk;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.graph.ops.GradModifierOp;
import tdl.graph.ops.GradModifierOp.Kind;
import tdl.graph.ops.TensorOps;
import tdl.rewrite.Pipeline;
import tdl.rewrite.RewriteLog;
import tdl.vocab.ErrorKind;
import tdl.vocab.OnUnused;

/**
 * zero_grad, consider_constant, disconnected_grad, grad_clip, grad_scale: identity forward, the
 * gradient as Theano defines it (these gradients differ from finite differences on purpose, so the
 * expected values are written out from the definitions).
 */
class GradModifiersTest {
    private final TensorOps t = new TensorOps(() -> "test");
    private final Variable x = new SharedVariable(NDArray.of(new double[] {1, 2, 3}, 3), "x");
    private final Variable y = t.sqr(x);

    private Variable mod(Kind k, Variable v) { return t.apply(GradModifierOp.of(k), v); }

    private double[] grad(Variable cost) {
        return Eager.evaluate(Grad.grad(cost, List.of(x), Set.of(), OnUnused.RAISE, null).get(0)).data();
    }

    @Test
    void valuePassesThrough() {
        assertArrayEquals(new double[] {1, 4, 9}, Eager.evaluate(mod(Kind.ZERO, y)).data());
        assertArrayEquals(new double[] {1, 4, 9}, Eager.evaluate(t.apply(new GradModifierOp(Kind.CLIP, -1, 1), y)).data());
    }

    @Test
    void heldConstantTheOtherFactorStillCounts() {
        // d/dx sum(stop(x^2) * x) = x^2
        for (Kind k : List.of(Kind.ZERO, Kind.CONSIDER_CONSTANT, Kind.DISCONNECTED)) {
            assertArrayEquals(new double[] {1, 4, 9}, grad(t.sum(t.mul(mod(k, y), x))), k.toString());
        }
        // zero_grad alone: connected, zero
        assertArrayEquals(new double[] {0, 0, 0}, grad(t.sum(mod(Kind.ZERO, y))));
    }

    @Test
    void disconnectedGradCutsThePath() {
        GraphError e = assertThrows(GraphError.class, () -> grad(t.sum(mod(Kind.DISCONNECTED, y))));
        assertEquals(ErrorKind.DISCONNECTED_INPUT_ERROR, e.kind());
        Variable g = Grad.grad(t.sum(mod(Kind.DISCONNECTED, y)), List.of(x), Set.of(), OnUnused.IGNORE, null).get(0);
        assertArrayEquals(new double[] {0, 0, 0}, Eager.evaluate(g).data());
    }

    @Test
    void clipAndScale() {
        Variable w = t.constant(NDArray.of(new double[] {5, -0.5, -3}, 3));
        // the gradient into x is w, clipped to [-1, 1]
        assertArrayEquals(new double[] {1, -0.5, -1}, grad(t.sum(t.mul(t.apply(new GradModifierOp(Kind.CLIP, -1, 1), x), w))));
        // 0.5 * d(x^2)/dx = x
        assertArrayEquals(new double[] {1, 2, 3}, grad(t.sum(t.apply(new GradModifierOp(Kind.SCALE, 0.5, 0), y))));
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(GraphError.class, () -> new GradModifierOp(Kind.CLIP, 1, -1)).kind());
    }

    @Test
    void copyPassesValueAndGradientThrough() {
        // x.copy(): d/dx sum(copy(x^2)) = 2x, which central differences of sum(x^2) give too
        assertArrayEquals(new double[] {1, 4, 9}, Eager.evaluate(mod(Kind.COPY, y)).data());
        double[] g = grad(t.sum(mod(Kind.COPY, y))), xs = {1, 2, 3};
        for (int i = 0; i < 3; i++) {
            double h = 1e-6, fd = ((xs[i] + h) * (xs[i] + h) - (xs[i] - h) * (xs[i] - h)) / (2 * h);
            assertEquals(fd, g[i], 1e-6);
        }
    }

    @Test
    void compilingDropsTheViews() {
        RewriteLog log = new RewriteLog();
        Variable out = Pipeline.standard().run(List.of(t.exp(mod(Kind.ZERO, y))), log).get(0);
        for (Apply a : GraphWalk.toposort(List.of(out))) assertFalse(a.op() instanceof GradModifierOp, a.op().name());
        assertEquals(1, log.count("DropGradModifiers"));
    }
}
