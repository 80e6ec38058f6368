package tdl.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.DotOp;
import tdl.graph.ops.Index;
import tdl.graph.ops.TensorOps;

/** The symbolic shapes {@link ShapeInference} gives, rule by rule, and where it must not answer. */
class ShapeInferenceTest {
    private final TensorOps t = new TensorOps(() -> "s.tdl:1");
    private final Variable a = matrix("a"), b = matrix("b"), x = matrix("x");
    private final Variable v = new Variable(new TensorType(DType.FLOAT64, 1), "v");
    private final Variable s = new Variable(new TensorType(DType.FLOAT64, 0), "s");

    private static Variable matrix(String name) { return new Variable(new TensorType(DType.FLOAT64, 2), name); }

    private static Dim of(Variable v, int axis) { return new Dim.Of(v, axis); }

    private static Dim known(long n) { return new Dim.Known(n); }

    private static List<Dim> shape(Variable v) { return new ShapeInference().shapeOf(v); }

    @Test
    void elementwiseOpsKeepTheSharedShapeAndOneElementOperandsDoNotWidenIt() {
        assertEquals(List.of(of(x, 0), of(x, 1)), shape(t.exp(x)));
        assertEquals(List.of(of(x, 0), of(x, 1)), shape(t.mul(t.add(x, t.exp(x)), s)));
        assertEquals(List.of(of(x, 0), of(x, 1)), shape(t.add(x, t.dimshuffle(t.constant(2.0), -1, -1))));
        // a column broadcast against x: its 1 gives way, the rows agree
        Variable col = t.dimshuffle(t.sum(x, new int[] {1}, false), 0, -1);
        assertEquals(List.of(of(x, 0), of(x, 1)), shape(t.mul(col, t.sigmoid(x))));
    }

    @Test
    void anAxisTwoUnknownSizesMeetOnIsNotInferred() {
        // x + v: x.shape[1] and v.shape[0] may differ (one of them 1 at run time): either could win
        Variable sum = t.add(x, v);
        assertEquals(List.of(of(x, 0), of(sum, 1)), shape(sum));
        Variable both = t.add(x, a);
        assertEquals(List.of(of(both, 0), of(both, 1)), shape(both));
        // and what is computed from it reads it there, not from x
        assertEquals(List.of(of(x, 0), of(sum, 1)), shape(t.softplus(sum)));
    }

    @Test
    void zeroSizeAxesFollowNumpyBroadcasting() {
        Variable empty = new Constant(NDArray.zeros(DType.FLOAT64, 0, 3));
        Variable row = new Constant(NDArray.zeros(DType.FLOAT64, 1, 3));
        assertEquals(List.of(known(0), known(3)), shape(t.add(empty, row))); // (0, 3) + (1, 3) is (0, 3)
        // (0, 3) against x: x has 0 rows, or 1 and the result has 0; not decided here
        Variable mixed = t.add(empty, x);
        assertEquals(List.of(of(mixed, 0), of(mixed, 1)), shape(mixed));
    }

    @Test
    void dotInEveryTransposeForm() {
        assertEquals(List.of(of(a, 0), of(b, 1)), shape(t.apply(new DotOp(false, false), a, b)));
        assertEquals(List.of(of(a, 1), of(b, 1)), shape(t.apply(new DotOp(true, false), a, b)));
        assertEquals(List.of(of(a, 0), of(b, 0)), shape(t.apply(new DotOp(false, true), a, b)));
        assertEquals(List.of(of(a, 1), of(b, 0)), shape(t.apply(new DotOp(true, true), a, b)));
        assertEquals(List.of(of(a, 0)), shape(t.apply(new DotOp(false, false), a, v)));
        assertEquals(List.of(of(a, 1)), shape(t.apply(new DotOp(true, false), a, v)));
        assertEquals(List.of(of(b, 1)), shape(t.apply(new DotOp(false, false), v, b)));
        assertEquals(List.of(of(b, 0)), shape(t.apply(new DotOp(false, true), v, b)));
        assertEquals(List.of(), shape(t.dot(v, v)));
        assertEquals(List.of(of(a, 0), of(a, 1)), shape(t.apply(new DotOp(false, false), s, a)));
    }

