package tdl.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tdl.function.CompiledFunction;
import tdl.function.FunctionCompiler;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.GraphWalk;
import tdl.graph.NDArray;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.AllocOp;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.Index;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.ShapeOp;
import tdl.graph.ops.SumToShapeOp;
import tdl.graph.ops.TensorOps;
import tdl.vocab.OnUnused;

/**
 * The rewrites that read {@link ShapeInference}: each one's before/after structure (gone where the
 * sizes are proved, kept where broadcasting or data could change them) and its numeric equality
 * (compiled with and without it).
 */
class ShapeRewritesTest {
    private final TensorOps t = new TensorOps(() -> "s.tdl:1");
    private final Variable a = matrix("a"), b = matrix("b"), x = matrix("x");
    private final Variable v = new Variable(new TensorType(DType.FLOAT64, 1), "v");

    private static Variable matrix(String name) { return new Variable(new TensorType(DType.FLOAT64, 2), name); }

    private static Variable rewrite(Variable out, RewriteLog log) {
        return Pipeline.standard().without("fuse").run(List.of(out), log).get(0);
    }

    private static Variable rewrite(Variable out) { return rewrite(out, new RewriteLog()); }

    private static long count(Variable out, Class<? extends Op> kind) {
        return GraphWalk.toposort(List.of(out)).stream().filter(n -> kind.isInstance(n.op())).count();
    }

    private static boolean computes(Variable out, Scalar s) {
        for (Apply n : GraphWalk.toposort(List.of(out))) if (n.op() instanceof ElemwiseOp e && e.scalar() == s) return true;
        return false;
    }

    // ---- ShapeFromInputs ----

    @Test
    void aShapeAskedOfAForwardValueIsAnsweredFromTheInputs() {
        Variable h = t.softplus(t.dot(a, b));
        Variable rows = t.shapeAt(t.sum(h, new int[] {1}, false), 0);
        RewriteLog log = new RewriteLog();
        Variable after = rewrite(t.cast(rows, DType.FLOAT64), log);
        assertTrue(log.count("ShapeFromInputs") > 0, log.toString());
        assertFalse(computes(after, Scalar.SOFTPLUS), "the forward value is dead");
        Apply sub = after.owner().inputs().get(0).owner();
        assertSame(a, sub.inputs().get(0).owner().inputs().get(0), "read from a.shape");
        // x.shape of a value with x's shape is x.shape; all sizes known: a constant
        Variable whole = rewrite(t.shape(t.exp(x)));
        assertSame(x, whole.owner().inputs().get(0));
        Variable known = rewrite(t.shape(t.exp(new Constant(NDArray.zeros(DType.FLOAT64, 2, 3)))));
        assertTrue(known instanceof Constant c && c.value().get(0) == 2 && c.value().get(1) == 3);
    }

    @Test
    void aShapeThatDependsOnABroadcastOrOnDataStays() {
        // x + v: axis 1 is x.shape[1] or v.shape[0]; asked of exp(x + v), it is read on x + v itself
        Variable sum = t.add(x, v);
        Variable after = rewrite(t.shapeAt(t.exp(sum), 1));
        Variable source = after.owner().inputs().get(0).owner().inputs().get(0);
        assertTrue(source.owner().op() instanceof ElemwiseOp e && e.scalar() == Scalar.ADD, source.toString());
        // x[x > 0] has as many elements as x has positive ones
        Variable picked = t.subtensor(x, List.of(new Index.Mask(t.gt(x, t.constant(0.0)))));
        Variable n = rewrite(t.shapeAt(t.exp(picked), 0));
        assertFalse(computes(n, Scalar.EXP), "exp keeps the size: read on the indexing result");
        Apply shape = n.owner().inputs().get(0).owner();
        assertTrue(shape.op() instanceof ShapeOp && shape.inputs().get(0).owner().op().name().startsWith("AdvancedSubtensor"),
                shape.inputs().get(0).owner().op().name());
    }

    // ---- UselessSumToShape (through ShapeInference) ----

    @Test
    void sumToShapeGoesWhenTheInferredShapesAreEqual() {
        Variable g = t.sumToShape(t.exp(t.sum(x, new int[] {1}, false)), t.max(x, new int[] {1}, false));
        assertEquals(0, count(rewrite(g), SumToShapeOp.class));
        Variable h = t.sumToShape(t.mul(t.dot(a, b), 2.0), t.dot(a, b));
        assertEquals(0, count(rewrite(h), SumToShapeOp.class));
        // the gradient of a + v with respect to a: v may be wider than a (a.shape[1] = 1)
        Variable kept = t.sumToShape(t.exp(t.add(a, v)), a);
        assertEquals(1, count(rewrite(kept), SumToShapeOp.class));
        Variable wide = t.sumToShape(t.exp(t.add(a, v)), v);
        assertEquals(1, count(rewrite(wide), SumToShapeOp.class));
    }

