package tdl.lib.numpy;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.Builtin;
import tdl.interp.TdlCallable;
import tdl.syntax.TdlError;

/** The functions of module {@code numpy}: creation, elementwise math, reductions, joins, tests. */
final class NumpyFunctions {
    private NumpyFunctions() {}

    static void install(Map<String, Object> np) {
        // creation
        np.put("array", (TdlCallable) (rt, a) -> {
            a.check(4, "object", "dtype", "copy", "ndmin");
            NDArray out = NumpyConvert.copyOf(a.get(0, "object"), NumpyConvert.dtype(a.get(1, "dtype", null)));
            int ndmin = (int) NumpyConvert.toDouble(a.get(3, "ndmin", 0L));
            if (ndmin <= out.rank()) return out;
            // numpy prepends ones to the shape
            int[] shape = new int[ndmin];
            java.util.Arrays.fill(shape, 1);
            System.arraycopy(out.shape(), 0, shape, ndmin - out.rank(), out.rank());
            return out.reshape(shape);
        });
        np.put("asarray", (TdlCallable) (rt, a) -> NumpyConvert.toArray(a.check(2, "a", "dtype").get(0, "a"),
                NumpyConvert.dtype(a.get(1, "dtype", null))));
        np.put("zeros", (TdlCallable) (rt, a) -> full(a, 0.0, "zeros"));
        np.put("empty", (TdlCallable) (rt, a) -> full(a, 0.0, "empty"));
        np.put("ones", (TdlCallable) (rt, a) -> full(a, 1.0, "ones"));
        np.put("full", (TdlCallable) (rt, a) -> {
            a.check(3, "shape", "fill_value", "dtype");
            Object v = a.get(1, "fill_value");
            DType d = NumpyConvert.dtype(a.get(2, "dtype", null));
            if (d == null) d = NumpyConvert.toArray(v).dtype();
            NDArray out = NDArray.zeros(d, NumpyConvert.shape(a.get(0, "shape")));
            out.fill(d.coerce(NumpyConvert.toDouble(v)));
            return out;
        });
        np.put("zeros_like", (TdlCallable) (rt, a) -> like(a, 0.0));
        np.put("ones_like", (TdlCallable) (rt, a) -> like(a, 1.0));
        np.put("arange", (TdlCallable) NumpyFunctions::arange);
        np.put("linspace", (TdlCallable) (rt, a) -> {
            a.check(4, "start", "stop", "num", "endpoint", "dtype");
            double lo = NumpyConvert.toDouble(a.get(0, "start"));
            double hi = NumpyConvert.toDouble(a.get(1, "stop"));
            int n = tdl.interp.Ints.toInt(NumpyConvert.toLong(a.get(2, "num", 50L), "num"));
            if (n < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "Number of samples, " + n + ", must be non-negative.");
            boolean endpoint = !Boolean.FALSE.equals(a.get(3, "endpoint", true));
            int div = endpoint ? n - 1 : n;
            double step = div > 0 ? (hi - lo) / div : 0;
            double[] d = new double[n];
            for (int i = 0; i < n; i++) d[i] = lo + i * step;
            if (endpoint && n > 1) d[n - 1] = hi;
            DType dt = NumpyConvert.dtype(NumpyConvert.kw(a, "dtype", null));
            NDArray out = NDArray.of(d, n);
            return dt == null ? out : out.astype(dt);
        });
        np.put("eye", (TdlCallable) (rt, a) -> {
            a.check(3, "N", "M", "k", "dtype");
            int n = tdl.interp.Ints.toInt(NumpyConvert.toLong(a.get(0, "N"), "N"));
            Object mArg = a.get(1, "M", null);
            int mm = mArg == null ? n : tdl.interp.Ints.toInt(NumpyConvert.toLong(mArg, "M"));
            int k = tdl.interp.Ints.toInt(NumpyConvert.toLong(a.get(2, "k", 0L), "k"));
            DType d = NumpyConvert.dtype(NumpyConvert.kw(a, "dtype", null));
            NDArray out = NDArray.zeros(d == null ? DType.FLOAT64 : d, n, mm);
            for (int i = 0; i < n; i++) if (i + k >= 0 && i + k < mm) out.set(i * mm + i + k, 1);
            return out;
        });
        np.put("identity", (TdlCallable) (rt, a) -> {
            int n = tdl.interp.Ints.toInt(NumpyConvert.toLong(a.check(1, "n", "dtype").get(0, "n"), "n"));
            DType d = NumpyConvert.dtype(NumpyConvert.kw(a, "dtype", null));
            NDArray out = NDArray.zeros(d == null ? DType.FLOAT64 : d, n, n);
            for (int i = 0; i < n; i++) out.set(i * n + i, 1);
            return out;
        });
        // elementwise
        for (Scalar s : Scalar.values()) {
            for (String name : s.help().names()) {
                if (!name.startsWith("np.")) continue;
                if (s.arity() == 1) unary(np, name.substring(3), s);
                else binary(np, name.substring(3), s);
            }
        }
        // numpy's reciprocal of an integer array is integer (1 // x, 0 for |x| > 1): refused, not a float result
        TdlCallable reciprocal = (TdlCallable) np.get("reciprocal");
        np.put("reciprocal", (TdlCallable) (rt, a) -> {
            Object x = a.get(0, "x", null);
            if (!(x instanceof Variable) && x != null && !NumpyConvert.toArray(x).dtype().isFloat()) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "np.reciprocal of an integer array is integer division in numpy (1 // x); TDL does not compute it",
                        "use 1.0 / x for a float result");
            }
            return reciprocal.call(rt, a);
        });
        np.put("isfinite", (TdlCallable) (rt, a) -> {
            HostMath m = new HostMath(rt);
            Object x = a.check(1, "x").get(0, "x");
            return result(x, m.run(v -> m.ops().not(m.ops().or(m.ops().isnan(v.get(0)), m.ops().isinf(v.get(0)))), x));
        });
        np.put("round", (TdlCallable) (rt, a) -> round(new HostMath(rt), a.check(2, "a", "decimals").get(0, "a"), a.get(1, "decimals", 0L)));
        np.put("around", np.get("round"));
        np.put("clip", (TdlCallable) (rt, a) -> clip(new HostMath(rt), a.check(3, "a", "a_min", "a_max").get(0, "a"),
                a.get(1, "a_min"), a.get(2, "a_max")));
        np.put("where", (TdlCallable) (rt, a) -> {
            a.check(3, "condition", "x", "y");
            HostMath m = new HostMath(rt);
            Object c = a.get(0, "condition");
            if (!a.has(1, "x")) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.where(condition) with one argument is not supported",
                    "use np.where(cond, x, y), or a boolean mask a[cond]");
            return m.run(v -> m.ops().switchOp(v.get(0), v.get(1), v.get(2)), c, a.get(1, "x"), a.get(2, "y"));
        });
        // reductions
        reduction(np, "sum", Reductions.Kind.SUM);
        reduction(np, "prod", Reductions.Kind.PROD);
        reduction(np, "mean", Reductions.Kind.MEAN);
        reduction(np, "max", Reductions.Kind.MAX);
        reduction(np, "amax", Reductions.Kind.MAX);
        reduction(np, "min", Reductions.Kind.MIN);
        reduction(np, "amin", Reductions.Kind.MIN);
        reduction(np, "std", Reductions.Kind.STD);
        reduction(np, "var", Reductions.Kind.VAR);
        reduction(np, "any", Reductions.Kind.ANY);
        reduction(np, "all", Reductions.Kind.ALL);
        reduction(np, "argmax", Reductions.Kind.ARGMAX);
        reduction(np, "argmin", Reductions.Kind.ARGMIN);
        // linear algebra and shapes
        np.put("dot", (TdlCallable) (rt, a) -> {
            HostMath m = new HostMath(rt);
            return ArrayHooks.scalarIfRank0(m.run(v -> m.ops().dot(v.get(0), v.get(1)), a.check(2, "a", "b").get(0, "a"), a.get(1, "b")));
        });
        np.put("matmul", (TdlCallable) (rt, a) -> {
            HostMath m = new HostMath(rt);
            return ArrayHooks.scalarIfRank0(m.run(v -> m.ops().matmul(v.get(0), v.get(1)), a.check(2, "x1", "x2").get(0, "x1"), a.get(1, "x2")));
        });
        np.put("tensordot", (TdlCallable) (rt, a) -> {
            HostMath m = new HostMath(rt);
            TensordotAxes axes = TensordotAxes.parse(a.check(3, "a", "b", "axes").get(2, "axes", 2L), "tensordot");
            return ArrayHooks.scalarIfRank0(m.run(v -> axes.apply(m.ops(), v.get(0), v.get(1), false), a.get(0, "a"), a.get(1, "b")));
        });
        np.put("outer", (TdlCallable) (rt, a) -> {
            HostMath m = new HostMath(rt);
            return m.run(v -> m.ops().outer(v.get(0), v.get(1)), a.check(2, "a", "b").get(0, "a"), a.get(1, "b"));
        });
        np.put("transpose", (TdlCallable) (rt, a) -> Shapes.transposeView(NumpyConvert.toArray(a.check(2, "a", "axes").get(0, "a")), a.get(1, "axes", null)));
        np.put("reshape", (TdlCallable) (rt, a) -> {
            NDArray x = NumpyConvert.toArray(a.check(2, "a", "newshape").get(0, "a"));
            return Views.reshaped(x, Shapes.reshapedShape(x, a.get(1, "newshape")));
        });
        np.put("concatenate", (TdlCallable) (rt, a) -> join(rt, a, false));
        np.put("stack", (TdlCallable) (rt, a) -> join(rt, a, true));
        np.put("vstack", (TdlCallable) (rt, a) -> {
            List<Object> parts = new ArrayList<>();
            for (Object o : seq(a.check(1, "tup").get(0, "tup"))) {
                NDArray x = NumpyConvert.toArray(o);
                parts.add(x.rank() == 1 ? x.reshape(1, x.size()) : x);
            }
            return concat(rt, parts, 0);
        });
        np.put("hstack", (TdlCallable) (rt, a) -> {
            List<Object> parts = seq(a.check(1, "tup").get(0, "tup"));
            boolean vectors = !parts.isEmpty() && NumpyConvert.toArray(parts.get(0)).rank() == 1;
            return concat(rt, parts, vectors ? 0 : 1);
        });
        np.put("tile", (TdlCallable) (rt, a) -> tile(NumpyConvert.toArray(a.check(2, "A", "reps").get(0, "A")), a.get(1, "reps")));
        // comparisons of whole arrays
        np.put("allclose", (TdlCallable) (rt, a) -> {
            NDArray c = isclose(rt, a);
            for (int i = 0, n = c.size(); i < n; i++) if (c.get(i) == 0) return false;
            return true;
        });
        np.put("isclose", (TdlCallable) (rt, a) -> result(a.get(0, "a"), isclose(rt, a)));
        np.put("array_equal", (TdlCallable) (rt, a) -> {
            NDArray x = NumpyConvert.toArray(a.check(2, "a1", "a2").get(0, "a1"));
            NDArray y = NumpyConvert.toArray(a.get(1, "a2"));
            return x.sameShape(y.shape()) && java.util.Arrays.equals(x.doubles(), y.doubles());
        });
    }

    /** A 0-d result (of a number or a 0-d array) is a numpy scalar, as numpy's ufuncs give. */
    private static Object result(Object input, NDArray out) {
        return out.rank() == 0 ? NumpyConvert.npScalar(out.dtype(), out.get(0)) : out;
    }

    private static void unary(Map<String, Object> np, String name, Scalar s) {
        np.put(name, new Builtin(name, (rt, a) -> {
            Object x = a.check(1, "x").get(0, "x");
            if (x instanceof Variable) throw symbolic(name);
            return result(x, new HostMath(rt).unary(s, x));
        }));
    }

    private static void binary(Map<String, Object> np, String name, Scalar s) {
        np.put(name, new Builtin(name, (rt, a) -> {
            Object x = a.check(2, "x1", "x2").get(0, "x1");
            Object y = a.get(1, "x2");
            if (x instanceof Variable || y instanceof Variable) throw symbolic(name);
            NDArray out = new HostMath(rt).binary(s, x, y);
            return result(x, out);
        }));
    }

    private static TdlError symbolic(String name) {
        return new TdlError(ErrorKind.TYPE_ERROR, "np." + name + " works on host arrays, not symbolic variables",
                "use T." + name + " to build a graph node");
    }

    private static void reduction(Map<String, Object> np, String name, Reductions.Kind kind) {
        np.put(name, (TdlCallable) (rt, a) -> {
            Object x = a.get(0, "a");
            if (x instanceof Variable) throw symbolic(name);
            return Reductions.reduce(new HostMath(rt), kind, NumpyConvert.toArray(x), a, 1);
        });
    }

    private static NDArray full(Args a, double value, String name) {
        a.check(2, "shape", "dtype");
        DType d = NumpyConvert.dtype(a.get(1, "dtype", null));
        NDArray out = NDArray.zeros(d == null ? DType.FLOAT64 : d, NumpyConvert.shape(a.get(0, "shape")));
        if (value != 0) out.fill(value);
        return out;
    }

    private static NDArray like(Args a, double value) {
        a.check(2, "a", "dtype");
        NDArray x = NumpyConvert.toArray(a.get(0, "a"));
        DType d = NumpyConvert.dtype(a.get(1, "dtype", null));
        NDArray out = NDArray.zeros(d == null ? x.dtype() : d, x.shape());
        if (value != 0) out.fill(value);
        return out;
    }

    private static NDArray arange(Runtime rt, Args a) {
        a.check(3, "start", "stop", "step", "dtype");
        Object start = a.get(0, "start");
        Object stop = a.get(1, "stop", null);
        Object step = a.get(2, "step", 1L);
        if (stop == null) {
            stop = start;
            start = 0L;
        }
        boolean isFloat = !(isInt(start) && isInt(stop) && isInt(step));
        double lo = NumpyConvert.toDouble(start);
        double hi = NumpyConvert.toDouble(stop);
        double st = NumpyConvert.toDouble(step);
        if (st == 0) throw new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "division by zero");
        double count = Math.max(0, Math.ceil((hi - lo) / st));
        double[] d = tdl.graph.Memory.doubles(count > Long.MAX_VALUE ? Long.MAX_VALUE : (long) count, isFloat ? DType.FLOAT64 : DType.INT64);
        int n = d.length;
        for (int i = 0; i < n; i++) d[i] = lo + i * st;
        DType dt = NumpyConvert.dtype(a.get(3, "dtype", null));
        NDArray out = new NDArray(isFloat ? DType.FLOAT64 : DType.INT64, new int[] {n}, d);
        return dt == null ? out : out.astype(dt);
    }

    private static boolean isInt(Object o) {
        return o instanceof Long || o instanceof Integer || o instanceof Boolean || o instanceof tdl.interp.NumpyScalar s && s.isIndex();
    }

    static Object round(HostMath m, Object x, Object decimalsArg) {
        long dec = NumpyConvert.toLong(decimalsArg, "decimals");
        NDArray a = NumpyConvert.toArray(x);
        NDArray out;
        if (dec == 0) {
            out = m.unary(Scalar.ROUND, a);
        } else {
            // numpy: round(x * 10**d) / 10**d, half to even
            double f = Math.pow(10, dec);
            out = m.run(v -> m.ops().trueDiv(m.ops().round(m.ops().mul(v.get(0), f)), f), a);
            if (!a.dtype().isFloat()) out = out.astype(a.dtype());
        }
        return result(x, out);
    }

    static Object clip(HostMath m, Object x, Object lo, Object hi) {
        if (lo == null && hi == null) throw new TdlError(ErrorKind.VALUE_ERROR, "One of max or min must be given");
        // one bound is numpy's maximum or minimum: an infinite other bound would make an int array float
        if (hi == null) return result(x, m.binary(Scalar.MAXIMUM, x, lo));
        if (lo == null) return result(x, m.binary(Scalar.MINIMUM, x, hi));
        return result(x, m.run(v -> m.ops().clip(v.get(0), v.get(1), v.get(2)), x, lo, hi));
    }

    private static NDArray isclose(Runtime rt, Args a) {
        a.check(5, "a", "b", "rtol", "atol", "equal_nan");
        HostMath m = new HostMath(rt);
        Object x = a.get(0, "a");
        Object y = a.get(1, "b");
        double rtol = NumpyConvert.toDouble(a.get(2, "rtol", 1e-5));
        double atol = NumpyConvert.toDouble(a.get(3, "atol", 1e-8));
        boolean equalNan = rt.truth(a.get(4, "equal_nan", false));
        HostMath.checkBroadcast(x, y);
        return m.run(v -> {
            var t = m.ops();
            return t.isclose(t.cast(v.get(0), DType.FLOAT64), t.cast(v.get(1), DType.FLOAT64), rtol, atol, equalNan);
        }, x, y);
    }

    static List<Object> seq(Object o) {
        List<?> items = NumpyConvert.items(o);
        if (items == null) {
            if (o instanceof NDArray arr && arr.rank() > 0) {
                List<Object> rows = new ArrayList<>();
                for (long i = 0; i < arr.dim(0); i++) rows.add(ArrayIndex.get(arr, i));
                return rows;
            }
            throw new TdlError(ErrorKind.TYPE_ERROR, "expected a sequence of arrays, got " + NumpyConvert.typeName(o));
        }
        return new ArrayList<>(items);
    }

    private static NDArray join(Runtime rt, Args a, boolean stack) {
        a.check(2, "arrays", "axis");
        List<Object> parts = seq(a.get(0, "arrays"));
        int axis = tdl.interp.Ints.toInt(NumpyConvert.toLong(a.get(1, "axis", 0L), "axis"));
        if (parts.isEmpty()) throw new TdlError(ErrorKind.VALUE_ERROR, "need at least one array to " + (stack ? "stack" : "concatenate"));
        if (stack) {
            int[] s0 = NumpyConvert.toArray(parts.get(0)).shape();
            for (Object p : parts) {
                if (!NumpyConvert.toArray(p).sameShape(s0)) throw new TdlError(ErrorKind.VALUE_ERROR, "all input arrays must have the same shape");
            }
            HostMath m = new HostMath(rt);
            return m.run(v -> m.ops().stack(v, axis), parts.toArray());
        }
        return concat(rt, parts, axis);
    }

    private static NDArray concat(Runtime rt, List<Object> parts, int axis) {
        NDArray first = NumpyConvert.toArray(parts.get(0));
        if (first.rank() == 0) throw new TdlError(ErrorKind.VALUE_ERROR, "zero-dimensional arrays cannot be concatenated");
        int r = first.rank();
        int ax = axis < 0 ? axis + r : axis;
        if (ax < 0 || ax >= r) throw new TdlError(ErrorKind.AXIS_ERROR, "axis " + axis + " is out of bounds for array of dimension " + r);
        for (int i = 1; i < parts.size(); i++) {
            NDArray p = NumpyConvert.toArray(parts.get(i));
            if (p.rank() != r) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "all the input arrays must have same number of dimensions, but the array at index 0 has "
                        + r + " dimension(s) and the array at index " + i + " has " + p.rank() + " dimension(s)");
            }
            for (int d = 0; d < r; d++) {
                if (d != ax && p.dim(d) != first.dim(d)) {
                    throw new TdlError(ErrorKind.VALUE_ERROR, "all the input array dimensions except for the concatenation axis must match "
                            + "exactly, but along dimension " + d + ", the array at index 0 has size " + first.dim(d)
                            + " and the array at index " + i + " has size " + p.dim(d));
                }
            }
        }
        HostMath m = new HostMath(rt);
        return m.run(v -> m.ops().concatenate(v, ax), parts.toArray());
    }

    private static NDArray tile(NDArray a, Object repsArg) {
        int[] reps = NumpyConvert.shape(repsArg);
        int r = Math.max(a.rank(), reps.length);
        int[] src = new int[r];
        int[] rp = new int[r];
        for (int i = 0; i < r; i++) {
            int si = i - (r - a.rank());
            int ri = i - (r - reps.length);
            src[i] = si >= 0 ? a.dim(si) : 1;
            rp[i] = ri >= 0 ? reps[ri] : 1;
        }
        int[] out = new int[r];
        for (int i = 0; i < r; i++) out[i] = src[i] * rp[i];
        NDArray res = NDArray.zeros(a.dtype(), out);
        int[] idx = new int[r];
        for (int k = 0; k < res.size(); k++) {
            int o = 0;
            for (int i = 0; i < r; i++) o = o * src[i] + idx[i] % src[i];
            res.set(k, a.get(o));
            for (int i = r - 1; i >= 0; i--) {
                if (++idx[i] < out[i]) break;
                idx[i] = 0;
            }
        }
        return res;
    }

}
