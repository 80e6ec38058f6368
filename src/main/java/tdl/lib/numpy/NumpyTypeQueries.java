package tdl.lib.numpy;

import java.util.Map;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.BuiltinType;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/** np.finfo, np.iinfo, np.ndarray (the type), np.isscalar and the functions np.size/shape/ndim. */
final class NumpyTypeQueries {
    private NumpyTypeQueries() {}

    static void install(Map<String, Object> np, Runtime rt) {
        np.put("finfo", (TdlCallable) (r, a) -> {
            DType d = dtypeOf(a.check(1, "dtype").get(0, "dtype"), "finfo");
            if (!d.isFloat()) throw new TdlError(ErrorKind.VALUE_ERROR, "data type <class 'numpy." + scalarName(d) + "'> not inexact");
            return new MachineLimits(d);
        });
        np.put("iinfo", (TdlCallable) (r, a) -> {
            DType d = dtypeOf(a.check(1, "int_type").get(0, "int_type"), "iinfo");
            if (!d.isInteger()) throw new TdlError(ErrorKind.VALUE_ERROR, "Invalid integer data type '" + (d == DType.BOOL ? "b" : "f") + "'.");
            return new MachineLimits(d);
        });
        np.put("ndarray", ndarrayType(rt));
        np.put("isscalar", (TdlCallable) (r, a) -> {
            Object x = a.check(1, "element").get(0, "element");
            return NumpyConvert.isNumber(x) || x instanceof String;
        });
        np.put("shape", (TdlCallable) (r, a) -> NumpyConvert.shapeTuple(array(a.check(1, "a"), "shape").shape()));
        np.put("ndim", (TdlCallable) (r, a) -> (long) array(a.check(1, "a"), "ndim").rank());
        np.put("size", (TdlCallable) (r, a) -> {
            NDArray x = array(a.check(2, "a", "axis"), "size");
            Object axis = a.get(1, "axis", null);
            if (axis == null) return (long) x.size();
            // numpy 1.x reads a.shape[axis]: a bad axis is the tuple's IndexError
            long ax = NumpyConvert.toLong(axis, "axis");
            if (ax < -x.rank() || ax >= x.rank()) throw new TdlError(ErrorKind.INDEX_ERROR, "tuple index out of range");
            return (long) x.dim((int) (ax < 0 ? ax + x.rank() : ax));
        });
    }

    /**
     * The class of host arrays, registered as the one type() gives (so isinstance and type(a) is
     * np.ndarray agree), printing as numpy's {@code <class 'numpy.ndarray'>}.
     */
    private static Object ndarrayType(Runtime rt) {
        BuiltinType t = new BuiltinType("ndarray", "numpy", v -> v instanceof NDArray, (r, a) -> {
            throw new TdlError(ErrorKind.TYPE_ERROR, "cannot create 'ndarray' instances");
        });
        return rt == null ? t : rt.registerType(t);
    }

    private static NDArray array(Args a, String function) {
        Object x = a.get(0, "a");
        if (x instanceof Variable) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "np." + function + " works on host arrays, not symbolic variables",
                    "a symbolic variable's " + function + " is known when the graph runs: use x." + function + " in the graph");
        }
        return NumpyConvert.toArray(x);
    }

    /** A dtype given as numpy accepts it: a dtype or scalar type, its name, int/float/bool, or a number. */
    private static DType dtypeOf(Object o, String function) {
        if (o == null) throw new TdlError(ErrorKind.TYPE_ERROR, function + "() dtype cannot be None");
        if (o instanceof BuiltinType t) {
            return switch (t.name()) {
                case "float" -> DType.FLOAT64;
                case "int" -> DType.INT64;
                case "bool" -> DType.BOOL;
                default -> throw new TdlError(ErrorKind.TYPE_ERROR, "np." + function + " of " + t + " is not supported",
                        "pass a numeric dtype: np.float32, 'float64', np.int32, ...");
            };
        }
        if (o instanceof Boolean) return DType.BOOL;
        if (o instanceof Long || o instanceof Integer || o instanceof java.math.BigInteger) return DType.INT64;
        if (o instanceof Double || o instanceof Float) return DType.FLOAT64;
        if (o instanceof NDArray) { // numpy takes an array for its type, ndarray, whose dtype is object
            throw new TdlError(ErrorKind.VALUE_ERROR, function.equals("finfo") ? "data type <class 'numpy.object_'> not inexact"
                    : "Invalid integer data type 'O'.", "pass the array's dtype: np." + function + "(a.dtype)");
        }
        return NumpyConvert.dtype(o);
    }

    /** numpy 1.x names its bool scalar type bool_. */
    private static String scalarName(DType d) { return d == DType.BOOL ? "bool_" : d.pyName(); }
}