    // ---- UselessAlloc ----

    @Test
    void anAllocOfAValueOfItsOwnShapeGoes() {
        Variable e = t.exp(x);
        Variable copy = t.alloc(e, t.shapeAt(x, 0), t.shapeAt(x, 1));
        RewriteLog log = new RewriteLog();
        assertSame(e.owner().op(), rewrite(copy, log).owner().op());
        assertEquals(1, log.count("UselessAlloc"), log.toString());
        // a vector spread over x's rows is a real broadcast
        Variable spread = t.alloc(t.exp(v), t.shapeAt(x, 0), t.shapeAt(x, 1));
        assertEquals(1, count(rewrite(spread), AllocOp.class));
        // another matrix's shape: not provably the same
        Variable other = t.alloc(e, t.shapeAt(a, 0), t.shapeAt(a, 1));
        assertEquals(1, count(rewrite(other), AllocOp.class));
    }

    // ---- ZerosPlusToAlloc and AllocInElemwise ----

    @Test
    void zerosPlusAColumnThenTimesAValueOfTheFullShapeIsJustTheProduct() {
        // what grad(sum(softplus(x), axis=1)) builds: zeros_like(h) + g[:, None], times sigmoid(h)
        Variable h = t.dot(a, b);
        Variable col = t.dimshuffle(t.exp(t.sum(a, new int[] {1}, false)), 0, -1);
        Variable before = t.mul(t.add(t.zerosLike(t.softplus(h)), col), t.sigmoid(h));
        RewriteLog log = new RewriteLog();
        Variable after = rewrite(before, log);
        assertEquals(0, count(after, AllocOp.class), after.toString());
        assertFalse(computes(after, Scalar.SOFTPLUS));
        assertTrue(log.count("ZerosPlusToAlloc") > 0 && log.count("AllocInElemwise") > 0, log.toString());
    }

    @Test
    void zerosPlusAValueOfTheirShapeIsTheValue() {
        Variable e = t.exp(t.dot(a, b));
        Variable after = rewrite(t.add(t.zerosLike(t.softplus(t.dot(a, b))), e));
        assertTrue(after.owner().op() instanceof ElemwiseOp op && op.scalar() == Scalar.EXP, after.toString());
        assertEquals(0, count(after, AllocOp.class));
        Variable direct = new ZerosPlusToAlloc().apply(t.add(e, t.zerosLike(e)).owner());
        assertSame(e, new UselessAlloc().apply(direct.owner()));
    }

    @Test
    void fillsStayWhereTheOtherOperandMayBeSmaller() {
        Variable col = t.dimshuffle(t.exp(t.sum(a, new int[] {1}, false)), 0, -1);
        // y's shape is unknown: the zeros give the result a's shape, y might not
        Variable y = matrix("y");
        Variable kept = rewrite(t.mul(t.add(t.zerosLike(t.dot(a, b)), col), y));
        assertEquals(1, count(kept, AllocOp.class), kept.toString());
        // zeros + y with y possibly wider than the zeros: the sum stays a sum
        Variable wide = rewrite(t.add(t.zerosLike(a), y));
        assertTrue(computes(wide, Scalar.ADD), wide.toString());
    }

    // ---- DimShuffleOfFill ----

    @Test
    void aDimshuffledOneElementFillIsAFillOfTheNewShape() {
        Variable s = new Variable(new TensorType(DType.FLOAT64, 0), "s");
        Variable fill = t.alloc(s, t.shapeAt(x, 0));
        Variable before = t.dimshuffle(fill, 0, -1);
        Variable after = new DimShuffleOfFill().apply(before.owner());
        assertTrue(after.owner().op() instanceof AllocOp && after.owner().inputs().size() == 3);
        assertEquals(List.of(new Dim.Of(x, 0), Dim.ONE), new ShapeInference().shapeOf(after));
        // then times exp(x): the fill is gone
        assertEquals(0, count(rewrite(t.mul(before, t.exp(x))), AllocOp.class));
        // a vector value would land on another axis: not moved
        Variable vfill = t.alloc(v, t.shapeAt(x, 0), t.shapeAt(v, 0));
        assertEquals(null, new DimShuffleOfFill().apply(t.dimshuffle(vfill, 1, 0).owner()));
        // dropping an axis that is not provably 1 must keep the dimshuffle's run-time check
        Variable sq = t.alloc(s, t.shapeAt(x, 0), t.shapeAt(x, 1));
        assertEquals(null, new DimShuffleOfFill().apply(t.dimshuffle(sq, 0).owner()));
    }

