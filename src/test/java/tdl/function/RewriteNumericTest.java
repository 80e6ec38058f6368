package tdl.function;

import tdl.vocab.OnUnused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tdl.function.TestGraphs.T;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.grad.Grad;
import java.util.Set;
import tdl.rewrite.Pipeline;

/** Each rewrite changes no result beyond rounding; the stabilisers stay finite where the plain form overflows. */
class RewriteNumericTest {
    private static final Variable X = TestGraphs.matrix("x");
    private static final Variable Y = TestGraphs.matrix("y");

    private static Variable graph(String rewrite) {
        Variable one = T.constant(1.0);
        return switch (rewrite) {
            case "LogOnePlusExpToSoftplus" -> T.log(T.add(one, T.exp(X)));
            case "LogSigmoidToSoftplus" -> T.log(T.sigmoid(X));
            case "OneMinusSigmoid" -> T.mul(T.sub(1.0, T.sigmoid(X)), Y);
            case "MulCanonizer" -> T.mul(T.trueDiv(T.exp(X), T.mul(Y, T.exp(X))), T.neg(T.trueDiv(Y, T.add(X, 3.0))));
            case "DistributeToCancel" -> T.mul(T.add(T.trueDiv(T.sqr(X), T.exp(X)), Y), T.exp(X));
            case "LogSoftmax" -> T.mul(T.log(T.softmax(X)), Y);
            case "SoftmaxGradOfLog" -> T.mul(Grad.grad(T.sum(T.categoricalCrossentropy(T.softmax(X),
                    T.constant(NDArray.of(new double[] {2, 0, 3, 2}, 4).astype(tdl.graph.DType.INT64)))), List.of(X), Set.of(), OnUnused.RAISE, null).get(0), Y);
            case "SigmoidInProducts" -> T.add(T.trueDiv(T.mul(Y, T.exp(X)), T.add(T.exp(X), 1.0)), T.trueDiv(1.0, T.add(one, T.exp(T.neg(X)))));
            case "LogOnePlusToLog1p" -> T.log(T.add(one, T.abs(X)));
            case "TransposedDot" -> T.add(T.dot(T.transpose(X), Y), T.dot(X, T.transpose(Y)));
            case "MulByOne" -> T.mul(T.mul(X, 1.0), Y);
            case "AddZero" -> T.mul(T.add(X, 0.0), Y);
            case "SubZero" -> T.mul(T.sub(X, 0.0), Y);
            case "DivByOne" -> T.mul(T.trueDiv(X, 1.0), Y);
            case "DoubleNeg" -> T.mul(T.neg(T.neg(X)), Y);
            case "FoldConstants" -> T.mul(T.exp(T.constant(0.5)), X);
            case "merge" -> T.add(T.exp(X), T.exp(X));
            case "FillSink" -> T.mul(T.add(T.zerosLike(X), T.dimshuffle(T.constant(1.5), -1, -1)), Y);
            case "UselessFill" -> T.mul(T.onesLike(X), T.exp(X));
            case "UselessSumToShape" -> T.add(T.sumToShape(T.mul(T.exp(X), 2.0), X), Y);
            case "ExpMinusOneToExpm1" -> T.mul(T.sub(T.exp(X), 1.0), Y);
            case "Log1pNegSigmoid" -> T.mul(T.log1p(T.neg(T.sigmoid(X))), Y);
            case "LogSumExp" -> T.add(T.log(T.sum(T.exp(X), new int[] {1}, true)), Y);
            case "ExpOverSumExpToSoftmax" -> T.mul(T.trueDiv(T.exp(X), T.sum(T.exp(X), new int[] {1}, true)), Y);
            case "SinkIntoZeroSwitch" -> T.add(T.mul(T.switchOp(T.gt(X, T.constant(0.0)), T.constant(0.0), T.exp(X)), Y),
                    T.trueDiv(T.switchOp(T.lt(Y, T.constant(0.0)), X, T.constant(0.0)), T.add(Y, 3.0)));
            case "ZeroProductToZeros" -> T.add(T.add(T.mul(T.constant(0.0), T.exp(X)), T.trueDiv(T.constant(0.0), Y)), Y);
            case "XOverAbsXToSign" -> T.mul(T.trueDiv(T.mul(Y, X), T.abs(X)), Y);
            case "LogErfcAsymptotic" -> T.add(T.mul(T.log(T.elemwise(tdl.graph.ops.Scalar.ERFC, X)), Y),
                    T.trueDiv(T.exp(T.neg(T.sqr(X))), T.elemwise(tdl.graph.ops.Scalar.ERFC, X)));
            case "ErfComplements" -> T.add(T.mul(T.sub(1.0, T.elemwise(tdl.graph.ops.Scalar.ERF, X)), Y),
                    T.sub(1.0, T.elemwise(tdl.graph.ops.Scalar.ERFC, Y)));
            case "LogAddExp" -> T.mul(T.log(T.add(T.exp(X), T.exp(Y))), Y);
            default -> throw new IllegalArgumentException(rewrite);
        };
    }

