package tdl.eval;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.DotOp;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.TensorOps;

class KernelsTest {
    private final TensorOps t = new TensorOps(() -> "script.tdl:3");

    private static Variable vec(String name) { return new Variable(new TensorType(DType.FLOAT64, 1), name); }

    @Test
    void broadcastMismatchIsShapeErrorNamingBothShapesAndBlamingTheNode() {
        Apply node = Apply.make(new ElemwiseOp(Scalar.ADD), List.of(vec("a"), vec("b")), "script.tdl:3");
        Kernel k = Kernels.forApply(node);
        GraphError e = assertThrows(GraphError.class,
                () -> k.run(new NDArray[] {NDArray.of(new double[3], 3), NDArray.of(new double[4], 4)}, null));
        assertEquals(ErrorKind.SHAPE_ERROR, e.kind());
        assertEquals("shapes (3,) and (4,) cannot be broadcast together (operands of '+')", e.getMessage());
        assertNotNull(e.hint());
        assertSame(node, e.blamed());
        assertEquals("script.tdl:3", e.blamed().origin());
    }

    @Test
    void matrixAndRowMismatchNamesShapes() {
        GraphError e = assertThrows(GraphError.class, () -> Eager.apply(new ElemwiseOp(Scalar.MUL),
                NDArray.of(new double[6], 2, 3), NDArray.of(new double[2], 2)));
        assertTrue(e.getMessage().contains("(2, 3) and (2,)"), e.getMessage());
        assertTrue(e.getMessage().contains("'*'"), e.getMessage());
    }

    @Test
    void kernelReusesAFittingBufferAndAllocatesOtherwise() {
        Apply node = Apply.make(new ElemwiseOp(Scalar.MUL), List.of(vec("a"), vec("b")), null);
        Kernel k = Kernels.forApply(node);
        NDArray a = NDArray.of(new double[] {1, 2, 3}, 3), b = NDArray.of(new double[] {4, 5, 6}, 3);
        NDArray buf = NDArray.zeros(DType.FLOAT64, 3);
        NDArray out = k.run(new NDArray[] {a, b}, buf);
        assertSame(buf, out);
        assertArrayEquals(new double[] {4, 10, 18}, buf.data());
        NDArray other = k.run(new NDArray[] {a, b}, NDArray.zeros(DType.FLOAT64, 4));
        assertArrayEquals(new int[] {3}, other.shape());
        assertNotSame(a.data(), other.data());
    }

    @Test
    void dotWritesIntoReusedBuffer() {
        Variable m = new Variable(new TensorType(DType.FLOAT64, 2), "m");
        Apply node = Apply.make(DotOp.PLAIN, List.of(m, m), null);
        NDArray buf = NDArray.zeros(DType.FLOAT64, 2, 2);
        NDArray a = NDArray.of(new double[] {1, 2, 3, 4}, 2, 2);
        assertSame(buf, Kernels.forApply(node).run(new NDArray[] {a, a}, buf));
        assertArrayEquals(new double[] {7, 10, 15, 22}, buf.data());
    }

    @Test
    void outputsNeverAliasInputs() {
        NDArray x = NDArray.of(new double[] {1, 2, 3, 4}, 2, 2);
        Variable xv = t.constant(x);
        for (Variable v : List.of(t.reshape(xv, 4), t.flatten(xv, 1), t.cast(xv, DType.FLOAT32),
                t.ifelse(t.constant(true), xv, xv), t.sumToShape(xv, xv))) {
            assertFalse(Eager.evaluate(v).sharesStorage(x), v.toString());
        }
    }

    @Test
    void integerOutputsAreRoundedToTheirDtype() {
        NDArray a = new NDArray(DType.INT8, new int[] {2}, new double[] {100, -100});
        NDArray s = Eager.apply(new ElemwiseOp(Scalar.ADD), a, a);
        assertEquals(DType.INT8, s.dtype());
        assertArrayEquals(new double[] {-56, 56}, s.data()); // wraps like numpy int8
        NDArray f32 = Eager.apply(new ElemwiseOp(Scalar.TRUE_DIV),
                NDArray.of(DType.FLOAT32, new int[] {1}, new double[] {1}), NDArray.of(DType.FLOAT32, new int[] {1}, new double[] {3}));
        assertEquals((double) (1f / 3f), f32.get(0));
        assertTrue(f32.isFloats(), "a float32 result is stored as floats");
    }

    /** An op from a higher package that carries its own kernel. */
    private record TwiceOp() implements tdl.graph.Op, KernelFactory {
        @Override public String name() { return "Twice"; }
        @Override public List<TensorType> outputTypes(List<TensorType> in) { return List.of(in.get(0)); }
        @Override public List<Variable> grad(Apply node, List<Variable> g) { return List.of(g.get(0)); }
        @Override public Kernel kernel(Apply node, InnerCompiler inner) {
            return (in, reuse) -> Eager.apply(new ElemwiseOp(Scalar.ADD), in[0], in[0]);
        }
    }

    @Test
    void opsCanBringTheirOwnKernel() {
        assertArrayEquals(new double[] {2, 4}, Eager.apply(new TwiceOp(), NDArray.of(new double[] {1, 2}, 2)).data());
    }

    @Test
    void unknownOpIsNotImplementedErrorBlamingTheNode() {
        tdl.graph.Op odd = new tdl.graph.Op() {
            @Override public String name() { return "Odd"; }
            @Override public List<TensorType> outputTypes(List<TensorType> in) { return List.of(in.get(0)); }
            @Override public List<Variable> grad(Apply node, List<Variable> g) { return g; }
        };
        Apply node = Apply.make(odd, List.of(vec("a")), null);
        GraphError e = assertThrows(GraphError.class, () -> Kernels.forApply(node));
        assertEquals(ErrorKind.NOT_IMPLEMENTED_ERROR, e.kind());
        assertSame(node, e.blamed());
    }

    @Test
    void everyOpOfTheFacadeHasAKernel() {
        // a graph touching every op kind evaluates without "no kernel" errors
        Variable x = t.constant(NDArray.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        Variable y = t.sum(t.softmax(t.dot(x, t.transpose(x))), null, false);
        Variable z = t.add(y, t.sum(t.reshape(t.concatenate(List.of(x, x), 0), -1), null, false));
        Variable w = t.add(z, t.cast(t.argmax(t.flatten(x, 1), null, false), DType.FLOAT64));
        assertTrue(Double.isFinite(Eager.evaluate(w).item()));
    }
}