    // ---- numeric equality: each rule on and off ----

    private Variable graph(String rule) {
        Variable h = t.dot(x, a);
        Variable col = t.dimshuffle(t.exp(t.sum(x, new int[] {1}, false)), 0, -1);
        return switch (rule) {
            case "ShapeFromInputs" -> t.mul(h, t.cast(t.shapeAt(t.softplus(h), 0), DType.FLOAT64));
            case "UselessAlloc" -> t.add(t.alloc(t.exp(h), t.shapeAt(h, 0), t.shapeAt(h, 1)), a);
            case "ZerosPlusToAlloc" -> t.add(t.add(t.zerosLike(t.softplus(h)), col), a);
            case "AllocInElemwise" -> t.mul(t.alloc(col, t.shapeAt(h, 0), t.shapeAt(h, 1)), t.sigmoid(h));
            case "DimShuffleOfFill" -> t.mul(t.dimshuffle(t.alloc(t.sum(a), t.shapeAt(x, 0)), 0, -1), t.exp(h));
            case "UselessSumToShape" -> t.add(t.sumToShape(t.exp(t.sum(h, new int[] {1}, false)), t.max(x, new int[] {1}, false)),
                    t.sum(a, new int[] {0}, false));
            default -> throw new IllegalArgumentException(rule);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"ShapeFromInputs", "UselessAlloc", "ZerosPlusToAlloc", "AllocInElemwise", "DimShuffleOfFill",
        "UselessSumToShape"})
    void eachRuleKeepsTheValues(String rule) {
        Random rng = new Random(rule.hashCode());
        NDArray xv = random(rng, 3, 3), av = random(rng, 3, 3);
        Variable out = graph(rule);
        FunctionCompiler.Options opts = FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE);
        CompiledFunction on = FunctionCompiler.compile(List.of(x, a), List.of(out), List.of(), Map.of(), opts);
        assertTrue(on.rewriteLog().count(rule) > 0, rule + " did not fire: " + on.rewriteLog());
        CompiledFunction off = FunctionCompiler.compile(List.of(x, a), List.of(out), List.of(), Map.of(),
                opts.withPipeline(Pipeline.standard().without(rule)));
        CompiledFunction plain = FunctionCompiler.compile(List.of(x, a), List.of(out), List.of(), Map.of(),
                opts.withPipeline(Pipeline.none()));
        double[] with = on.call(List.of(xv, av)).get(0).data();
        assertArrayEquals(off.call(List.of(xv, av)).get(0).data(), with, 1e-12, rule);
        assertArrayEquals(plain.call(List.of(xv, av)).get(0).data(), with, 1e-12, rule);
    }

    @Test
    void zeroSizeArgumentsGiveTheSameEmptyResults() {
        Variable out = graph("AllocInElemwise");
        FunctionCompiler.Options opts = FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE);
        NDArray xv = NDArray.zeros(DType.FLOAT64, 0, 3), av = random(new Random(3), 3, 3);
        NDArray on = FunctionCompiler.compile(List.of(x, a), List.of(out), List.of(), Map.of(), opts).call(List.of(xv, av)).get(0);
        NDArray off = FunctionCompiler.compile(List.of(x, a), List.of(out), List.of(), Map.of(), opts.withPipeline(Pipeline.none()))
                .call(List.of(xv, av)).get(0);
        assertArrayEquals(off.shape(), on.shape());
        assertArrayEquals(new int[] {0, 3}, on.shape());
    }

    @Test
    void aSizeOneAxisBroadcastAgainstAnUnknownOneGivesTheSameResult() {
        // x + v where x has one column: the result takes v's length; nothing may assume x's
        Variable out = t.sumToShape(t.exp(t.add(x, v)), x);
        Variable ask = t.mul(t.cast(t.shapeAt(t.softplus(t.add(x, v)), 1), DType.FLOAT64), t.sum(out));
        FunctionCompiler.Options opts = FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE);
        NDArray xv = random(new Random(4), 2, 1), vv = random(new Random(5), 3);
        NDArray on = FunctionCompiler.compile(List.of(x, v), List.of(ask), List.of(), Map.of(), opts).call(List.of(xv, vv)).get(0);
        NDArray off = FunctionCompiler.compile(List.of(x, v), List.of(ask), List.of(), Map.of(), opts.withPipeline(Pipeline.none()))
                .call(List.of(xv, vv)).get(0);
        assertEquals(off.item(), on.item(), 1e-12 * Math.abs(off.item()));
    }

    static NDArray random(Random rng, int... shape) {
        double[] d = new double[(int) NDArray.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) d[i] = rng.nextGaussian();
        return NDArray.of(d, shape);
    }
}