    @Test
    void reductionsDimshufflesCastsAndSumToShape() {
        assertEquals(List.of(of(x, 0)), shape(t.sum(x, new int[] {1}, false)));
        assertEquals(List.of(of(x, 0), known(1)), shape(t.max(x, new int[] {1}, true)));
        assertEquals(List.of(), shape(t.sum(x)));
        assertEquals(List.of(of(x, 1), of(x, 0)), shape(t.transpose(x)));
        assertEquals(List.of(known(1), of(v, 0), known(1)), shape(t.dimshuffle(v, -1, 0, -1)));
        assertEquals(List.of(of(x, 0), of(x, 1)), shape(t.cast(x, DType.FLOAT32)));
        assertEquals(List.of(of(a, 0), of(a, 1)), shape(t.sumToShape(t.add(x, a), a)));
        assertEquals(List.of(known(2)), shape(t.shape(x)));
    }

    @Test
    void allocTakesItsSizeArgumentsReadThroughShapes() {
        Variable h = t.exp(t.dot(a, b));
        assertEquals(List.of(of(a, 0), of(b, 1)), shape(t.zerosLike(h)));
        assertEquals(List.of(known(3), of(a, 1)), shape(t.alloc(t.constant(0.0), t.constant(3L), t.shapeAt(a, -1))));
        Variable n = new Variable(new TensorType(DType.INT64, 0), "n");
        assertEquals(List.of(new Dim.Value(n)), shape(t.alloc(t.constant(1.0), n)));
    }

    @Test
    void basicIndexing() {
        Variable i = new Variable(new TensorType(DType.INT64, 0), "i");
        assertEquals(List.of(of(x, 1)), shape(t.subtensor(x, List.of(new Index.Scalar(i)))));
        assertEquals(List.of(of(x, 0)), shape(t.subtensor(x, List.of(Index.ALL, new Index.Scalar(i)))));
        Variable c = new Constant(NDArray.zeros(DType.FLOAT64, 5, 4));
        Variable lo = t.constant(1L), hi = t.constant(-1L), two = t.constant(2L);
        assertEquals(List.of(known(3), known(4)), shape(t.subtensor(c, List.of(new Index.Range(lo, hi, null)))));
        assertEquals(List.of(known(3), known(4)), shape(t.subtensor(c, List.of(new Index.Range(null, null, two))))); // rows 0, 2, 4
        assertEquals(List.of(known(5), known(4)), shape(t.subtensor(c, List.of(new Index.Range(null, null, t.constant(-1L))))));
        assertEquals(List.of(known(0), known(4)), shape(t.subtensor(c, List.of(new Index.Range(t.constant(7L), null, null)))));
        // numpy: c[3:0:-2] has rows 3 and 1; c[-1::-3] rows 4 and 1
        assertEquals(known(2), shape(t.subtensor(c, List.of(new Index.Range(t.constant(3L), t.constant(0L), t.constant(-2L))))).get(0));
        assertEquals(known(2), shape(t.subtensor(c, List.of(new Index.Range(t.constant(-1L), null, t.constant(-3L))))).get(0));
        // a slice of a size known only at run time is not inferred
        Variable sliced = t.subtensor(x, List.of(new Index.Range(lo, null, null)));
        assertEquals(List.of(of(sliced, 0), of(x, 1)), shape(sliced));
    }

    @Test
    void sizesThatDependOnDataAreNeverInferred() {
        Variable mask = t.gt(x, t.constant(0.0));
        Variable picked = t.subtensor(x, List.of(new Index.Mask(mask)));
        List<Dim> dims = shape(picked);
        assertEquals(1, dims.size());
        assertTrue(dims.get(0) instanceof Dim.Of o && o.of() != x, dims.toString());
        Variable iv = new Variable(new TensorType(DType.INT64, 1), "iv");
        Variable rows = t.subtensor(x, List.of(new Index.Vector(iv)));
        assertEquals(List.of(of(rows, 0), of(rows, 1)), shape(rows));
    }

