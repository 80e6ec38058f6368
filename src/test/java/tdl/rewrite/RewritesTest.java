package tdl.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.DotOp;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.TensorOps;

/** Before/after structure of each rewrite (numeric equality lives in tdl.function.RewriteNumericTest). */
class RewritesTest {
    private final TensorOps t = new TensorOps(() -> "r.tdl:1");
    private final Variable x = new Variable(new TensorType(DType.FLOAT64, 2), "x");

    private static Variable rewrite(Variable v) { return rewrite(v, new RewriteLog()); }

    // these tests read the rewritten expression: fusion (which would wrap it in one Fused node) is off
    private static Variable rewrite(Variable v, RewriteLog log) { return Pipeline.standard().without("fuse").run(List.of(v), log).get(0); }

    /** Compact structure: op(args) with Elemwise shown by scalar name, leaves by name/value. */
    private static String shape(Variable v) {
        if (v.owner() == null) return v.toString();
        Op op = v.owner().op();
        String head = op instanceof ElemwiseOp e ? e.scalar().pyName() : op.name();
        StringBuilder sb = new StringBuilder(head).append('(');
        List<Variable> in = v.owner().inputs();
        for (int i = 0; i < in.size(); i++) sb.append(i > 0 ? ", " : "").append(shape(in.get(i)));
        return sb.append(')').toString();
    }

    @Test
    void logOnePlusExpBecomesSoftplus() {
        Variable before = t.log(t.add(t.constant(1.0), t.exp(x)));
        assertEquals("log(add(1.0, exp(x)))", shape(before));
        RewriteLog log = new RewriteLog();
        assertEquals("softplus(x)", shape(rewrite(before, log)));
        assertEquals(1, log.count("LogOnePlusExpToSoftplus"));
        assertEquals("softplus(x)", shape(rewrite(t.log(t.add(t.exp(x), 1.0)))));
    }

