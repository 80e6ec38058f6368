package tdl.api;

import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrix;
import org.ejml.data.DMatrixRMaj;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.interp.TdlTuple;
import tdl.lib.numpy.NumpyConvert;
import tdl.syntax.TdlError;

/**
 * The value mapping between Java and scripts (the table in docs/embedding.md). Going in, Java arrays
 * and matrices are copied into host arrays and collections are copied into script lists and dicts,
 * so a script never shares mutable Java storage; coming out, the caller names the Java type it wants.
 */
final class JavaValues {
    private final TdlSession session;

    JavaValues(TdlSession session) { this.session = session; }

    // ---- Java -> script ----

    Object toScript(Object v) {
        if (v == null || v instanceof Long || v instanceof Double || v instanceof Boolean || v instanceof String) return v;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof java.math.BigInteger b) return tdl.interp.Ints.normalize(b); // script ints are unbounded
        if (v instanceof java.util.concurrent.atomic.AtomicInteger || v instanceof java.util.concurrent.atomic.AtomicLong) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Character c) return c.toString();
        if (v instanceof NDArray || v instanceof Variable) return v;
        if (v instanceof TdlFunction f) return f.target();
        if (v instanceof double[] d) return new NDArray(DType.FLOAT64, new int[] {d.length}, d.clone());
        if (v instanceof float[] f) return new NDArray(new int[] {f.length}, f.clone()); // float32: 4-byte storage, no detour
        if (v instanceof int[] i) return new NDArray(DType.INT64, new int[] {i.length}, widen(i));
        if (v instanceof long[] l) return new NDArray(DType.INT64, new int[] {l.length}, widen(l));
        if (v instanceof boolean[] b) return new NDArray(DType.BOOL, new int[] {b.length}, widen(b));
        if (v instanceof double[][] m) return matrix(m);
        if (v instanceof float[][] m) return floatMatrix(m);
        if (v instanceof DMatrixRMaj m) {
            double[] data = java.util.Arrays.copyOf(m.data, m.numRows * m.numCols);
            return new NDArray(DType.FLOAT64, new int[] {m.numRows, m.numCols}, data);
        }
        if (v instanceof DMatrix m) {
            double[] data = new double[m.getNumRows() * m.getNumCols()];
            for (int r = 0; r < m.getNumRows(); r++) {
                for (int c = 0; c < m.getNumCols(); c++) data[r * m.getNumCols() + c] = m.get(r, c);
            }
            return new NDArray(DType.FLOAT64, new int[] {m.getNumRows(), m.getNumCols()}, data);
        }
        if (v instanceof Object[] arr) {
            ArrayList<Object> out = new ArrayList<>(arr.length);
            for (Object o : arr) out.add(toScript(o));
            return out;
        }
        if (v instanceof List<?> l) {
            ArrayList<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(toScript(o));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(hashableKey(toScript(e.getKey())), toScript(e.getValue()));
            return out;
        }
        return v; // any other Java object travels as an opaque value a script can hold and pass back
    }

    private static Object hashableKey(Object k) {
        return k instanceof List<?> l ? new TdlTuple(new ArrayList<>(l)) : k;
    }

    private static NDArray matrix(double[][] m) {
        int rows = m.length;
        int cols = rows == 0 ? 0 : m[0].length;
        double[] data = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            if (m[r].length != cols) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "a double[][] with rows of different lengths (row 0 has " + cols
                        + ", row " + r + " has " + m[r].length + ") cannot become an array", "pass a rectangular matrix");
            }
            System.arraycopy(m[r], 0, data, r * cols, cols);
        }
        return new NDArray(DType.FLOAT64, new int[] {rows, cols}, data);
    }

    /** A float32 matrix stored as floats (no double detour). */
    private static NDArray floatMatrix(float[][] m) {
        int rows = m.length;
        int cols = rows == 0 ? 0 : m[0].length;
        float[] data = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            if (m[r].length != cols) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "a float[][] with rows of different lengths (row 0 has " + cols
                        + ", row " + r + " has " + m[r].length + ") cannot become an array", "pass a rectangular matrix");
            }
            System.arraycopy(m[r], 0, data, r * cols, cols);
        }
        return new NDArray(new int[] {rows, cols}, data);
    }

    private static double[] widen(Object primitiveArray) {
        int n = Array.getLength(primitiveArray);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            Object e = Array.get(primitiveArray, i);
            d[i] = e instanceof Boolean b ? (b ? 1 : 0) : ((Number) e).doubleValue();
        }
        return d;
    }

    // ---- script -> Java ----

    /** The natural Java form: numbers, strings and booleans as is, lists/tuples as Lists, dicts as Maps. */
    Object toJava(Object v) {
        if (v instanceof tdl.interp.NumpyScalar s) v = s.toPython(); // np.float32(0.5) crosses as the Double it holds
        if (v == null || v instanceof Long || v instanceof Double || v instanceof Boolean || v instanceof String
                || v instanceof NDArray || v instanceof Variable || v instanceof java.math.BigInteger) return v; // an int past 64 bits: BigInteger
        if (v instanceof TdlTuple t) return Collections.unmodifiableList(list(t.items()));
        if (v instanceof List<?> l) return list(l);
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(toJava(e.getKey()), toJava(e.getValue()));
            return out;
        }
        if (session.interpreter().isCallable(v)) return new TdlFunction(session, v, null);
        return v;
    }

    private List<Object> list(List<?> l) {
        ArrayList<Object> out = new ArrayList<>(l.size());
        for (Object o : l) out.add(toJava(o));
        return out;
    }

    /** The value as an instance of {@code type}, converting arrays and numbers; a TypeError when it cannot. */
    @SuppressWarnings("unchecked")
    <T> T toJava(Object v, Class<T> type) {
        if (v instanceof tdl.interp.NumpyScalar s) v = s.toPython();
        Class<?> t = type.isPrimitive() ? boxed(type) : type;
        if (t == Object.class) return (T) toJava(v);
        if (t == Double.class) return (T) (Double) number(v, type);
        if (t == Float.class) return (T) (Float) (float) number(v, type);
        if (t == Long.class) return (T) (Long) integral(v, type);
        if (t == Integer.class) {
            long l = integral(v, type);
            if (l != (int) l) throw cannot(v, type, "the value does not fit in an int; ask for a Long or a BigInteger");
            return (T) (Integer) (int) l;
        }
        if (t == java.math.BigInteger.class) {
            if (v instanceof java.math.BigInteger b) return (T) b;
            return (T) java.math.BigInteger.valueOf(integral(v, type));
        }
        if (t == Boolean.class) {
            if (v instanceof Boolean b) return (T) b;
            NDArray a = arrayOrNull(v);
            if (a != null && a.size() == 1 && a.dtype() == DType.BOOL) return (T) (Boolean) (a.item() != 0);
            throw cannot(v, type, "compare in the script, e.g. bool(x)");
        }
        if (t == String.class) {
            if (v instanceof String s) return (T) s;
            throw cannot(v, type, "format it in the script with str(x)");
        }
        if (t == NDArray.class) return (T) array(v, type, -1).copy();
        if (t == double[].class) {
            NDArray a = array(v, type, 1);
            return (T) (a.isFloats() ? a.doubles() : a.data().clone()); // doubles() of a float32 array is already a copy
        }
        if (t == float[].class) {
            NDArray a = array(v, type, 1);
            if (!a.isFloats()) throw cannot(v, type, "a float[] holds a float32 array; ask for double[], or convert with .astype('float32') in the script");
            return (T) a.floats().clone();
        }
        if (t == long[].class) {
            double[] d = array(v, type, 1).doubles();
            long[] out = new long[d.length];
            for (int i = 0; i < d.length; i++) out[i] = (long) d[i];
            return (T) out;
        }
        if (t == double[][].class) {
            NDArray a = array(v, type, 2);
            double[][] out = new double[a.dim(0)][];
            double[] d = a.doubles(); // once: a float32 array's is a widened copy
            for (int r = 0; r < out.length; r++) out[r] = java.util.Arrays.copyOfRange(d, r * a.dim(1), (r + 1) * a.dim(1));
            return (T) out;
        }
        if (t == float[][].class) {
            NDArray a = array(v, type, 2);
            if (!a.isFloats()) throw cannot(v, type, "a float[][] holds a float32 matrix; ask for double[][], or convert with .astype('float32') in the script");
            float[][] out = new float[a.dim(0)][];
            for (int r = 0; r < out.length; r++) out[r] = java.util.Arrays.copyOfRange(a.floats(), r * a.dim(1), (r + 1) * a.dim(1));
            return (T) out;
        }
        if (t == DMatrixRMaj.class || t == DMatrix.class) {
            NDArray a = array(v, type, 2);
            return (T) new DMatrixRMaj(a.dim(0), a.dim(1), true, a.isFloats() ? a.doubles() : a.data().clone());
        }
        if (t == TdlFunction.class) {
            if (v instanceof TdlFunction) return (T) v;
            if (session.interpreter().isCallable(v)) return (T) new TdlFunction(session, v, null);
            throw cannot(v, type, "only functions, compiled functions, classes and callable objects can be called");
        }
        if (t == List.class || t == java.util.Collection.class || t == Iterable.class) {
            if (Sequences.isListOrTuple(v)) return (T) new ArrayList<>((List<?>) toJava(v));
            if (v instanceof NDArray a) return (T) toJava(NumpyConvert.toList(a));
        }
        if (t == Map.class && v instanceof Map<?, ?>) return (T) toJava(v);
        if (t.isInstance(v)) return (T) v;
        Object natural = toJava(v);
        if (t.isInstance(natural)) return (T) natural;
        throw cannot(v, type, null);
    }

    private double number(Object v, Class<?> type) {
        if (v instanceof Long || v instanceof Double) return ((Number) v).doubleValue();
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof java.math.BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) throw cannot(v, type, "the int is too large for a double");
            return d;
        }
        NDArray a = arrayOrNull(v);
        if (a != null && a.size() == 1) return a.item();
        throw cannot(v, type, a != null ? "index one element or reduce it in the script (e.g. x.sum())" : null);
    }

    private long integral(Object v, Class<?> type) {
        if (v instanceof Long l) return l;
        if (v instanceof java.math.BigInteger) throw cannot(v, type, "the int needs more than 64 bits; ask for a BigInteger");
        if (v instanceof Boolean b) return b ? 1 : 0;
        double d = number(v, type);
        if (d != Math.rint(d) || Double.isInfinite(d)) throw cannot(v, type, "round it in the script, or ask for a double");
        return (long) d;
    }

    private static NDArray arrayOrNull(Object v) {
        if (v instanceof NDArray a) return a;
        if (v instanceof SharedVariable s) return s.value();
        return null;
    }

    private NDArray array(Object v, Class<?> type, int rank) {
        NDArray a = arrayOrNull(v);
        if (a == null) {
            if (v instanceof Variable) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "'" + v + "' is symbolic and has no value to convert to " + type.getSimpleName(),
                        "compile it with theano.function or call .eval() in the script");
            }
            if (!(Sequences.isListOrTuple(v) || NumpyConvert.isNumber(v))) throw cannot(v, type, null);
            a = NumpyConvert.toArray(v);
        }
        if (rank >= 0 && a.rank() != rank) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "cannot convert an array of shape " + NDArray.shapeString(a.shape()) + " to "
                    + type.getSimpleName() + " (needs " + rank + " dimension" + (rank == 1 ? "" : "s") + ")",
                    "reshape it in the script, e.g. x.reshape(" + (rank == 1 ? "-1" : "(n, 1)") + ")");
        }
        return a;
    }

    private TdlError cannot(Object v, Class<?> type, String hint) {
        return new TdlError(ErrorKind.TYPE_ERROR, "cannot convert a TDL " + session.typeName(v) + " to " + type.getSimpleName(), hint);
    }

    private static Class<?> boxed(Class<?> p) {
        if (p == double.class) return Double.class;
        if (p == float.class) return Float.class;
        if (p == long.class) return Long.class;
        if (p == int.class) return Integer.class;
        if (p == boolean.class) return Boolean.class;
        if (p == void.class) return Void.class;
        return p;
    }
}
