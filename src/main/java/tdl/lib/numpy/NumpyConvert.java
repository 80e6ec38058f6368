package tdl.lib.numpy;

import tdl.interp.Ints;
import tdl.interp.NumpyScalar;
import tdl.interp.RangeValue;
import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;

/**
 * Conversions between script values and host arrays, with numpy's rules: nested lists/tuples of
 * numbers become arrays (all bool -> bool, all int -> int64, any float -> float64), arrays become
 * nested lists of Python scalars. Other libraries should use these instead of their own.
 */
public final class NumpyConvert {
    private NumpyConvert() {}

    /** Whether {@code o} is a number: a Python int, float or bool, or a numpy scalar. */
    public static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof Boolean || o instanceof Integer || o instanceof Float
                || o instanceof java.math.BigInteger || o instanceof NumpyScalar;
    }

    /** numpy.asarray(o): an NDArray as is, else a new array from numbers or nested sequences. */
    public static NDArray toArray(Object o) {
        return toArray(o, null);
    }

    /** numpy.asarray(o, dtype): converts (copying only when needed) to {@code dtype} when not null. */
    public static NDArray toArray(Object o, DType dtype) {
        if (o instanceof NDArray a) return dtype == null || dtype == a.dtype() ? a : a.astype(dtype);
        List<Integer> shape = new ArrayList<>();
        DType inferred = inferShape(o, shape, 0);
        int[] sh = new int[shape.size()];
        for (int i = 0; i < sh.length; i++) sh[i] = shape.get(i);
        if (sh.length > TensorType.MAX_RANK) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "arrays of rank " + sh.length + " are not supported (rank 0 to 4)",
                    "reshape the data to at most 4 dimensions");
        }
        double[] data = new double[(int) NDArray.sizeOf(sh)];
        int[] pos = {0};
        fill(o, sh, 0, data, pos);
        DType d = dtype != null ? dtype : inferred == null ? DType.FLOAT64 : inferred;
        NDArray a = new NDArray(DType.FLOAT64, sh, data);
        return d == DType.FLOAT64 ? a : a.astype(d); // astype rounds and gives the dtype's own storage
    }

    /** A fresh array (np.array semantics: always a copy). */
    public static NDArray copyOf(Object o, DType dtype) {
        NDArray a = toArray(o, dtype);
        return a == o ? a.copy() : a;
    }

    private static DType inferShape(Object o, List<Integer> shape, int depth) {
        if (o instanceof NDArray a) {
            for (int s : a.shape()) shape.add(s);
            return a.dtype();
        }
        if (o instanceof Boolean) return DType.BOOL;
        if (o instanceof NumpyScalar s) return s.dtype(); // np.array([np.float32(1)]) is float32
        if (o instanceof Long || o instanceof Integer) return DType.INT64;
        // numpy would make an object array; TDL arrays hold machine numbers only
        if (o instanceof java.math.BigInteger) throw Ints.tooBigForLong();
        if (o instanceof Double || o instanceof Float) return DType.FLOAT64;
        List<?> items = items(o);
        if (items == null) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "cannot convert a value of type " + typeName(o) + " to an array",
                    "np.array takes numbers, bools, nested lists/tuples of them, or arrays");
        }
        if (depth > 8) throw new TdlError(ErrorKind.VALUE_ERROR, "arrays of rank > 4 are not supported");
        shape.add(items.size());
        if (items.isEmpty()) return null;
        List<Integer> first = new ArrayList<>();
        DType dtype = inferShape(items.get(0), first, depth + 1);
        for (int i = 1; i < items.size(); i++) {
            List<Integer> other = new ArrayList<>();
            DType d = inferShape(items.get(i), other, depth + 1);
            if (!other.equals(first)) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "setting an array element with a sequence. The requested array has an "
                        + "inhomogeneous shape after " + (depth + 1) + " dimensions. The detected shape was "
                        + shapeText(shape) + " + inhomogeneous part.", "every row must have the same length");
            }
            dtype = dtype == null ? d : d == null ? dtype : DType.upcast(dtype, d);
        }
        shape.addAll(first);
        return dtype;
    }

    private static String shapeText(List<Integer> shape) {
        int[] s = new int[shape.size()];
        for (int i = 0; i < s.length; i++) s[i] = shape.get(i);
        return NDArray.shapeString(s);
    }

    private static void fill(Object o, int[] shape, int depth, double[] data, int[] pos) {
        if (o instanceof NDArray a) {
            NDArray.copy(a, 0, NDArray.of(data, data.length), pos[0], a.size());
            pos[0] += a.size();
            return;
        }
        List<?> items = items(o);
        if (items == null) {
            data[pos[0]++] = toDouble(o);
            return;
        }
        for (Object item : items) fill(item, shape, depth + 1, data, pos);
    }

    /** The items of a list, tuple or range, or null for anything else. */
    static List<?> items(Object o) {
        if (o instanceof RangeValue r) return rangeItems(r);
        return Sequences.items(o);
    }

    /** A range is a sequence: np.array(range(5)) is array([0, 1, 2, 3, 4]). */
    private static List<Long> rangeItems(RangeValue r) {
        long n = r.length();
        if (n > Integer.MAX_VALUE - 8) {
            throw new TdlError(ErrorKind.MEMORY_ERROR, "cannot make an array of " + n + " elements from a range",
                    "arrays hold at most " + (Integer.MAX_VALUE - 8) + " elements");
        }
        List<Long> out = new ArrayList<>((int) n);
        for (long i = 0, v = r.start(); i < n; i++, v += r.step()) out.add(v);
        return out;
    }

    /** A keyword-only argument, or {@code fallback} when it was not passed. */
    public static Object kw(tdl.interp.Args args, String name, Object fallback) {
        return args.keywords().containsKey(name) ? args.keywords().get(name) : fallback;
    }

    /** A Python number as a double; TypeError otherwise. */
    public static double toDouble(Object o) {
        if (o instanceof Boolean b) return b ? 1 : 0;
        if (o instanceof java.math.BigInteger b) return Ints.toDouble(b);
        if (o instanceof Number n) return n.doubleValue();
        if (o instanceof NDArray a && a.size() == 1) return a.get(0);
        throw new TdlError(ErrorKind.TYPE_ERROR, "expected a number, got " + typeName(o));
    }

    /** An integer argument (int, bool, integral size-1 array); TypeError for floats, as numpy. */
    public static long toLong(Object o, String what) {
        if (o instanceof Long l) return l;
        if (o instanceof Integer i) return i;
        if (o instanceof Boolean b) return b ? 1 : 0;
        if (o instanceof java.math.BigInteger) throw Ints.tooBigForLong();
        if (o instanceof NumpyScalar s && s.isIndex()) return s.longValue();
        if (o instanceof NDArray a && a.size() == 1 && !a.dtype().isFloat()) return (long) a.get(0);
        throw new TdlError(ErrorKind.TYPE_ERROR, "'" + typeName(o) + "' object cannot be interpreted as an integer"
                + (what == null ? "" : " (" + what + ")"));
    }

    /** The Python scalar of one element: bool -> Boolean, integer dtypes -> Long, floats -> Double. */
    public static Object scalar(DType dtype, double v) {
        if (dtype == DType.BOOL) return v != 0;
        if (dtype.isFloat()) return v;
        return (long) v;
    }

    /** The numpy scalar of one element, what indexing and full reductions give (numpy's a[i], a.sum()). */
    public static NumpyScalar npScalar(DType dtype, double v) {
        return NumpyScalar.of(dtype, v);
    }

    /**
     * An index, size or axis argument with its numpy scalars as the equal Python numbers (inside
     * tuples and slices too): an integer one is an int (its __index__), a bool one a bool, a float one
     * a float (refused where numpy refuses it). For arguments read as plain ints.
     */
    public static Object plainNumbers(Object index) {
        if (index instanceof NumpyScalar s) return s.toPython();
        if (index instanceof TdlTuple t) {
            List<Object> items = null;
            for (int i = 0; i < t.size(); i++) {
                Object o = t.get(i), p = plainNumbers(o);
                if (p != o && items == null) items = new ArrayList<>(t.items());
                if (items != null) items.set(i, p);
            }
            return items == null ? index : new TdlTuple(items);
        }
        if (index instanceof tdl.interp.SliceValue sl
                && (sl.lo() instanceof NumpyScalar || sl.hi() instanceof NumpyScalar || sl.step() instanceof NumpyScalar)) {
            return new tdl.interp.SliceValue(plainNumbers(sl.lo()), plainNumbers(sl.hi()), plainNumbers(sl.step()));
        }
        return index;
    }

    /** a.tolist(): nested ArrayLists of Python scalars (a rank-0 array gives its scalar). */
    public static Object toList(NDArray a) {
        return toList(a, 0, 0);
    }

    private static Object toList(NDArray a, int axis, int offset) {
        if (axis == a.rank()) return scalar(a.dtype(), a.get(offset));
        int stride = NumpyFormat.stride(a.shape(), axis);
        ArrayList<Object> out = new ArrayList<>(a.dim(axis));
        for (int i = 0; i < a.dim(axis); i++) out.add(toList(a, axis + 1, offset + i * stride));
        return out;
    }

    /**
     * A dtype argument: null, a name ('float32', 'int64', 'uint8', 'bool', 'float', 'int', 'f4', ...),
     * or a dtype object (np.float32, a.dtype). Returns null for null.
     */
    public static DType dtype(Object o) {
        if (o == null) return null;
        if (o instanceof NpDType d) return d.dtype();
        if (o instanceof DType d) return d;
        // Python's own types as numpy reads them: dtype=float is float64, int int64, bool bool
        if (o instanceof tdl.interp.BuiltinType t && (t.name().equals("float") || t.name().equals("int") || t.name().equals("bool"))) {
            return dtypeName(t.name().equals("bool") ? "bool_" : t.name());
        }
        if (o instanceof String s) {
            DType d = dtypeName(s);
            if (d != null) return d;
            throw new TdlError(ErrorKind.TYPE_ERROR, "data type '" + s + "' not understood",
                    "use one of float64 float32 int64 int32 int16 int8 uint8 bool");
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, "Cannot interpret '" + typeName(o) + "' as a data type");
    }

    static DType dtypeName(String s) {
        DType d = DType.fromName(s);
        if (d != null) return d;
        return switch (s) {
            case "float", "double", "f8", "d", "<f8", "float_" -> DType.FLOAT64;
            case "f4", "f", "<f4", "single" -> DType.FLOAT32;
            case "int", "i8", "<i8", "long", "int_", "l" -> DType.INT64;
            case "i4", "<i4", "intc" -> DType.INT32;
            case "i2", "<i2", "short", "h" -> DType.INT16;
            case "i1", "byte" -> DType.INT8;
            case "u1", "|u1", "ubyte", "B" -> DType.UINT8;
            case "bool_", "?", "b1", "|b1" -> DType.BOOL;
            default -> null;
        };
    }

    /** The Python type name of a value, for messages. */
    public static String typeName(Object o) {
        if (o == null) return "NoneType";
        if (o instanceof Long || o instanceof Integer || o instanceof java.math.BigInteger) return "int";
        if (o instanceof Double || o instanceof Float) return "float";
        if (o instanceof Boolean) return "bool";
        if (o instanceof String) return "str";
        if (o instanceof List<?>) return "list";
        if (o instanceof TdlTuple) return "tuple";
        if (o instanceof java.util.Map<?, ?>) return "dict";
        if (o instanceof NDArray) return "numpy.ndarray";
        if (o instanceof NumpyScalar s) return "numpy." + ScalarHooks.typeShortName(s.dtype());
        return o.getClass().getSimpleName();
    }

    /** A shape argument: an int or a tuple/list of ints. */
    public static int[] shape(Object o) {
        List<?> items = items(o);
        if (items == null) return new int[] {checkDim(toLong(o, "shape"))};
        int[] s = new int[items.size()];
        for (int i = 0; i < s.length; i++) s[i] = checkDim(toLong(items.get(i), "shape"));
        if (s.length > TensorType.MAX_RANK) throw new TdlError(ErrorKind.VALUE_ERROR, "arrays of rank " + s.length + " are not supported (rank 0 to 4)");
        return s;
    }

    private static int checkDim(long d) {
        if (d < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "negative dimensions are not allowed");
        if (d > Integer.MAX_VALUE) throw new TdlError(ErrorKind.VALUE_ERROR, "array is too big");
        return (int) d;
    }

    /** The shape of an array as a script tuple of ints. */
    public static TdlTuple shapeTuple(int[] shape) {
        Object[] items = new Object[shape.length];
        for (int i = 0; i < shape.length; i++) items[i] = (long) shape[i];
        return TdlTuple.of(items);
    }
}
