package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.RandomCounter;
import tdl.graph.ops.RandomOp;
import tdl.graph.ops.TensorOps;

/** Eager evaluation over values the caller knows (test values), and the builder's node observer. */
class EagerKnownValuesTest {
    @Test
    void knownValuesStandForInputsAndEveryIntermediateIsReturned() {
        TensorOps t = new TensorOps(() -> null);
        Variable x = new Variable(new TensorType(DType.FLOAT64, 1), "x");
        Variable mid = t.mul(x, 2.0);
        Variable out = t.add(mid, 1.0);
        NDArray xv = NDArray.of(new double[] {1, 2}, 2);
        Map<Variable, NDArray> all = Eager.evaluate(List.of(out), v -> v == x ? xv : v.owner() == null ? Eager.evaluate(v) : null, false);
        assertArrayEquals(new double[] {3, 5}, all.get(out).data());
        assertArrayEquals(new double[] {2, 4}, all.get(mid).data());
        // a known intermediate is not recomputed: its inputs are never asked for
        Map<Variable, NDArray> fromMid = Eager.evaluate(List.of(out), v -> v == mid ? NDArray.of(new double[] {10, 20}, 2)
                : v.owner() == null && v != x ? Eager.evaluate(v) : null, false);
        assertArrayEquals(new double[] {11, 21}, fromMid.get(out).data());
        assertFalse(fromMid.containsKey(x));
    }

    @Test
    void frozenDrawsGiveTheNextNumbersWithoutAdvancing() {
        TensorOps t = new TensorOps(() -> null);
        RandomCounter counter = new RandomCounter(5, 1);
        Variable r = t.apply(new RandomOp(RandomOp.Kind.UNIFORM, DType.FLOAT64, 1, counter),
                t.intVector(4), t.constant(0.0), t.constant(1.0));
        NDArray peeked = Eager.evaluate(List.of(r), v -> v.owner() == null ? Eager.evaluate(v) : null, true).get(r);
        NDArray again = Eager.evaluate(List.of(r), v -> v.owner() == null ? Eager.evaluate(v) : null, true).get(r);
        assertArrayEquals(peeked.data(), again.data());
        assertArrayEquals(peeked.data(), Eager.evaluate(r).data()); // the first real evaluation draws them
    }

    @Test
    void theObserverSeesEveryNodeBuiltIncludingCompositeParts() {
        List<Apply> seen = new ArrayList<>();
        TensorOps t = new TensorOps(() -> null, () -> DType.FLOAT64, seen::add);
        Variable x = new Variable(new TensorType(DType.FLOAT64, 2), "x");
        Variable m = t.mean(x, null, false); // a sum and a division at least
        assertEquals(m.owner(), seen.get(seen.size() - 1));
        assertEquals(true, seen.size() >= 2);
    }
}