    @Test
    void joinAddsKnownSizesAndKeepsTheOthers() {
        Variable c = new Constant(NDArray.zeros(DType.FLOAT64, 2, 3));
        assertEquals(List.of(known(4), known(3)), shape(t.concatenate(List.of(c, c), 0)));
        Variable j = t.concatenate(List.of(x, c), 0);
        assertEquals(List.of(of(j, 0), known(3)), shape(j));
    }

    @Test
    void broadcastsToNeedsEachSizeOneOrEqual() {
        List<Dim> big = List.of(of(x, 0), of(x, 1));
        assertTrue(ShapeInference.broadcastsTo(List.of(of(x, 0), Dim.ONE), big));
        assertTrue(ShapeInference.broadcastsTo(List.of(of(x, 1)), big));
        assertTrue(ShapeInference.broadcastsTo(List.of(), big));
        assertFalse(ShapeInference.broadcastsTo(List.of(of(x, 0)), big)); // aligned from the right: against x.shape[1]
        assertFalse(ShapeInference.broadcastsTo(List.of(of(a, 0), Dim.ONE), big));
        assertFalse(ShapeInference.broadcastsTo(List.of(Dim.ONE, Dim.ONE, Dim.ONE), big));
    }

    @Test
    void sameShapeAndSingleton() {
        ShapeInference si = new ShapeInference();
        assertTrue(si.sameShape(t.sum(t.softplus(t.dot(a, b)), new int[] {1}, false), t.dot(a, v)));
        assertTrue(si.sameShape(t.sum(x), t.mean(a, null, false))); // rank 0: always
        assertFalse(si.sameShape(t.add(x, a), x));
        assertTrue(si.isSingleton(t.dimshuffle(s, -1, -1)));
        assertFalse(si.isSingleton(v));
    }

    @Test
    void aDeepChainIsInferredWithoutStackOverflow() {
        Variable y = x;
        for (int i = 0; i < 20000; i++) y = t.add(t.mul(y, 1.5), 0.5);
        assertEquals(List.of(of(x, 0), of(x, 1)), shape(y));
    }

    @Test
    void reshapeToSizesThatCannotBeMinusOneAndFlatten() {
        assertEquals(List.of(of(a, 0), of(a, 1)), shape(t.reshape(x, t.shape(a), 2)));
        assertEquals(List.of(known(3), known(4)), shape(t.reshape(x, 3, 4)));
        Variable minus = t.reshape(x, 2, -1);
        assertEquals(List.of(known(2), of(minus, 1)), shape(minus));
        // a symbolic entry may be -1 at run time: not inferred
        Variable n = new Variable(new TensorType(DType.INT64, 0), "n");
        Variable sym = t.reshape(x, List.of(t.shapeAt(a, 0), n));
        assertEquals(List.of(of(a, 0), of(sym, 1)), shape(sym));
        Variable c = new Constant(NDArray.zeros(DType.FLOAT64, 2, 3, 4));
        assertEquals(List.of(known(2), known(12)), shape(t.flatten(c, 2)));
        Variable f = t.flatten(t.exp(x), 2);
        assertEquals(List.of(of(x, 0), of(x, 1)), shape(f));
        Variable f1 = t.flatten(x, 1);
        assertEquals(List.of(of(f1, 0)), shape(f1));
    }

    @Test
    void opsWithoutARuleAnswerTheirOwnShape() {
        Variable r = t.apply(new tdl.graph.ops.ArgSortOp(1), x);
        Apply owner = r.owner();
        assertEquals(List.of(of(owner.output(), 0), of(owner.output(), 1)), shape(r));
    }
}
