package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tdl.Allocations;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.DotOp;
import tdl.graph.ops.FusedElemwiseOp;
import tdl.graph.ops.FusedElemwiseOp.Instr;
import tdl.graph.ops.Index;
import tdl.graph.ops.Pool2dOp;
import tdl.graph.ops.ReduceOp;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.TensorOps;

/**
 * A kernel run a third time on inputs shaped as before, given its previous output to reuse (as a
 * plan does), allocates nothing: shapes, strides and selections live in arrays the kernel keeps.
 * Only kernels without Vector API code are measured (those box vectors until C2 compiles them).
 */
class SteadyStateAllocationTest {
    private final TensorOps t = new TensorOps(() -> "alloc.tdl:1");
    private final Random rng = new Random(5);

    /** A node's inputs, named so a case can give their values; constants bring their own. */
    private final List<Variable> vars = new ArrayList<>();
    private final List<NDArray> values = new ArrayList<>();

    private Variable in(NDArray value, String name) {
        Variable v = new Variable(new TensorType(value.dtype(), value.rank()), name);
        vars.add(v);
        values.add(value);
        return v;
    }

    private Variable matrix(String name, int rows, int cols) { return in(random(rows, cols), name); }

    private Variable index(String name, long i) { return in(NDArray.scalar(DType.INT64, i), name); }

    private NDArray random(int... shape) {
        double[] d = new double[(int) NDArray.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) d[i] = rng.nextGaussian();
        return NDArray.of(d, shape);
    }

    /**
     * Bytes the third run of {@code result}'s kernel allocates, after checking that reusing the
     * previous output gives what a fresh kernel computes.
     */
    private Executable allocatesNothing(Variable result) {
        Apply node = result.owner();
        NDArray[] in = new NDArray[node.inputs().size()];
        for (int i = 0; i < in.length; i++) {
            Variable v = node.inputs().get(i);
            in[i] = v instanceof Constant c ? c.value() : values.get(vars.indexOf(v));
        }
        return () -> {
            Kernel k = Kernels.forApply(node);
            NDArray[] out = new NDArray[1];
            long bytes = Allocations.steadyState(() -> out[0] = k.run(in, out[0]));
            assertEquals(0, bytes, node.op().name() + " allocated in the steady state");
            NDArray fresh = Kernels.forApply(node).run(in, null);
            assertArrayEquals(fresh.shape(), out[0].shape(), node.op().name());
            assertArrayEquals(fresh.doubles(), out[0].doubles(), 0.0, node.op().name());
            assertEquals(result.dtype() == DType.FLOAT32, out[0].isFloats(), node.op().name() + ": float32 results are stored as floats");
        };
    }

    @Test
    void float32ThroughTheAdaptorAndNativeKernels() {
        Variable m = in(random(20, 500).astype(DType.FLOAT32), "m32"), v = in(random(500).astype(DType.FLOAT32), "v32");
        Variable m64 = matrix("m64", 20, 500); // no product here: the Vector API boxes until C2 compiles it (see above)
        assertAll(
                // a row broadcast (add, sub, mul and div have vector loops, checked by SteadyStateVectorTest)
                allocatesNothing(t.maximum(m, v)),
                allocatesNothing(t.sum(m, new int[] {1}, false)),
                allocatesNothing(t.subtensor(m, List.of(new Index.Range(index("lo", 2), index("hi", 12), null)))),
                allocatesNothing(t.gt(m, v)),
                allocatesNothing(t.cast(m, DType.FLOAT64)),
                allocatesNothing(t.cast(m64, DType.FLOAT32)),
                allocatesNothing(t.flatten(m, 1)),
                allocatesNothing(t.dimshuffle(m, 1, 0)),
                allocatesNothing(t.dimshuffle(v, -1, 0)),
                allocatesNothing(t.reshape(m, 500, 20)),
                allocatesNothing(t.ifelse(in(NDArray.scalar(DType.BOOL, 1), "c"), m, in(random(20, 500).astype(DType.FLOAT32), "m32b"))),
                // the float kernels without Vector API code: elementwise through the double rule, max, prod
                allocatesNothing(t.mod(m, v)),
                allocatesNothing(t.log1p(m)),
                allocatesNothing(t.max(m, new int[] {0}, false)),
                allocatesNothing(t.prod(m, new int[] {1}, true)));
    }

    @Test
    void indexing() {
        Variable x = matrix("x", 1000, 30), v = in(random(50), "v");
        Variable i = index("i", 7), j = index("j", -3), lo = index("lo", 200), hi = index("hi", 220);
        Variable ivec = in(NDArray.of(new double[] {3, 1, 4, 1, 5}, 5).astype(DType.INT64), "ivec");
        Variable col = in(random(1000), "col"), row = in(random(30), "row");
        assertAll(
                allocatesNothing(t.subtensor(x, List.of(new Index.Scalar(i)))),
                allocatesNothing(t.subtensor(x, List.of(Index.ALL, new Index.Scalar(j)))),
                // bounds past 127 would be fresh Longs if boxed
                allocatesNothing(t.subtensor(x, List.of(new Index.Range(lo, hi, null)))),
                allocatesNothing(t.subtensor(x, List.of(new Index.Range(hi, lo, index("step", -2))))),
                allocatesNothing(t.subtensor(v, List.of(new Index.Scalar(j)))),
                allocatesNothing(t.subtensor(x, List.of(new Index.Vector(ivec)))),
                allocatesNothing(t.setSubtensor(x, List.of(Index.ALL, new Index.Scalar(i)), col)),
                // a row added to a block of rows: the value is broadcast into a kept buffer
                allocatesNothing(t.incSubtensor(x, List.of(new Index.Range(lo, hi, null)), row)),
                allocatesNothing(t.incSubtensor(x, List.of(new Index.Vector(ivec)), row)));
    }