    private static NDArray run(Variable out, Pipeline p, NDArray x, NDArray y) {
        return FunctionCompiler.compile(List.of(X, Y), List.of(out), List.of(), Map.of(),
                FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE).withPipeline(p)).call(List.of(x, y)).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LogOnePlusExpToSoftplus", "LogSigmoidToSoftplus", "OneMinusSigmoid",
            "MulCanonizer", "DistributeToCancel", "SigmoidInProducts", "LogSoftmax", "SoftmaxGradOfLog",
            "LogOnePlusToLog1p", "TransposedDot", "MulByOne", "AddZero", "SubZero", "DivByOne",
            "DoubleNeg", "FoldConstants", "merge", "FillSink", "UselessFill", "UselessSumToShape", "LogSumExp", "LogAddExp", "ExpMinusOneToExpm1", "Log1pNegSigmoid",
            "ExpOverSumExpToSoftmax", "SinkIntoZeroSwitch", "ZeroProductToZeros", "XOverAbsXToSign",
            "LogErfcAsymptotic", "ErfComplements"})
    void rewriteKeepsResults(String name) {
        Random rng = new Random(name.hashCode());
        NDArray x = TestGraphs.random(rng, 4, 4), y = TestGraphs.random(rng, 4, 4);
        Variable g = graph(name);
        CompiledFunction on = FunctionCompiler.compile(List.of(X, Y), List.of(g), List.of(), Map.of(),
                FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE));
        assertTrue(on.rewriteLog().count(name) + on.rewriteLog().count("MergeNodes") > 0,
                name + " did not fire: " + on.rewriteLog());
        NDArray with = on.call(List.of(x, y)).get(0);
        NDArray without = run(g, Pipeline.standard().without(name), x, y);
        for (int i = 0; i < with.size(); i++) {
            double a = with.data()[i], b = without.data()[i];
            assertEquals(b, a, 1e-12 * Math.max(1, Math.abs(b)), name + " element " + i);
        }
    }

    private static double at(Variable out, double xv, Pipeline p) {
        NDArray x = NDArray.of(new double[] {xv}, 1, 1);
        return run(out, p, x, x).item();
    }

    private void stableWhereThePlainFormIsNot(Function<Variable, Variable> f, String name, double x, double expected) {
        Variable out = f.apply(X);
        double plain = at(out, x, Pipeline.standard().without("stabilize"));
        double stable = at(out, x, Pipeline.standard());
        double scale = Math.abs(expected);
        assertTrue(!Double.isFinite(plain) || Math.abs(plain - expected) > 1e-3 * scale, name + " plain form was already fine: " + plain);
        assertEquals(expected, stable, 1e-9 * scale, name);
    }

    @Test
    void logSumExpAndLogAddExpAreFiniteAtOneThousand() {
        // log(exp(1000) + exp(1000)) = 1000 + log 2, for a row of one element summed and for two terms
        stableWhereThePlainFormIsNot(v -> T.log(T.sum(T.exp(v), new int[] {1}, false)), "log(sum(exp(x)))", 1000, 1000);
        stableWhereThePlainFormIsNot(v -> T.log(T.add(T.exp(v), T.exp(v))), "log(exp(x) + exp(x))", 1000, 1000 + Math.log(2));
    }

    @Test
    void expm1KeepsTinyValuesAndLog1pOfMinusSigmoidIsFinite() {
        // exp(1e-10) - 1 keeps only 8 digits (1.000000082740371e-10); expm1 keeps all
        Variable em1 = T.sub(T.exp(X), 1.0);
        assertEquals(1.000000082740371e-10, at(em1, 1e-10, Pipeline.standard().without("stabilize")), 1e-25);
        assertEquals(1.00000000005e-10, at(em1, 1e-10, Pipeline.standard()), 1e-26);
        // log(1 - x) rounds 1 - 1e-17 to 1; log1p(-x) keeps it
        Variable l1m = T.log(T.sub(1.0, X));
        assertEquals(0.0, at(l1m, 1e-17, Pipeline.standard().without("stabilize")), 0.0);
        assertEquals(-1e-17, at(l1m, 1e-17, Pipeline.standard()), 1e-33);
        stableWhereThePlainFormIsNot(v -> T.log1p(T.neg(T.sigmoid(v))), "log1p(-sigmoid(x))", 50, -50);
    }

    @Test
    void softplusIsFiniteAtOneThousand() {
        stableWhereThePlainFormIsNot(v -> T.log(T.add(T.constant(1.0), T.exp(v))), "log(1+exp(x))", 1000, 1000);
    }

    @Test
    void logSigmoidIsFiniteForLargeNegativeX() {
        stableWhereThePlainFormIsNot(v -> T.log(T.sigmoid(v)), "log(sigmoid(x))", -1000, -1000);
    }

    @Test
    void logOneMinusSigmoidIsFiniteForLargeX() {
        stableWhereThePlainFormIsNot(v -> T.log(T.sub(1.0, T.sigmoid(v))), "log(1-sigmoid(x))", 1000, -1000);
    }

    @Test
    void log1pKeepsTinyValues() {
        stableWhereThePlainFormIsNot(v -> T.log(T.add(T.constant(1.0), v)), "log(1+x)", 1e-20, 1e-20);
    }

    @Test
    void sigmoidFromExpAvoidsOverflow() {
        Variable out = T.trueDiv(1.0, T.add(T.constant(1.0), T.exp(T.neg(X))));
        assertEquals(0.0, at(out, -1000, Pipeline.standard()), 0.0);
        assertEquals(1.0, at(out, 1000, Pipeline.standard()), 0.0);
        assertEquals(1 / (1 + Math.exp(-0.3)), at(out, 0.3, Pipeline.standard()), 1e-15);
    }

    /** d/dx sum(f(x)) at one point, compiled with the given pipeline. */
    private static double gradAt(Function<Variable, Variable> f, double xv, Pipeline p) {
        Variable g = Grad.grad(T.sum(f.apply(X)), List.of(X), Set.of(), OnUnused.RAISE, null).get(0);
        return at(g, xv, p);
    }

    @Test
    void gradientOfLogSigmoidIsFiniteAtTheTails() {
        Function<Variable, Variable> f = v -> T.log(T.sigmoid(v));
        // d/dx log(sigmoid(x)) = 1 - sigmoid(x) = sigmoid(-x)
        assertTrue(Double.isNaN(gradAt(f, -1000, Pipeline.none())), "plain gradient was already finite");
        assertEquals(1.0, gradAt(f, -1000, Pipeline.standard()), 0.0);
        assertEquals(0.5, gradAt(f, 0, Pipeline.standard()), 1e-15);
        assertEquals(0.0, gradAt(f, 1000, Pipeline.standard()), 0.0);
        assertEquals(1 / (1 + Math.exp(2.5)), gradAt(f, 2.5, Pipeline.standard()), 1e-15);
    }

    @Test
    void gradientOfLogOneMinusSigmoidIsFiniteAtTheTails() {
        Function<Variable, Variable> f = v -> T.log(T.sub(1.0, T.sigmoid(v)));
        // d/dx log(1 - sigmoid(x)) = -sigmoid(x)
        assertEquals(-0.0, gradAt(f, -1000, Pipeline.standard()), 0.0);
        assertEquals(-1.0, gradAt(f, 1000, Pipeline.standard()), 0.0);
        assertEquals(-1 / (1 + Math.exp(-0.7)), gradAt(f, 0.7, Pipeline.standard()), 1e-15);
    }

    /** The tutorial's cross-entropy of p = 1 / (1 + exp(-z)) against target y. */
    private static Variable tutorialXent(Variable z, double y) {
        Variable p = T.trueDiv(1.0, T.add(T.constant(1.0), T.exp(T.neg(z))));
        return T.sub(T.mul(T.neg(T.constant(y)), T.log(p)), T.mul(T.constant(1 - y), T.log(T.sub(1.0, p))));
    }

    @Test
    void tutorialCrossEntropyAndItsGradientAreFiniteAtTheTails() {
        // xent = softplus(-z) for y = 1 and softplus(z) for y = 0; d xent / dz = sigmoid(z) - y
        for (double y : new double[] {0, 1}) {
            Function<Variable, Variable> f = v -> tutorialXent(v, y);
            for (double z : new double[] {-1000, -3, 0, 3, 1000}) {
                double sig = 1 / (1 + Math.exp(-z));
                double xent = y == 1 ? Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z))) : Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
                assertEquals(xent, at(f.apply(X), z, Pipeline.standard()), 1e-12 * Math.max(1, xent), "xent y=" + y + " z=" + z);
                assertEquals(sig - y, gradAt(f, z, Pipeline.standard()), 1e-15, "gradient y=" + y + " z=" + z);
            }
            assertTrue(Double.isNaN(gradAt(f, y == 1 ? -1000 : 1000, Pipeline.none())), "plain gradient was already finite");
        }
    }

    @Test
    void expOverOnePlusExpIsFiniteAtTheTails() {
        Function<Variable, Variable> f = v -> T.trueDiv(T.exp(v), T.add(T.exp(v), 1.0));
        assertTrue(Double.isNaN(at(f.apply(X), 1000, Pipeline.standard().without("SigmoidInProducts"))), "plain form was already finite");
        assertEquals(1.0, at(f.apply(X), 1000, Pipeline.standard()), 0.0);
        assertEquals(0.0, at(f.apply(X), -1000, Pipeline.standard()), 0.0);
        assertEquals(1 / (1 + Math.exp(-0.3)), at(f.apply(X), 0.3, Pipeline.standard()), 1e-15);
        // d/dx sigmoid(x) = sigmoid(x) sigmoid(-x)
        assertEquals(0.0, gradAt(f, 1000, Pipeline.standard()), 0.0);
        assertEquals(0.25, gradAt(f, 0, Pipeline.standard()), 1e-15);
    }

    @Test
    void logSoftmaxAndItsGradientAreFiniteForFarApartLogits() {
        Variable labels = TestGraphs.T.constant(tdl.graph.NDArray.of(new double[] {1, 1}, 2).astype(tdl.graph.DType.INT64));
        Variable p = T.softmax(X);
        NDArray logits = NDArray.of(new double[] {1000, -1000, 0, -1000, 1000, 3}, 2, 3);
        // log_softmax row 0 at class 1: -2000; row 1: -log(1 + e^-997 + e^-2000) = 0; gradient (softmax - onehot) / 2
        double[] grad = {0.5, -0.5, 0, 0, 0, 0};
        Variable[] costs = {
                T.neg(T.mean(T.subtensor(T.log(p), List.of(new tdl.graph.ops.Index.Vector(T.arange(T.constant(2L))), new tdl.graph.ops.Index.Vector(labels))), null, false)),
                T.mean(T.categoricalCrossentropy(p, labels), null, false),
                T.mean(T.categoricalCrossentropy(p, T.constant(NDArray.of(new double[] {0, 1, 0, 0, 1, 0}, 2, 3))), null, false)};
        for (Variable cost : costs) {
            Variable g = Grad.grad(cost, List.of(X), Set.of(), OnUnused.RAISE, null).get(0);
            NDArray plain = run(g, Pipeline.none(), logits, logits);
            assertTrue(Double.isNaN(plain.data()[0]), "plain gradient was already finite");
            assertEquals(1000.0, run(cost, Pipeline.standard(), logits, logits).item(), 1e-9);
            double[] got = run(g, Pipeline.standard(), logits, logits).data();
            for (int i = 0; i < grad.length; i++) assertEquals(grad[i], got[i], 1e-12, "gradient element " + i);
        }
    }

    @Test
    void handWrittenSoftmaxAndTheLogSumExpGradientAreFiniteAtOneThousand() {
        // softmax([1000, 0, -1000]) = [1, e^-1000, 0] (0 in float64); [1, 2, 3] as numpy computes it
        NDArray logits = NDArray.of(new double[] {1000, 0, -1000, 1, 2, 3}, 2, 3);
        double[] expected = {1, 0, 0, 0.09003057317038046, 0.24472847105479764, 0.6652409557748219};
        Variable sm = T.trueDiv(T.exp(X), T.sum(T.exp(X), new int[] {1}, true));
        assertTrue(Double.isNaN(run(sm, Pipeline.standard().without("ExpOverSumExpToSoftmax"), logits, logits).data()[0]),
                "plain form was already finite");
        double[] got = run(sm, Pipeline.standard(), logits, logits).data();
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], got[i], 1e-15, "softmax element " + i);
        // d/dx sum(log(sum(exp(x), axis=1))) = softmax(x)
        Variable lse = T.sum(T.log(T.sum(T.exp(X), new int[] {1}, false)));
        Variable g = Grad.grad(lse, List.of(X), Set.of(), OnUnused.RAISE, null).get(0);
        assertTrue(Double.isNaN(run(g, Pipeline.standard().without("ExpOverSumExpToSoftmax"), logits, logits).data()[0]),
                "plain gradient was already finite");
        got = run(g, Pipeline.standard(), logits, logits).data();
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], got[i], 1e-15, "gradient element " + i);
    }

    @Test
    void gradientOfASwitchIsZeroWhereItPicksZero() {
        // d/dx switch(x > 0, sqrt(x), 0) at x = 0: the switch picks 0; sqrt's derivative there is inf
        Function<Variable, Variable> f = v -> T.switchOp(T.gt(v, T.constant(0.0)), T.sqrt(v), T.constant(0.0));
        assertTrue(Double.isNaN(gradAt(f, 0, Pipeline.standard().without("SinkIntoZeroSwitch"))), "plain gradient was already finite");
        assertEquals(0.0, gradAt(f, 0, Pipeline.standard()), 0.0);
        assertEquals(0.25, gradAt(f, 4, Pipeline.standard()), 1e-15);
        assertEquals(0.0, gradAt(f, -1, Pipeline.standard()), 0.0);
    }

    @Test
    void zeroProductsAndTheSignOfXAreFiniteWhereThePlainFormIsNaN() {
        // 0 * inf, 0 / 0 and 0 / 0 in x / abs(x): NaN as written, 0 (Theano's values) after the rewrite
        Variable zeroTimes = T.mul(T.constant(0.0), T.exp(X));
        assertTrue(Double.isNaN(at(zeroTimes, 1000, Pipeline.none())), "plain form was already finite");
        assertEquals(0.0, at(zeroTimes, 1000, Pipeline.standard()), 0.0);
        Variable zeroOver = T.trueDiv(T.constant(0.0), X);
        assertTrue(Double.isNaN(at(zeroOver, 0, Pipeline.none())), "plain form was already finite");
        assertEquals(0.0, at(zeroOver, 0, Pipeline.standard()), 0.0);
        Variable sign = T.trueDiv(X, T.abs(X));
        assertTrue(Double.isNaN(at(sign, 0, Pipeline.none())), "plain form was already finite");
        assertEquals(0.0, at(sign, 0, Pipeline.standard()), 0.0);
        assertEquals(-1.0, at(sign, Double.NEGATIVE_INFINITY, Pipeline.standard()), 0.0);
        assertEquals(1.0, at(sign, 2.5, Pipeline.standard()), 0.0);
    }

    @Test
    void logErfcAndItsGradientAreFinitePastTheUnderflow() {
        // mpmath: log(erfc(30)) = -903.9741171106439, d/dx = -2/sqrt(pi) exp(-900) / erfc(30) = -60.03329639875623
        Function<Variable, Variable> f = v -> T.log(T.elemwise(tdl.graph.ops.Scalar.ERFC, v));
        stableWhereThePlainFormIsNot(f, "log(erfc(x))", 30, -903.9741171106439);
        assertTrue(Double.isNaN(gradAt(f, 30, Pipeline.standard().without("LogErfcAsymptotic"))), "plain gradient was already finite");
        // Theano's series stops at x^-6: its error past the threshold is about 1e-11 relative
        assertEquals(-60.03329639875623, gradAt(f, 30, Pipeline.standard()), 1e-10 * 60);
        assertEquals(-2.6389675142347913, gradAt(f, 1, Pipeline.standard()), 1e-14);
    }

    @Test
    void complementsOfErfKeepTheirDigits() {
        // mpmath: erfc(10) = 2.088487583762545e-45; erf(1e-20) = 1.1283791670955125e-20
        Variable oneMinusErf = T.sub(1.0, T.elemwise(tdl.graph.ops.Scalar.ERF, X));
        assertEquals(0.0, at(oneMinusErf, 10, Pipeline.standard().without("ErfComplements")), 0.0);
        assertEquals(2.088487583762545e-45, at(oneMinusErf, 10, Pipeline.standard()), 1e-12 * 2.088487583762545e-45);
        Variable oneMinusErfc = T.sub(1.0, T.elemwise(tdl.graph.ops.Scalar.ERFC, X));
        assertEquals(0.0, at(oneMinusErfc, 1e-20, Pipeline.standard().without("ErfComplements")), 0.0);
        assertEquals(1.1283791670955125e-20, at(oneMinusErfc, 1e-20, Pipeline.standard()), 1e-14 * 1.1283791670955125e-20);
    }
}
