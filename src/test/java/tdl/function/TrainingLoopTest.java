package tdl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tdl.function.TestGraphs.T;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tdl.vocab.OnUnused;
import tdl.grad.Grad;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;

/** grad + function + updates together, as a logistic-regression script uses them. */
class TrainingLoopTest {
    private static double[] train(boolean rewrite) {
        Random rng = new Random(5);
        Variable x = TestGraphs.matrix("x"), y = TestGraphs.vector("y");
        SharedVariable w = new SharedVariable(NDArray.zeros(tdl.graph.DType.FLOAT64, 3), "W");
        SharedVariable b = new SharedVariable(NDArray.scalar(0.0), "b");
        Variable p = T.sigmoid(T.add(T.dot(x, w), b));
        // the plain cross-entropy: the stabilise phase turns log(sigmoid) into softplus forms
        Variable xent = T.sub(T.neg(T.mul(y, T.log(p))), T.mul(T.sub(1.0, y), T.log(T.sub(1.0, p))));
        Variable cost = T.mean(xent, null, false);
        List<Variable> g = Grad.grad(cost, List.of(w, b), Set.of(), OnUnused.RAISE, null);
        CompiledFunction step = FunctionCompiler.compile(List.of(x, y), List.of(cost),
                List.of(Map.entry(w, T.sub(w, T.mul(g.get(0), 0.5))), Map.entry(b, T.sub(b, T.mul(g.get(1), 0.5)))),
                Map.of(), FunctionCompiler.Options.defaults().withName("train")
                        .withPipeline(rewrite ? tdl.rewrite.Pipeline.standard() : tdl.rewrite.Pipeline.none()));
        if (rewrite) {
            // log(sigmoid(z)) directly, and log(1 - sigmoid(z)) once 1 - sigmoid(z) is sigmoid(-z)
            assertEquals(2, step.rewriteLog().count("LogSigmoidToSoftplus"), step.rewriteLog().toString());
            assertTrue(step.rewriteLog().count("OneMinusSigmoid") > 0, step.rewriteLog().toString());
        }
        NDArray xs = TestGraphs.random(rng, 20, 3);
        double[] ys = new double[20];
        for (int i = 0; i < 20; i++) ys[i] = xs.data()[i * 3] - 0.5 * xs.data()[i * 3 + 1] > 0 ? 1 : 0;
        double[] costs = new double[30];
        for (int it = 0; it < costs.length; it++) costs[it] = step.call(List.of(xs, NDArray.of(ys, 20))).get(0).item();
        return costs;
    }

    @Test
    void costDecreasesAndRewritesDoNotChangeTheTrajectory() {
        double[] on = train(true), off = train(false);
        assertEquals(Math.log(2), on[0], 1e-12);
        assertTrue(on[29] < 0.5 * on[0], "cost did not fall: " + on[29]);
        for (int i = 0; i < on.length; i++) assertEquals(off[i], on[i], 1e-10 * Math.abs(off[i]), "iteration " + i);
    }
}
