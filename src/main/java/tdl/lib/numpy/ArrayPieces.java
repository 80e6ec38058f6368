package tdl.lib.numpy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * numpy's functions that cut, pick, reorder and join host arrays: copy, ravel, expand_dims,
 * empty_like, full_like, atleast_1d/2d, flip/fliplr/flipud, append, column_stack, split,
 * array_split, take, searchsorted. Every result is a new array (numpy returns views for some of
 * them; TDL's arrays never share storage, as for slicing).
 */
final class ArrayPieces {
    private ArrayPieces() {}

    static void install(Map<String, Object> np) {
        TdlCallable concatenate = (TdlCallable) np.get("concatenate");
        put(np, "copy", (rt, a) -> {
            a.check(3, "a", "order", "subok");
            order(a.get(1, "order", "K"));
            return NumpyConvert.copyOf(host(a, 0, "a"), null);
        });
        put(np, "ravel", (rt, a) -> {
            a.check(2, "a", "order");
            order(a.get(1, "order", "C"));
            NDArray x = NumpyConvert.toArray(host(a, 0, "a"));
            return Views.raveled(x);
        });
        put(np, "expand_dims", (rt, a) -> expandDims(NumpyConvert.toArray(host(a.check(2, "a", "axis"), 0, "a")), a.get(1, "axis")));
        put(np, "empty_like", (rt, a) -> like(a.check(2, "prototype", "dtype"), "prototype", null));
        put(np, "full_like", (rt, a) -> like(a.check(3, "a", "fill_value", "dtype"), "a", a.get(1, "fill_value")));
        put(np, "atleast_1d", (rt, a) -> atLeast(a, 1));
        put(np, "atleast_2d", (rt, a) -> atLeast(a, 2));
        put(np, "flip", (rt, a) -> {
            NDArray x = NumpyConvert.toArray(host(a.check(2, "m", "axis"), 0, "m"));
            boolean[] axes = AxisGroups.reducedAxes(a.get(1, "axis", null), x.rank(), AxisGroups.REPEAT);
            for (int ax = 0; ax < x.rank(); ax++) if (axes[ax]) x = reversed(x, ax);
            return x == a.get(0, "m") ? x.copy() : x;
        });
        put(np, "fliplr", (rt, a) -> {
            NDArray x = NumpyConvert.toArray(host(a.check(1, "m"), 0, "m"));
            if (x.rank() < 2) throw new TdlError(ErrorKind.VALUE_ERROR, "Input must be >= 2-d.");
            return reversed(x, 1);
        });
        put(np, "flipud", (rt, a) -> {
            NDArray x = NumpyConvert.toArray(host(a.check(1, "m"), 0, "m"));
            if (x.rank() < 1) throw new TdlError(ErrorKind.VALUE_ERROR, "Input must be >= 1-d.");
            return reversed(x, 0);
        });
        put(np, "append", (rt, a) -> {
            a.check(3, "arr", "values", "axis");
            NDArray x = NumpyConvert.toArray(host(a, 0, "arr"));
            NDArray v = NumpyConvert.toArray(host(a, 1, "values"));
            Object axis = a.get(2, "axis", null);
            if (axis == null) {
                x = x.copy().reshape(x.size());
                v = v.copy().reshape(v.size());
                axis = 0L;
            }
            return concatenate.call(rt, new Args("append", List.of(List.of(x, v), axis), Map.of()));
        });
        put(np, "column_stack", (rt, a) -> {
            List<Object> cols = new ArrayList<>();
            for (Object o : NumpyFunctions.seq(a.check(1, "tup").get(0, "tup"))) {
                NDArray x = NumpyConvert.toArray(o);
                cols.add(x.rank() < 2 ? x.copy().reshape(x.size(), 1) : x);
            }
            return concatenate.call(rt, new Args("column_stack", List.of(cols, 1L), Map.of()));
        });
        put(np, "split", (rt, a) -> split(a, true));
        put(np, "array_split", (rt, a) -> split(a, false));
        put(np, "take", (rt, a) -> take(NumpyConvert.toArray(host(a.check(5, "a", "indices", "axis", "out", "mode"), 0, "a")), a, 1));
        put(np, "searchsorted", (rt, a) -> searchsorted(NumpyConvert.toArray(host(a.check(4, "a", "v", "side", "sorter"), 0, "a")), a, 1));
    }

    /** a.take(...) and a.searchsorted(...), the same functions with the array first. */
    static TdlCallable method(NDArray self, String name) {
        return switch (name) {
            case "take" -> (rt, a) -> take(self, a.check(4, "indices", "axis", "out", "mode"), 0);
            case "searchsorted" -> (rt, a) -> searchsorted(self, a.check(3, "v", "side", "sorter"), 0);
            default -> null;
        };
    }

    static final List<String> METHODS = List.of("take", "searchsorted");

    private static void put(Map<String, Object> np, String name, TdlCallable body) { np.put(name, new Builtin(name, body)); }

    private static Object host(Args a, int i, String name) {
        Object o = a.get(i, name);
        if (o instanceof Variable) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "np." + a.function() + " works on host arrays, not symbolic variables",
                    "build the graph with the theano.tensor function of that name");
        }
        return o;
    }

    /** TDL arrays are C-ordered: 'K' and 'A' are 'C' for them, 'F' would order elements otherwise. */
    private static void order(Object o) {
        if ("C".equals(o) || "K".equals(o) || "A".equals(o)) return;
        if ("F".equals(o)) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "order='F' is not supported: TDL arrays are row-major (order='C')",
                    "leave order at its default, or transpose first");
        }
        throw new TdlError(ErrorKind.VALUE_ERROR, "order must be one of 'C', 'F', 'A', or 'K' (got '" + o + "')");
    }

    private static NDArray reshaped(NDArray x, int[] shape) {
        if (shape.length > TensorType.MAX_RANK) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "arrays of rank " + shape.length + " are not supported (rank 0 to 4)");
        }
        return Views.reshaped(x, shape); // numpy: a view (only axes of length 1 come or go)
    }

    private static NDArray expandDims(NDArray x, Object axisArg) {
        List<?> items = NumpyConvert.items(axisArg);
        List<?> axes = items != null ? items : List.of(axisArg);
        int outRank = x.rank() + axes.size();
        boolean[] added = new boolean[outRank];
        for (Object o : axes) {
            long ax = NumpyConvert.toLong(o, "axis");
            if (ax < -outRank || ax >= outRank) {
                throw new TdlError(ErrorKind.AXIS_ERROR, "axis " + ax + " is out of bounds for array of dimension " + outRank);
            }
            int n = (int) (ax < 0 ? ax + outRank : ax);
            if (added[n]) throw new TdlError(ErrorKind.VALUE_ERROR, "repeated axis");
            added[n] = true;
        }
        int[] shape = new int[outRank];
        for (int i = 0, j = 0; i < outRank; i++) shape[i] = added[i] ? 1 : x.dim(j++);
        return reshaped(x, shape);
    }

    private static NDArray like(Args a, String name, Object fill) {
        NDArray x = NumpyConvert.toArray(host(a, 0, name));
        DType d = NumpyConvert.dtype(a.get(fill == null ? 1 : 2, "dtype", null));
        NDArray out = NDArray.zeros(d == null ? x.dtype() : d, x.shape());
        if (fill != null) out.fill(out.dtype().coerce(NumpyConvert.toDouble(fill)));
        return out;
    }

    /** numpy 1.x: one argument gives its array, several give a list of them. */
    private static Object atLeast(Args a, int rank) {
        a.check(Integer.MAX_VALUE);
        List<Object> out = new ArrayList<>();
        for (Object o : a.positional()) {
            if (o instanceof Variable) throw new TdlError(ErrorKind.TYPE_ERROR, "np." + a.function() + " works on host arrays, not symbolic variables");
            NDArray x = NumpyConvert.toArray(o);
            if (x.rank() >= rank) out.add(x);
            else if (x.rank() == 0) out.add(reshaped(x, rank == 1 ? new int[] {1} : new int[] {1, 1}));
            else out.add(reshaped(x, new int[] {1, x.size()}));
        }
        return out.size() == 1 ? out.get(0) : out;
    }

    /** numpy's flip along one axis: a view (a negative stride), so writes reach x. */
    private static NDArray reversed(NDArray x, int axis) {
        int n = x.dim(axis);
        long[] idx = new long[n];
        for (int i = 0; i < n; i++) idx[i] = n - 1 - i;
        return Views.flipped(x, takeAlong(x, axis, idx, new int[] {n}), axis);
    }

    /** The elements at {@code idx} (in range) along {@code axis}: shape a.shape[:axis] + idxShape + a.shape[axis+1:]. */
    static NDArray takeAlong(NDArray a, int axis, long[] idx, int[] idxShape) {
        int outer = 1, inner = 1, n = a.dim(axis);
        for (int i = 0; i < axis; i++) outer *= a.dim(i);
        for (int i = axis + 1; i < a.rank(); i++) inner *= a.dim(i);
        int[] shape = new int[a.rank() - 1 + idxShape.length];
        System.arraycopy(a.shape(), 0, shape, 0, axis);
        System.arraycopy(idxShape, 0, shape, axis, idxShape.length);
        System.arraycopy(a.shape(), axis + 1, shape, axis + idxShape.length, a.rank() - axis - 1);
        if (shape.length > TensorType.MAX_RANK) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "arrays of rank " + shape.length + " are not supported (rank 0 to 4)");
        }
        NDArray out = NDArray.zeros(a.dtype(), shape);
        int m = idx.length, k = 0;
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < m; j++) {
                NDArray.copy(a, (int) ((o * (long) n + idx[j]) * inner), out, k, inner);
                k += inner;
            }
        }
        return out;
    }

    private static Object take(NDArray x, Args a, int first) {
        Object indices = a.get(first, "indices");
        Object axisArg = a.get(first + 1, "axis", null);
        if (a.get(first + 2, "out", null) != null) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "out= is not supported", "use the returned array");
        Object mode = a.get(first + 3, "mode", "raise");
        if (!"raise".equals(mode) && !"wrap".equals(mode) && !"clip".equals(mode)) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "clipmode must be one of 'clip', 'raise', or 'wrap' (got '" + mode + "')");
        }
        NDArray source = x;
        int axis = 0;
        if (axisArg == null) source = x.copy().reshape(x.size());
        else axis = normalizeAxis(NumpyConvert.toLong(axisArg, "axis"), x.rank());
        NDArray ind = NumpyConvert.toArray(indices);
        if (ind.dtype().isFloat()) {
            // numpy 1.x casts an array of indices 'safe'ly to int64, but reads numbers in a list with int()
            if (indices instanceof NDArray) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "Cannot cast " + (ind.rank() == 0 ? "scalar" : "array data") + " from dtype('"
                        + ind.dtype().pyName() + "') to dtype('int64') according to the rule 'safe'");
            }
            ind = truncated(ind);
        }
        int n = source.dim(axis);
        long[] idx = new long[ind.size()];
        for (int i = 0; i < idx.length; i++) {
            long j = (long) ind.get(i);
            if (n == 0 && !"raise".equals(mode)) throw new TdlError(ErrorKind.INDEX_ERROR, "cannot do a non-empty take from an empty axes.");
            if ("wrap".equals(mode)) j = Math.floorMod(j, n);
            else if ("clip".equals(mode)) j = Math.max(0, Math.min(n - 1, j));
            else if (j < -n || j >= n) throw new TdlError(ErrorKind.INDEX_ERROR, "index " + j + " is out of bounds for axis " + axis + " with size " + n);
            else if (j < 0) j += n;
            idx[i] = j;
        }
        return ArrayHooks.scalarIfRank0(takeAlong(source, axis, idx, ind.shape()));
    }

    private static NDArray truncated(NDArray floats) {
        NDArray out = NDArray.zeros(DType.INT64, floats.shape());
        for (int i = 0; i < out.size(); i++) {
            double v = floats.get(i);
            if (Double.isNaN(v)) throw new TdlError(ErrorKind.VALUE_ERROR, "cannot convert float NaN to integer");
            if (Double.isInfinite(v)) throw new TdlError(ErrorKind.OVERFLOW_ERROR, "cannot convert float infinity to integer");
            out.set(i, (double) (long) v);
        }
        return out;
    }

    private static int normalizeAxis(long ax, int rank) {
        if (ax < -rank || ax >= rank) throw new TdlError(ErrorKind.AXIS_ERROR, "axis " + ax + " is out of bounds for array of dimension " + rank);
        return (int) (ax < 0 ? ax + rank : ax);
    }

    /** numpy 1.x returns a list of the pieces. */
    private static List<Object> split(Args a, boolean equal) {
        a.check(3, "ary", "indices_or_sections", "axis");
        NDArray x = NumpyConvert.toArray(host(a, 0, "ary"));
        Object spec = a.get(1, "indices_or_sections");
        int axis = normalizeAxis(NumpyConvert.toLong(a.get(2, "axis", 0L), "axis"), x.rank());
        int n = x.dim(axis);
        List<?> points = NumpyConvert.items(spec);
        if (points == null && spec instanceof NDArray arr && arr.rank() > 0) points = NumpyConvert.toList(arr) instanceof List<?> l ? l : null;
        long[] bounds;
        if (points != null) {
            bounds = new long[points.size() + 2];
            for (int i = 0; i < points.size(); i++) {
                Object p = points.get(i);
                if (!(p instanceof Long || p instanceof Integer || p instanceof Boolean)) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "slice indices must be integers or None or have an __index__ method");
                }
                bounds[i + 1] = NumpyConvert.toLong(p, "indices");
            }
            bounds[bounds.length - 1] = n;
        } else {
            double sections = NumpyConvert.toDouble(spec);
            if (equal) {
                if (sections == 0) throw new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "integer modulo by zero");
                if (n % sections != 0) throw new TdlError(ErrorKind.VALUE_ERROR, "array split does not result in an equal division");
            }
            long parts = (long) sections;
            if (parts <= 0) throw new TdlError(ErrorKind.VALUE_ERROR, "number sections must be larger than 0.");
            long each = n / parts, extras = n % parts;
            bounds = new long[(int) parts + 1];
            for (int i = 1; i <= parts; i++) bounds[i] = bounds[i - 1] + each + (i <= extras ? 1 : 0);
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.length; i++) {
            long lo = clampSlice(bounds[i], n), hi = Math.max(lo, clampSlice(bounds[i + 1], n));
            long[] idx = new long[(int) (hi - lo)];
            for (int j = 0; j < idx.length; j++) idx[j] = lo + j;
            out.add(takeAlong(x, axis, idx, new int[] {idx.length}));
        }
        return out;
    }

    /** A slice bound as Python clamps it: negative counts from the end. */
    private static long clampSlice(long b, int n) {
        if (b < 0) b = Math.max(0, b + n);
        return Math.min(b, n);
    }

    private static Object searchsorted(NDArray sorted, Args a, int first) {
        Object v = a.get(first, "v");
        Object side = a.get(first + 1, "side", "left");
        Object sorter = a.get(first + 2, "sorter", null);
        if (sorted.rank() != 1) throw new TdlError(ErrorKind.VALUE_ERROR, "object too deep for desired array");
        boolean right;
        if ("left".equals(side) || "l".equals(side)) right = false;
        else if ("right".equals(side) || "r".equals(side)) right = true;
        else throw new TdlError(ErrorKind.VALUE_ERROR, "search side must be 'left' or 'right' (got '" + side + "')");
        double[] keys = sorted.doubles();
        if (sorter != null) {
            NDArray s = NumpyConvert.toArray(sorter);
            if (s.size() != sorted.size()) throw new TdlError(ErrorKind.VALUE_ERROR, "sorter.size must equal a.size");
            double[] k = new double[keys.length];
            for (int i = 0; i < k.length; i++) {
                long j = (long) s.get(i);
                if (j < 0 || j >= k.length) throw new TdlError(ErrorKind.VALUE_ERROR, "Sorter index out of range.");
                k[i] = keys[(int) j];
            }
            keys = k;
        }
        NDArray values = NumpyConvert.toArray(v);
        NDArray out = NDArray.zeros(DType.INT64, values.shape());
        for (int i = 0; i < out.size(); i++) out.set(i, bisect(keys, values.get(i), right));
        return NumpyConvert.isNumber(v) ? (Object) (long) out.get(0) : out;
    }

    /** The first position whose key is not below x (left) or is above x (right), NaN sorting last as in np.sort. */
    private static int bisect(double[] keys, double x, boolean right) {
        int lo = 0, hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            boolean goRight = right ? !less(x, keys[mid]) : less(keys[mid], x);
            if (goRight) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static boolean less(double a, double b) {
        return a < b || (!Double.isNaN(a) && Double.isNaN(b));
    }

}