    @Test
    void aBareSliceIsRemovedAndKeepsTheValue() {
        Variable m = new Variable(new tdl.graph.TensorType(tdl.graph.DType.FLOAT64, 2), "m");
        Variable before = t.exp(t.subtensor(m, List.of(new tdl.graph.ops.Index.Range(null, null, null))));
        assertTrue(shape(before).contains("Subtensor[:]"), shape(before));
        RewriteLog log = new RewriteLog();
        assertEquals("exp(m)", shape(rewrite(before, log)));
        assertEquals(1, log.count("UselessSlice"));
        tdl.graph.NDArray arg = tdl.graph.NDArray.of(new double[] {0, 1, 2, 3}, 2, 2);
        double[] plain = tdl.function.FunctionCompiler.compile(List.of(m), List.of(before), List.of(), java.util.Map.of(),
                tdl.function.FunctionCompiler.Options.defaults().withPipeline(Pipeline.none())).call(List.of(arg)).get(0).data();
        double[] rewritten = tdl.function.FunctionCompiler.compile(List.of(m), List.of(before), List.of(), java.util.Map.of(),
                tdl.function.FunctionCompiler.Options.defaults()).call(List.of(arg)).get(0).data();
        org.junit.jupiter.api.Assertions.assertArrayEquals(plain, rewritten);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, Math.E, Math.exp(2), Math.exp(3)}, rewritten, 1e-15);
    }

    @Test
    void constantOneIsRecognisedThroughDimShuffle() {
        Variable one = t.dimshuffle(t.constant(1.0), -1, -1); // a (1, 1) view of the scalar 1
        Variable before = t.log(t.add(one, t.exp(x)));
        assertTrue(shape(before).contains("DimShuffle{x,x}(1.0)"), shape(before));
        assertEquals("softplus(x)", shape(rewrite(before)));
    }

    @Test
    void logSigmoidBecomesNegSoftplusNeg() {
        assertEquals("neg(softplus(neg(x)))", shape(rewrite(t.log(t.sigmoid(x)))));
    }

    @Test
    void logOneMinusSigmoidBecomesNegSoftplus() {
        assertEquals("neg(softplus(x))", shape(rewrite(t.log(t.sub(1.0, t.sigmoid(x))))));
    }

    @Test
    void logOnePlusBecomesLog1p() {
        assertEquals("log1p(x)", shape(rewrite(t.log(t.add(t.constant(1.0), x)))));
        assertEquals("log1p(x)", shape(rewrite(t.log(t.add(x, 1.0)))));
        assertEquals("log1p(neg(x))", shape(rewrite(t.log(t.sub(1.0, x)))));
        assertEquals("log(sub(x, 1.0))", shape(rewrite(t.log(t.sub(x, 1.0)))));
    }

    @Test
    void reciprocalOfOnePlusExpNegBecomesSigmoid() {
        Variable before = t.trueDiv(1.0, t.add(t.constant(1.0), t.exp(t.neg(x))));
        RewriteLog log = new RewriteLog();
        assertEquals("sigmoid(x)", shape(rewrite(before, log)));
        assertEquals(1, log.count("SigmoidInProducts"), log.toString());
        assertEquals("sigmoid(x)", shape(rewrite(t.elemwise(Scalar.INV, t.add(t.exp(t.neg(x)), t.constant(1.0))))));
    }

    @Test
    void transposedDotOperandsUseTransposeFlags() {
        Variable a = new Variable(new TensorType(DType.FLOAT64, 2), "a");
        Variable b = new Variable(new TensorType(DType.FLOAT64, 2), "b");
        Variable ta = rewrite(t.dot(t.transpose(a), b));
        assertEquals(new DotOp(true, false), ta.owner().op());
        assertEquals("Dot{TN}(a, b)", shape(ta));
        assertEquals("Dot{NT}(a, b)", shape(rewrite(t.dot(a, t.transpose(b)))));
        assertEquals("Dot{TT}(a, b)", shape(rewrite(t.dot(t.transpose(a), t.transpose(b)))));
    }

    @Test
    void algebraicIdentitiesSimplify() {
        assertSame(x, rewrite(t.mul(x, 1.0)));
        assertSame(x, rewrite(t.mul(t.constant(1.0), x)));
        assertSame(x, rewrite(t.add(x, 0.0)));
        assertSame(x, rewrite(t.sub(x, 0.0)));
        assertSame(x, rewrite(t.neg(t.neg(x))));
        assertSame(x, rewrite(t.trueDiv(x, 1.0)));
        assertSame(x, rewrite(t.add(t.mul(t.add(x, 0.0), 1.0), 0.0)));
    }

    @Test
    void simplificationKeepsTypesAndShapes() {
        Variable k = new Variable(new TensorType(DType.INT64, 1), "k");
        // k * 1.5-like float constant changes the dtype: k * 1.0 is float64, k is not
        Variable kf = Apply.make(new ElemwiseOp(Scalar.MUL), List.of(k, new Constant(NDArray.scalar(1.0))), null).output();
        assertEquals(DType.FLOAT64, kf.dtype());
        assertEquals("mul(k, 1.0)", shape(rewrite(kf)));
        // adding a zero matrix may broadcast x: not dropped
        Variable zeros = new Constant(NDArray.zeros(DType.FLOAT64, 3, 3));
        Variable widened = t.add(x, zeros);
        assertNotSame(x, rewrite(widened));
    }

    @Test
    void mergeMakesEqualSubgraphsOneNode() {
        Variable e1 = t.exp(x), e2 = t.exp(x);
        Variable c1 = new Constant(NDArray.scalar(2.0)), c2 = new Constant(NDArray.scalar(2.0));
        Variable sum = t.add(t.mul(e1, t.sub(x, c1)), t.mul(e2, t.sub(x, c2)));
        RewriteLog log = new RewriteLog();
        Variable after = rewrite(sum, log);
        Apply add = after.owner();
        assertSame(add.inputs().get(0), add.inputs().get(1));
        assertTrue(log.count("MergeConstants") >= 1 && log.count("MergeNodes") >= 1, log.toString());
    }

    @Test
    void constantsFold() {
        Variable before = t.mul(t.mul(t.constant(2.0), t.exp(t.constant(0.0))), x);
        Variable after = rewrite(before);
        assertEquals("mul(2.0, x)", shape(after));
        assertTrue(after.owner().inputs().get(0) instanceof Constant);
    }

    /** A random draw: never folded, never merged. */
    private record Draw() implements Op {
        @Override public String name() { return "Draw"; }

        @Override public List<TensorType> outputTypes(List<TensorType> in) { return List.of(in.get(0)); }

        @Override public List<Variable> grad(Apply node, List<Variable> g) { return java.util.Arrays.asList((Variable) null); }

        @Override public boolean isStochastic() { return true; }
    }

    @Test
    void stochasticNodesAreNeitherFoldedNorMerged() {
        Variable c = t.constant(1.0);
        Variable d1 = Apply.make(new Draw(), List.of(c), null).output();
        Variable d2 = Apply.make(new Draw(), List.of(c), null).output();
        Variable after = rewrite(t.add(d1, d2));
        assertEquals("add(Draw(1.0), Draw(1.0))", shape(after));
        assertNotSame(after.owner().inputs().get(0), after.owner().inputs().get(1));
    }

    @Test
    void switchingARewriteOffKeepsThePlainForm() {
        Variable before = t.log(t.add(t.constant(1.0), t.exp(x)));
        Variable after = Pipeline.standard().without("LogOnePlusExpToSoftplus", "fuse").run(List.of(before), new RewriteLog()).get(0);
        assertEquals("log1p(exp(x))", shape(after)); // the next stabiliser still applies
        Variable plain = Pipeline.standard().without("LogOnePlusExpToSoftplus", "LogOnePlusToLog1p", "fuse")
                .run(List.of(before), new RewriteLog()).get(0);
        assertEquals("log(add(1.0, exp(x)))", shape(plain));
        assertEquals("log(add(1.0, exp(x)))", shape(Pipeline.standard().without("stabilize", "fuse")
                .run(List.of(before), new RewriteLog()).get(0)));
    }

    @Test
    void pipelineListsPhasesInOrder() {
        List<String> names = Pipeline.standard().phases().stream().map(Phase::name).toList();
        assertEquals(List.of("merge", "canonicalize", "stabilize", "specialize", "merge", "fuse", "memory", "inplace"), names);
    }

    @Test
    void gradientFillsSinkIntoOneAllocAndVanishWhereShapesMatch() {
        // what grad(sum(sqr(x))) builds: (zeros_like(sqr x) + 1) * (2 * x), summed back to x's shape
        Variable sq = t.sqr(x);
        Variable ones = t.add(t.zerosLike(sq), t.dimshuffle(t.constant(1.0), -1, -1));
        Variable before = t.sumToShape(t.mul(ones, t.mul(t.constant(2.0), x)), x);
        assertTrue(shape(before).startsWith("SumToShape(mul(add(Alloc(0.0, "), shape(before));
        RewriteLog log = new RewriteLog();
        assertEquals("mul(2.0, x)", shape(rewrite(before, log)));
        assertTrue(log.count("FillSink") >= 1 && log.count("UselessFill") >= 1 && log.count("UselessSumToShape") >= 1,
                log.toString());
    }

    @Test
    void fillSinkMovesScalarWorkIntoTheAllocValue() {
        Variable s = new Variable(new TensorType(DType.FLOAT64, 0), "s");
        Variable before = t.mul(t.onesLike(x), s);
        Variable after = Pipeline.standard().without("fuse", "UselessFill").run(List.of(before), new RewriteLog()).get(0);
        assertTrue(shape(after).startsWith("Alloc(s, "), shape(after)); // 1 * s folded, then the alloc of it
        // an operand with more than one element is not sunk: it decides the result's shape
        Variable y = new Variable(new TensorType(DType.FLOAT64, 2), "y");
        assertTrue(shape(rewrite(t.mul(t.onesLike(x), y))).startsWith("mul(Alloc(1.0, "));
    }

    @Test
    void fillsAndSumToShapeStayWhenBroadcastingMayHappen() {
        Variable y = new Variable(new TensorType(DType.FLOAT64, 2), "y");
        // x - y may be wider than y (either may be broadcast): the reduction must stay
        Variable g = t.sumToShape(t.sub(x, y), y);
        assertEquals("SumToShape(sub(x, y), y)", shape(rewrite(g)));
        // ones shaped like x times y: y may be smaller than x
        assertTrue(shape(rewrite(t.mul(t.onesLike(x), y))).contains("Alloc"));
        // a rank-1 operand against a matrix proves nothing either
        Variable v = new Variable(new TensorType(DType.FLOAT64, 1), "v");
        assertEquals("SumToShape(mul(x, v), x)", shape(rewrite(t.sumToShape(t.mul(x, v), x))));
    }

    @Test
    void shapeFactsFollowElementwiseSumToShapeAndAlloc() {
        Variable y = new Variable(new TensorType(DType.FLOAT64, 2), "y");
        Variable s = new Variable(new TensorType(DType.FLOAT64, 0), "s");
        assertTrue(ShapeFacts.sameShape(t.exp(x), t.mul(s, t.neg(x))));
        assertTrue(ShapeFacts.sameShape(t.sumToShape(y, x), x));
        assertTrue(ShapeFacts.sameShape(t.zerosLike(t.sqr(x)), x));
        assertTrue(ShapeFacts.sameShape(t.add(x, t.exp(x)), x));
        assertTrue(ShapeFacts.isSingleton(t.dimshuffle(t.constant(2.0), -1, -1)));
        assertTrue(!ShapeFacts.sameShape(t.add(x, y), x));
        assertTrue(!ShapeFacts.sameShape(x, y));
        assertTrue(!ShapeFacts.isSingleton(x));
    }

    @Test
    void deepChainRewritesWithoutStackOverflow() {
        Variable y = x;
        for (int i = 0; i < 5000; i++) y = t.mul(t.add(y, 0.0), 1.0);
        assertSame(x, rewrite(y));
    }

    private static Variable gradOfSum(Variable f, Variable wrt) {
        return tdl.grad.Grad.grad(new TensorOps(() -> "r.tdl:1").sum(f), List.of(wrt), java.util.Set.of(),
                tdl.vocab.OnUnused.RAISE, null).get(0);
    }

    @Test
    void commonFactorsCancelInAProduct() {
        Variable s = t.sigmoid(x), g = new Variable(new TensorType(DType.FLOAT64, 2), "g");
        Variable before = t.mul(t.trueDiv(g, s), t.mul(s, t.sub(1.0, s)));
        RewriteLog log = new RewriteLog();
        assertEquals("mul(g, sigmoid(neg(x)))", shape(rewrite(before, log)));
        assertEquals(1, log.count("MulCanonizer"), log.toString());
        // a factor read through a quotient: e / (1 / d) / d is e
        Variable d = t.add(x, 2.0), e = t.exp(x);
        assertEquals("exp(x)", shape(rewrite(t.trueDiv(t.trueDiv(e, t.trueDiv(1.0, d)), d))));
    }

    @Test
    void gradientOfLogSigmoidBecomesSigmoidOfMinusX() {
        Variable after = rewrite(gradOfSum(t.log(t.sigmoid(x)), x));
        assertTrue(shape(after).contains("sigmoid(neg(x))") && !shape(after).contains("true_div"), shape(after));
    }

    @Test
    void cancellingKeepsTheShapeOrDoesNotHappen() {
        // x / x broadcasts a scalar c to x's shape: dropping x would leave a scalar
        Variable c = new Variable(new TensorType(DType.FLOAT64, 2), "c");
        Variable before = t.mul(t.sum(c), t.trueDiv(x, x));
        assertTrue(shape(rewrite(before)).contains("true_div(x, x)"), shape(rewrite(before)));
    }

    @Test
    void sigmoidFormsOfExp() {
        assertEquals("sigmoid(neg(x))", shape(rewrite(t.trueDiv(1.0, t.add(t.constant(1.0), t.exp(x))))));
        assertEquals("sigmoid(x)", shape(rewrite(t.trueDiv(t.exp(x), t.add(t.constant(1.0), t.exp(x))))));
        assertEquals("sigmoid(x)", shape(rewrite(t.trueDiv(t.exp(x), t.add(t.exp(x), 1.0)))));
        Variable y = new Variable(new TensorType(DType.FLOAT64, 2), "y");
        assertEquals("mul(y, sigmoid(neg(x)))", shape(rewrite(t.trueDiv(y, t.add(t.exp(x), 1.0)))));
        assertEquals("sigmoid(neg(x))", shape(rewrite(t.trueDiv(t.sigmoid(x), t.exp(x)))));
    }

    @Test
    void oneMinusSigmoidBecomesSigmoidOfMinusX() {
        RewriteLog log = new RewriteLog();
        assertEquals("sigmoid(neg(x))", shape(rewrite(t.sub(1.0, t.sigmoid(x)), log)));
        assertEquals(1, log.count("OneMinusSigmoid"));
        assertEquals("sigmoid(x)", shape(rewrite(t.sub(1.0, t.sigmoid(t.neg(x))))));
    }

    @Test
    void logOfTheTutorialsSigmoidBecomesSoftplus() {
        Variable p = t.trueDiv(1.0, t.add(t.constant(1.0), t.exp(t.neg(x))));
        assertEquals("neg(softplus(neg(x)))", shape(rewrite(t.log(p))));
        assertEquals("neg(softplus(x))", shape(rewrite(t.log(t.sub(1.0, p)))));
    }

    @Test
    void aSumIsMultipliedOutWhenATermThenCancels() {
        Variable e = t.exp(x);
        RewriteLog log = new RewriteLog();
        Variable before = t.mul(t.add(t.trueDiv(t.sqr(x), e), t.tanh(x)), e);
        assertEquals("add(sqr(x), mul(tanh(x), exp(x)))", shape(rewrite(before, log)));
        assertTrue(log.count("DistributeToCancel") > 0, log.toString());
        // nothing would cancel: the product stays as written
        Variable kept = t.mul(t.add(t.sqr(x), t.tanh(x)), e);
        assertEquals("mul(add(sqr(x), tanh(x)), exp(x))", shape(rewrite(kept)));
    }

    @Test
    void expMinusOneBecomesExpm1AndLog1pOfMinusSigmoidNegSoftplus() {
        RewriteLog log = new RewriteLog();
        assertEquals("expm1(x)", shape(rewrite(t.sub(t.exp(x), 1.0), log)));
        assertEquals(1, log.count("ExpMinusOneToExpm1"));
        assertEquals("sub(exp(x), 2.0)", shape(rewrite(t.sub(t.exp(x), 2.0))));
        assertEquals("neg(softplus(x))", shape(rewrite(t.log1p(t.neg(t.sigmoid(x))))));
    }

    @Test
    void logSumExpIsShiftedByTheMaxAndLogAddExpByTheLarger() {
        RewriteLog log = new RewriteLog();
        Variable after = rewrite(t.log(t.sum(t.exp(x), new int[] {1}, false)), log);
        assertEquals("add(switch(isinf(Max{[1]}(x)), 0.0, Max{[1]}(x)), log(Sum{[1]}(exp(sub(x, switch(isinf(Max{[1], keepdims}(x)), 0.0, "
                + "Max{[1], keepdims}(x)))))))", shape(after));
        assertEquals(1, log.count("LogSumExp"));
        Variable y = new Variable(new TensorType(DType.FLOAT64, 2), "y");
        RewriteLog log2 = new RewriteLog();
        String s = shape(rewrite(t.log(t.add(t.exp(x), t.exp(y))), log2));
        assertEquals(1, log2.count("LogAddExp"));
        assertTrue(s.startsWith("add(maximum(x, y), ") && s.contains("softplus(neg(abs(switch(isnan(sub(x, y)), 0.0, sub(x, y)))))"), s);
        // the log-softmax's own shifted sum is not rewritten again
        RewriteLog log3 = new RewriteLog();
        rewrite(t.log(t.softmax(x)), log3);
        assertEquals(0, log3.count("LogSumExp"));
    }

    @Test
    void logOfSoftmaxBecomesLogSoftmax() {
        RewriteLog log = new RewriteLog();
        Variable after = rewrite(t.log(t.softmax(x)), log);
        assertEquals("sub(sub(x, Max{[1], keepdims}(x)), log(Sum{[1], keepdims}(exp(sub(x, Max{[1], keepdims}(x))))))", shape(after));
        assertEquals(1, log.count("LogSoftmax"));
        // indexing first: log(softmax(x)[i, j]) reads the log-softmax instead
        Variable i = new Variable(new TensorType(DType.INT64, 1), "i");
        Variable read = t.subtensor(t.softmax(x), List.of(new tdl.graph.ops.Index.Vector(i), new tdl.graph.ops.Index.Vector(i)));
        String s = shape(rewrite(t.log(read)));
        assertTrue(s.startsWith("AdvancedSubtensor(sub(sub(x, Max") && !s.contains("Softmax"), s);
    }

    @Test
    void softmaxPullbackThroughLogCancelsTheDivision() {
        // categorical_crossentropy(softmax(x), i) = -log(softmax(x)[arange(n), i]): the log's
        // pullback divides by softmax(x)[arange(n), i] inside the scatter of the indexing gradient
        Variable i = new Variable(new TensorType(DType.INT64, 1), "i");
        Variable g = gradOfSum(t.categoricalCrossentropy(t.softmax(x), i), x);
        assertTrue(shape(g).contains("true_div"), shape(g));
        RewriteLog log = new RewriteLog();
        String after = shape(rewrite(g, log));
        assertTrue(log.count("SoftmaxGradOfLog") > 0, log.toString());
        assertTrue(!after.contains("true_div"), after);
        // the elementwise form (one-hot targets) needs only the product rules
        Variable onehot = new Variable(new TensorType(DType.FLOAT64, 2), "t");
        String elementwise = shape(rewrite(gradOfSum(t.categoricalCrossentropy(t.softmax(x), onehot), x)));
        assertTrue(!elementwise.contains("true_div"), elementwise);
    }

    @Test
    void softmaxOfAVectorPullbackThroughLogCancelsTheDivisionToo() {
        // softmax(v) is softmax(v.dimshuffle('x', 0)), of shape (1, n); the gradient seeds the log with
        // alloc(1, 1, v.shape[0]), which only the per-axis inference proves to have p's shape (it was NaN
        // at logits of +-1000)
        Variable v = new Variable(new TensorType(DType.FLOAT64, 1), "v");
        Variable g = gradOfSum(t.log(t.softmax(t.dimshuffle(v, -1, 0))), v);
        RewriteLog log = new RewriteLog();
        String after = shape(rewrite(g, log));
        assertTrue(log.count("SoftmaxGradOfLog") > 0, log + " " + after);
        assertTrue(!after.contains("true_div"), after);
    }

    @Test
    void handWrittenSoftmaxBecomesSoftmax() {
        // Theano 1.0's softmax_simplifier: exp(x) / sum(exp(x), axis=1) with the axis kept, either way
        RewriteLog log = new RewriteLog();
        Variable e = t.exp(x);
        assertEquals("Softmax(x)", shape(rewrite(t.trueDiv(e, t.sum(e, new int[] {1}, true)), log)));
        assertEquals(1, log.count("ExpOverSumExpToSoftmax"));
        assertEquals("Softmax(x)", shape(rewrite(t.trueDiv(e, t.dimshuffle(t.sum(t.exp(x), new int[] {1}, false), 0, -1)))));
        Variable y = new Variable(new TensorType(DType.FLOAT64, 2), "y");
        assertEquals("mul(y, Softmax(x))", shape(rewrite(t.trueDiv(t.mul(y, e), t.sum(e, new int[] {1}, true)))));
        // the gradient of log(sum(exp(x), axis=1)): dimshuffle(g / sum(exp(x)), (0, 'x')) * exp(x)
        Variable v = new Variable(new TensorType(DType.FLOAT64, 1), "v");
        Variable grad = t.mul(t.dimshuffle(t.trueDiv(v, t.sum(e, new int[] {1}, false)), 0, -1), e);
        assertEquals("mul(DimShuffle{0,x}(v), Softmax(x))", shape(rewrite(grad)));
        // another axis, another x, a vector or an integer x: left as written (as Theano)
        for (Variable kept : List.of(t.trueDiv(e, t.sum(e, new int[] {0}, true)), t.trueDiv(e, t.sum(t.exp(y), new int[] {1}, true)),
                t.trueDiv(t.exp(v), t.sum(t.exp(v), new int[] {0}, true)))) {
            RewriteLog none = new RewriteLog();
            String after = shape(rewrite(kept, none));
            assertEquals(0, none.count("ExpOverSumExpToSoftmax"), after);
            assertTrue(!after.contains("Softmax"), after);
        }
    }

    @Test
    void productsAndQuotientsMoveIntoTheNonzeroBranchOfASwitch() {
        // Theano 1.0's local_mul_switch_sink / local_div_switch_sink
        Variable c = t.gt(x, t.constant(0.0));
        Variable y = new Variable(new TensorType(DType.FLOAT64, 2), "y");
        RewriteLog log = new RewriteLog();
        assertEquals("switch(gt(x, 0.0), mul(y, x), 0.0)", shape(rewrite(t.mul(t.switchOp(c, x, t.constant(0.0)), y), log)));
        assertEquals(1, log.count("SinkIntoZeroSwitch"));
        assertEquals("switch(gt(x, 0.0), 0.0, mul(y, x))", shape(rewrite(t.mul(y, t.switchOp(c, t.constant(0.0), x)))));
        assertEquals("switch(gt(x, 0.0), true_div(x, y), 0.0)", shape(rewrite(t.trueDiv(t.switchOp(c, x, t.constant(0.0)), y))));
        // no constant 0 branch, or the switch below the division: left as written
        assertEquals("mul(switch(gt(x, 0.0), x, 1.0), y)", shape(rewrite(t.mul(t.switchOp(c, x, t.constant(1.0)), y))));
        assertEquals("true_div(y, switch(gt(x, 0.0), x, 0.0))", shape(rewrite(t.trueDiv(y, t.switchOp(c, x, t.constant(0.0))))));
    }

    @Test
    void zeroTimesOrOverAnythingIsZeros() {
        // Theano 1.0's local_mul_zero / local_zero_div: zeros of x's shape, x read only for its shape
        RewriteLog log = new RewriteLog();
        String after = shape(rewrite(t.mul(t.constant(0.0), x), log));
        assertEquals(1, log.count("ZeroProductToZeros"));
        assertTrue(after.startsWith("Alloc(0.0, ") && !after.contains("mul"), after);
        assertTrue(shape(rewrite(t.trueDiv(t.constant(0.0), t.exp(x)))).startsWith("Alloc(0.0, "));
        // a nonzero constant, or the 0 below: left as written
        assertEquals("mul(x, 2.0)", shape(rewrite(t.mul(x, 2.0))));
        assertEquals("true_div(x, 0.0)", shape(rewrite(t.trueDiv(x, t.constant(0.0)))));
    }

    @Test
    void xOverItsAbsoluteValueIsItsSign() {
        // Theano 1.0's check_for_x_over_absX
        RewriteLog log = new RewriteLog();
        assertEquals("sgn(x)", shape(rewrite(t.trueDiv(x, t.abs(x)), log)));
        assertEquals(1, log.count("XOverAbsXToSign"));
        Variable y = new Variable(new TensorType(DType.FLOAT64, 2), "y");
        assertEquals("mul(y, sgn(x))", shape(rewrite(t.trueDiv(t.mul(y, x), t.abs(x)))));
        // abs above, another variable, or integers: left as written
        assertEquals("true_div(abs(x), x)", shape(rewrite(t.trueDiv(t.abs(x), x))));
        assertEquals("true_div(y, abs(x))", shape(rewrite(t.trueDiv(y, t.abs(x)))));
        Variable i = new Variable(new TensorType(DType.INT64, 2), "i");
        assertEquals("true_div(i, abs(i))", shape(rewrite(t.trueDiv(i, t.abs(i)))));
    }

    @Test
    void logErfcAndItsGradientSwitchToTheSeriesPastTheThreshold() {
        // Theano 1.0's local_log_erfc / local_grad_log_erfc_neg
        RewriteLog log = new RewriteLog();
        String after = shape(rewrite(t.log(t.elemwise(Scalar.ERFC, x)), log));
        assertEquals(1, log.count("LogErfcAsymptotic"));
        assertTrue(after.startsWith("switch(lt(x, 26.641747557), log(erfc(minimum(x, 26.641747557))), "), after);
        // the gradient's g / erfc(x) * (exp(-sqr(x)) * c): the pair becomes the ratio's switch
        Variable y = new Variable(new TensorType(DType.FLOAT64, 2), "y");
        Variable grad = t.mul(t.trueDiv(y, t.elemwise(Scalar.ERFC, x)), t.mul(t.exp(t.neg(t.sqr(x))), -1.1283791670955126));
        String g = shape(rewrite(grad));
        assertTrue(g.contains("switch(lt(x, 26.641747557), true_div(exp(neg(sqr(minimum(x, 26.641747557)))), erfc(minimum(x, 26.641747557))), ")
                && !g.contains("erfc(x)"), g);
        // another argument to the exp, or log of something else: left as written
        assertEquals("true_div(exp(neg(y)), erfc(x))", shape(rewrite(t.trueDiv(t.exp(t.neg(y)), t.elemwise(Scalar.ERFC, x)))));
        assertEquals("log(erf(x))", shape(rewrite(t.log(t.elemwise(Scalar.ERF, x)))));
    }

    @Test
    void complementsOfErfAndErfcAreTheOtherFunction() {
        // Theano 1.0's local_one_minus_erf family
        Variable erf = t.elemwise(Scalar.ERF, x), erfc = t.elemwise(Scalar.ERFC, x);
        RewriteLog log = new RewriteLog();
        assertEquals("erfc(x)", shape(rewrite(t.sub(1.0, erf), log)));
        assertEquals(1, log.count("ErfComplements"));
        assertEquals("erfc(x)", shape(rewrite(t.add(t.constant(1.0), t.neg(erf)))));
        assertEquals("erfc(neg(x))", shape(rewrite(t.add(erf, 1.0))));
        assertEquals("neg(erfc(x))", shape(rewrite(t.sub(erf, 1.0))));
        assertEquals("erf(x)", shape(rewrite(t.sub(1.0, erfc))));
        assertEquals("erf(x)", shape(rewrite(t.sub(t.elemwise(Scalar.ERFC, t.neg(x)), 1.0))));
        // forms Theano leaves: 1 + erfc(x), -1 - erf(x), 2 - erf(x)
        assertEquals("add(1.0, erfc(x))", shape(rewrite(t.add(t.constant(1.0), erfc))));
        assertEquals("sub(-1.0, erf(x))", shape(rewrite(t.sub(-1.0, erf))));
        assertEquals("sub(2.0, erf(x))", shape(rewrite(t.sub(2.0, erf))));
    }
}
