package tdl.lib.numpy;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.NumpyScalar;
import tdl.interp.SliceValue;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;

/** Conversion, operators, indexing, np functions and .npy files; expectations checked with numpy 1.24. */
class NumpyArrayTest {
    @TempDir Path dir;

    private FakeRuntime rt() { return new FakeRuntime(dir, null); }

    private static NDArray arange12() {
        double[] d = new double[12];
        for (int i = 0; i < 12; i++) d[i] = i;
        return new NDArray(DType.INT64, new int[] {3, 4}, d);
    }

    private static double[] data(Object o) { return ((NDArray) o).data(); }

    @Test
    void conversionInfersDtypesLikeNumpy() {
        assertEquals(DType.BOOL, NumpyConvert.toArray(List.of(true, false)).dtype());
        assertEquals(DType.INT64, NumpyConvert.toArray(List.of(1L, 2L)).dtype());
        assertEquals(DType.FLOAT64, NumpyConvert.toArray(List.of(1L, 2.5)).dtype());
        NDArray m = NumpyConvert.toArray(List.of(List.of(1L, 2L), TdlTuple.of(3L, 4L)));
        assertArrayEquals(new int[] {2, 2}, m.shape());
        assertEquals(List.of(List.of(1L, 2L), List.of(3L, 4L)), NumpyConvert.toList(m));
        TdlError ragged = assertThrows(TdlError.class, () -> NumpyConvert.toArray(List.of(List.of(1L, 2L), List.of(3L))));
        assertEquals(ErrorKind.VALUE_ERROR, ragged.kind());
        assertTrue(ragged.getMessage().startsWith("setting an array element with a sequence"));
        Object deep = List.of(List.of(List.of(List.of(List.of(1L)))));
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(TdlError.class, () -> NumpyConvert.toArray(deep)).kind());
        assertEquals(DType.FLOAT32, NumpyConvert.dtype("float32"));
        assertEquals(DType.INT64, NumpyConvert.dtype("int"));
        assertEquals(DType.UINT8, NumpyConvert.dtype(new NpDType(DType.UINT8, true)));
    }

    @Test
    void arithmeticFollowsNumpyDtypeRules() {
        FakeRuntime rt = rt();
        NDArray ints = NumpyConvert.toArray(List.of(1L, 2L, 3L));
        NDArray half = (NDArray) rt.op("/", ints, 2L);
        assertEquals(DType.FLOAT64, half.dtype());
        assertArrayEquals(new double[] {0.5, 1, 1.5}, half.data());
        NDArray plus = (NDArray) rt.op("+", ints, 2L);
        assertEquals(DType.INT64, plus.dtype());
        NDArray f32 = NumpyConvert.toArray(List.of(1.0, 2.0), DType.FLOAT32);
        assertEquals(DType.FLOAT32, ((NDArray) rt.op("*", f32, 2.0)).dtype());
        NDArray eq = (NDArray) rt.op("==", ints, NumpyConvert.toArray(List.of(1L, 0L, 3L)));
        assertEquals(DType.BOOL, eq.dtype());
        assertArrayEquals(new double[] {1, 0, 1}, eq.data());
        NDArray col = NumpyConvert.toArray(List.of(List.of(10L), List.of(20L)));
        assertArrayEquals(new double[] {11, 12, 13, 21, 22, 23}, data(rt.op("+", ints, col)));
        TdlError err = assertThrows(TdlError.class, () -> rt.op("+", ints, NumpyConvert.toArray(List.of(1L, 2L, 3L, 4L))));
        assertEquals(ErrorKind.SHAPE_ERROR, err.kind());
        assertEquals("operands could not be broadcast together with shapes (3,) (4,)", err.getMessage());
    }

    @Test
    void truthLenIterationAndUnknownOperands() {
        FakeRuntime rt = rt();
        ArrayHooks h = new ArrayHooks();
        assertTrue(h.truth(rt, NDArray.scalar(1.0)));
        TdlError amb = assertThrows(TdlError.class, () -> h.truth(rt, arange12()));
        assertEquals("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()", amb.getMessage());
        assertEquals(3, h.length(rt, arange12()));
        assertEquals(ErrorKind.TYPE_ERROR, assertThrows(TdlError.class, () -> h.length(rt, NDArray.scalar(1.0))).kind());
        int rows = 0;
        for (Object row : h.iterate(rt, arange12())) {
            assertArrayEquals(new int[] {4}, ((NDArray) row).shape());
            rows++;
        }
        assertEquals(3, rows);
        Object symbolic = new tdl.graph.Variable(new tdl.graph.TensorType(DType.FLOAT64, 1), "x");
        assertEquals(tdl.interp.TypeHooks.UNSUPPORTED, h.binary(rt, tdl.vocab.Operator.ADD, arange12(), symbolic));
    }

    @Test
    void indexingGetMatchesNumpy() {
        NDArray a = arange12();
        assertEquals(NumpyScalar.ofLong(DType.INT64, 6), ArrayIndex.get(a, TdlTuple.of(1L, 2L))); // numpy's a[1, 2] is an np.int64
        assertEquals(NumpyScalar.ofLong(DType.INT64, 11), ArrayIndex.get(a, TdlTuple.of(-1L, -1L)));
        assertArrayEquals(new double[] {9, 5, 1}, data(ArrayIndex.get(a, TdlTuple.of(new SliceValue(null, null, -1L), 1L))));
        assertArrayEquals(new double[] {4, 6, 8, 10}, data(ArrayIndex.get(a, TdlTuple.of(new SliceValue(1L, 3L, null), new SliceValue(null, null, 2L)))));
        assertArrayEquals(new double[] {0, 1, 2, 3, 8, 9, 10, 11}, data(ArrayIndex.get(a, List.of(0L, 2L))));
        NDArray mask = (NDArray) rt().op(">", a, 6L);
        assertArrayEquals(new double[] {7, 8, 9, 10, 11}, data(ArrayIndex.get(a, mask)));
        NDArray pairs = (NDArray) ArrayIndex.get(a, TdlTuple.of(NumpyConvert.toArray(List.of(0L, 1L, 2L)), List.of(0L, 1L, 2L)));
        assertArrayEquals(new double[] {0, 5, 10}, pairs.data());
        NDArray newaxis = (NDArray) ArrayIndex.get(a, TdlTuple.of(new SliceValue(null, null, null), null, 1L));
        assertArrayEquals(new int[] {3, 1}, newaxis.shape());
        TdlError oob = assertThrows(TdlError.class, () -> ArrayIndex.get(a, 3L));
        assertEquals(ErrorKind.INDEX_ERROR, oob.kind());
        assertEquals("index 3 is out of bounds for axis 0 with size 3", oob.getMessage());
    }

    @Test
    void indexingSetWritesInPlace() {
        NDArray a = arange12();
        ArrayIndex.set(a, 0L, List.of(9L, 9L, 9L, 9L));
        ArrayIndex.set(a, TdlTuple.of(new SliceValue(1L, 3L, null), 0L), 0L);
        ArrayIndex.set(a, TdlTuple.of(2L, -1L), 2.9); // truncated to int64, as numpy casts
        assertArrayEquals(new double[] {9, 9, 9, 9, 0, 5, 6, 7, 0, 9, 10, 2}, a.data());
        NDArray f = NDArray.of(new double[] {-1, 2, -3}, 3);
        NDArray neg = (NDArray) rt().op("<", f, 0L);
        ArrayIndex.set(f, neg, 0.0);
        assertArrayEquals(new double[] {0, 2, 0}, f.data());
        assertThrows(TdlError.class, () -> ArrayIndex.set(arange12(), 0L, List.of(1L, 2L)));
    }

    @Test
    void methodsAndAttributes() {
        FakeRuntime rt = rt();
        NDArray a = arange12();
        assertEquals(TdlTuple.of(3L, 4L), rt.attr(a, "shape"));
        assertEquals("int64", rt.str(rt.attr(a, "dtype")));
        assertEquals(NumpyScalar.ofLong(DType.INT64, 66), rt.method(a, "sum"));
        assertArrayEquals(new double[] {12, 15, 18, 21}, data(rt.method(a, "sum", 0L)));
        assertEquals(NumpyScalar.of(DType.FLOAT64, 5.5), rt.method(a, "mean"));
        assertEquals(NumpyScalar.ofLong(DType.INT64, 11), rt.method(a, "argmax"));
        assertArrayEquals(new int[] {4, 3}, ((NDArray) rt.attr(a, "T")).shape());
        assertEquals(4.0, ((NDArray) rt.attr(a, "T")).data()[1]);
        assertArrayEquals(new int[] {2, 6}, ((NDArray) rt.method(a, "reshape", 2L, -1L)).shape());
        assertEquals(DType.FLOAT32, ((NDArray) rt.method(a, "astype", "float32")).dtype());
        assertEquals("[[ 0  1  2  3]\n [ 4  5  6  7]\n [ 8  9 10 11]]", rt.str(a));
    }

    @Test
    void numpyFunctions() {
        FakeRuntime rt = rt();
        NDArray f = NumpyConvert.toArray(List.of(1.0, 2.0, 3.0, 4.0));
        assertEquals(1.118033988749895, ((NumpyScalar) rt.np("std", f)).doubleValue(), 1e-15);
        NDArray m = NumpyConvert.toArray(List.of(List.of(1.0, 2.0), List.of(3.0, 5.0)));
        assertArrayEquals(new double[] {1.0, 2.25}, data(rt.npKw("var", List.of(m), Map.of("axis", 0L))));
        assertArrayEquals(new double[] {1.5, 4.0}, data(rt.npKw("mean", List.of(m), Map.of("axis", 1L))));
        assertArrayEquals(new int[] {2, 1}, ((NDArray) rt.npKw("sum", List.of(m), Map.of("axis", 1L, "keepdims", true))).shape());
        assertArrayEquals(new double[] {5, 13}, data(rt.np("dot", m, NumpyConvert.toArray(List.of(1.0, 2.0)))));
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, data(rt.np("linspace", 0L, 1L, 5L)));
        NDArray ar = (NDArray) rt.np("arange", 5L);
        assertEquals(DType.INT64, ar.dtype());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, ar.data());
        assertArrayEquals(new double[] {1, 0, 0, 1}, data(rt.np("eye", 2L)));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, data(rt.np("concatenate", List.of(List.of(1L, 2L), List.of(3L, 4L, 5L, 6L)))));
        assertArrayEquals(new int[] {2, 2}, ((NDArray) rt.np("vstack", List.of(List.of(1L, 2L), List.of(3L, 4L)))).shape());
        assertArrayEquals(new double[] {1, 0, 3}, data(rt.np("maximum", NumpyConvert.toArray(List.of(1L, -2L, 3L)), 0L)));
    }

    @Test
    void moreFunctions() {
        FakeRuntime rt = rt();
        assertTrue((Boolean) rt.np("allclose", List.of(1.0, 2.0), List.of(1.0, 2.0 + 1e-9)));
        assertFalse((Boolean) rt.np("allclose", List.of(1.0, 2.0), List.of(1.0, 2.1)));
        assertArrayEquals(new double[] {1, 0, 3}, data(rt.np("where", List.of(true, false, true), List.of(1L, 2L, 3L), 0L)));
        assertArrayEquals(new double[] {0, 0.5, 1}, data(rt.np("clip", List.of(-1.0, 0.5, 3.0), 0L, 1L)), 0);
        assertEquals(Math.exp(1), ((NumpyScalar) rt.np("exp", 1.0)).doubleValue(), 1e-15);
        assertArrayEquals(new double[] {1, 0, 0}, data(rt.np("isfinite", List.of(1.0, Double.NaN, Double.POSITIVE_INFINITY))));
        assertArrayEquals(new double[] {2, 0, 0, 3}, data(rt.np("diag", List.of(2L, 3L))));
        Object f32 = rt.np().members().get("float32");
        assertEquals(NumpyScalar.of(DType.FLOAT32, 0.1), rt.hooksFor(f32).call(rt, f32, tdl.interp.Args.of("float32", 0.1)));
        assertEquals(NumpyScalar.ofLong(DType.INT64, 3), rt.hooksFor(f32).call(rt, rt.np().members().get("int64"), tdl.interp.Args.of("int64", 3.7)));
        assertEquals(Boolean.TRUE, rt.op("==", rt.attr(NDArray.scalar(1.0), "dtype"), "float64"));
    }

    @Test
    void npyRoundTripAndNumpyWrittenBytes() throws Exception {
        FakeRuntime rt = rt();
        NDArray a = NumpyConvert.toArray(List.of(List.of(1.5, 2.0), List.of(3.0, 4.0)));
        rt.np("save", "w", a);
        byte[] bytes = Files.readAllBytes(dir.resolve("w.npy"));
        assertEquals(128 + 32, bytes.length);
        String header = new String(bytes, 10, 118, java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }"));
        assertTrue(header.endsWith(" \n"));
        NDArray back = (NDArray) rt.np("load", "w.npy");
        assertArrayEquals(a.data(), back.data());
        assertArrayEquals(a.shape(), back.shape());
        // the bytes numpy 1.24 writes for np.save(f, np.array([1, 2, 3], dtype=np.int32))
        String h = "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }";
        h = h + " ".repeat(118 - h.length() - 1) + "\n";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0});
        out.write(h.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(new byte[] {1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0});
        Files.write(dir.resolve("n.npy"), out.toByteArray());
        NDArray n = (NDArray) rt.np("load", "n.npy");
        assertEquals(DType.INT32, n.dtype());
        assertArrayEquals(new double[] {1, 2, 3}, n.data());
        assertEquals("array([1, 2, 3], dtype=int32)", rt.repr(n));
        Files.write(dir.resolve("f.npy"), out.toString(java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("False", "True ").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThrows(TdlError.class, () -> rt.np("load", "f.npy"));
    }

    @Test
    void float32AndInt16ArraysSaveAsNumpyWritesThem() throws Exception {
        FakeRuntime rt = rt();
        // np.save(f, np.array([0.1, 2.5], dtype=np.float32)) writes '<f4' and these data bytes
        NDArray f = NumpyConvert.toArray(List.of(0.1, 2.5), DType.FLOAT32);
        assertEquals((double) 0.1f, f.get(0));
        rt.np("save", "f4", f);
        byte[] bytes = Files.readAllBytes(dir.resolve("f4.npy"));
        assertTrue(new String(bytes, 10, 60, java.nio.charset.StandardCharsets.US_ASCII).startsWith("{'descr': '<f4', "));
        assertArrayEquals(new byte[] {(byte) 205, (byte) 204, (byte) 204, 61, 0, 0, 32, 64},
                java.util.Arrays.copyOfRange(bytes, 128, bytes.length));
        NDArray back = (NDArray) rt.np("load", "f4.npy");
        assertEquals(DType.FLOAT32, back.dtype());
        assertArrayEquals(f.floats(), back.floats()); // read straight into float storage
        // np.save(f, np.array([-3, 300], dtype=np.int16))
        rt.np("save", "i2", NumpyConvert.toArray(List.of(-3L, 300L), DType.INT16));
        bytes = Files.readAllBytes(dir.resolve("i2.npy"));
        assertTrue(new String(bytes, 10, 60, java.nio.charset.StandardCharsets.US_ASCII).startsWith("{'descr': '<i2', "));
        assertArrayEquals(new byte[] {(byte) 253, (byte) 255, 44, 1}, java.util.Arrays.copyOfRange(bytes, 128, bytes.length));
        assertEquals(DType.INT16, ((NDArray) rt.np("load", "i2.npy")).dtype());
    }
}