    @Test
    void dimshuffleSumToShapeAndAlloc() {
        Variable m = matrix("m", 20, 500), v = in(random(500), "v"), s = in(NDArray.scalar(2.5), "s");
        Variable col = matrix("col", 20, 1);
        assertAll(
                allocatesNothing(t.dimshuffle(v, 0, -1)),
                allocatesNothing(t.dimshuffle(s, -1)),
                allocatesNothing(t.dimshuffle(m, 1, 0)),
                allocatesNothing(t.dimshuffle(col, 0)),
                allocatesNothing(t.sumToShape(m, v)),
                allocatesNothing(t.sumToShape(m, col)),
                allocatesNothing(t.sumToShape(m, s)),
                allocatesNothing(t.alloc(v, t.constant(20L), t.constant(500L))),
                allocatesNothing(t.alloc(s, t.constant(20L), t.constant(500L))));
    }

    @Test
    void pooling() {
        // LeNet's first pooling (split between two threads) and a small generic one, with their gradients
        Variable big = in(random(8, 20, 24, 24), "big"), small = in(random(1, 2, 5, 5), "small");
        Variable gBig = in(random(8, 20, 12, 12), "gBig"), gSmall = in(random(1, 2, 3, 3), "gSmall");
        Pool2dOp max22 = new Pool2dOp(Pool2dOp.Mode.MAX, false, 2, 2, 2, 2, 0, 0, true);
        Pool2dOp avg = new Pool2dOp(Pool2dOp.Mode.AVERAGE_EXC_PAD, false, 3, 3, 2, 2, 1, 1, true);
        assertAll(
                allocatesNothing(t.apply(max22, big)),
                allocatesNothing(t.apply(new Pool2dOp(Pool2dOp.Mode.MAX, true, 2, 2, 2, 2, 0, 0, true), big, gBig)),
                allocatesNothing(t.apply(avg, small)),
                allocatesNothing(t.apply(new Pool2dOp(Pool2dOp.Mode.AVERAGE_EXC_PAD, true, 3, 3, 2, 2, 1, 1, true), small, gSmall)));
    }

    @Test
    void reductions() {
        Variable m = matrix("m", 20, 500), cube = in(random(4, 5, 6), "cube");
        assertAll(
                allocatesNothing(t.sum(m, new int[] {1}, false)),
                allocatesNothing(t.sum(m, new int[] {0}, true)),
                allocatesNothing(t.sum(m)),
                allocatesNothing(t.sum(cube, new int[] {0, 2}, false)),
                allocatesNothing(t.max(cube, new int[] {1}, true)),
                allocatesNothing(t.argmax(cube, 1, false)),
                allocatesNothing(t.argmax(cube, null, true)));
    }

    @Test
    void broadcastingElementwiseAndFused() {
        Variable col = matrix("col", 20, 1), row = matrix("row", 1, 500), m = matrix("m", 20, 500);
        Variable s = in(NDArray.scalar(0.5), "s");
        // (20, 1) with (1, 500): the result shape is neither operand's. Functions without vector
        // loops: add, sub, mul and div have some (VectorArith), which SteadyStateVectorTest checks
        // once C2 has compiled them
        FusedElemwiseOp fused = new FusedElemwiseOp(List.of(new Instr(Scalar.MAXIMUM, new int[] {0, 1}),
                new Instr(Scalar.MINIMUM, new int[] {FusedElemwiseOp.ref(0), 2})));
        assertAll(
                allocatesNothing(t.add(col, row)),
                allocatesNothing(t.mul(col, m)),
                allocatesNothing(t.clip(m, col, row)),
                allocatesNothing(t.apply(fused, col, row, s)),
                allocatesNothing(t.apply(fused, col, m, row)));
    }

    @Test
    void dotsThatDoNotReachTheMatrixKernel() {
        Variable v = in(random(300), "v"), w = in(random(300), "w"), s = in(NDArray.scalar(3.0), "s");
        Variable m = matrix("m", 20, 30);
        assertAll(
                allocatesNothing(t.dot(v, w)),
                allocatesNothing(t.apply(new DotOp(true, false), m, s)));
    }

    @Test
    void reshapeFlattenJoinAndFriends() {
        Variable m = matrix("m", 20, 30), m2 = matrix("m2", 10, 30), n = index("n", 12);
        assertAll(
                allocatesNothing(t.reshape(m, 30, -1)),
                allocatesNothing(t.flatten(m, 1)),
                allocatesNothing(t.shape(m)),
                allocatesNothing(t.concatenate(List.of(m, m2), 0)),
                allocatesNothing(t.eye(n, null, 1)),
                allocatesNothing(t.arange(n)),
                allocatesNothing(t.reduce(ReduceOp.Kind.PROD, m, new int[] {0}, false)));
    }
}
