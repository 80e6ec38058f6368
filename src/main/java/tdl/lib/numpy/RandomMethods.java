package tdl.lib.numpy;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.syntax.TdlError;

/**
 * The script-facing methods of a {@link RandomState} (also the module-level np.random functions,
 * bound to the session's state). {@code size=None} gives a Python scalar, an int or a tuple gives
 * an array of that shape, filled in C order as numpy fills it.
 */
public final class RandomMethods {
    private RandomMethods() {}

    /** name -> method bound to {@code rs}, in a stable order (for dir() and the module table). */
    public static Map<String, TdlCallable> bind(java.util.function.Supplier<RandomState> rs) {
        Map<String, TdlCallable> m = new LinkedHashMap<>();
        m.put("seed", (rt, a) -> {
            a.check(1, "seed");
            rs.get().seed(a.get(0, "seed", null));
            return null;
        });
        m.put("rand", (rt, a) -> draw(dimsShape(a), rs.get()::nextDouble, DType.FLOAT64));
        m.put("random_sample", (rt, a) -> sized(a, "random_sample", 0, rs.get()::nextDouble));
        m.put("random", (rt, a) -> sized(a, "random", 0, rs.get()::nextDouble));
        m.put("randn", (rt, a) -> draw(dimsShape(a), rs.get()::nextGauss, DType.FLOAT64));
        m.put("standard_normal", (rt, a) -> sized(a, "standard_normal", 0, rs.get()::nextGauss));
        m.put("uniform", (rt, a) -> ParameterDraws.uniform(rs.get(), a));
        m.put("normal", (rt, a) -> ParameterDraws.normal(rs.get(), a));
        m.put("randint", (rt, a) -> randint(rs.get(), a));
        m.put("permutation", (rt, a) -> permutation(rs.get(), a.check(1, "x").get(0, "x")));
        m.put("shuffle", (rt, a) -> {
            shuffle(rs.get(), a.check(1, "x").get(0, "x"));
            return null;
        });
        m.put("binomial", (rt, a) -> ParameterDraws.binomial(rs.get(), a));
        m.put("choice", (rt, a) -> choice(rs.get(), a));
        m.put("get_state", (rt, a) -> {
            a.check(0, "legacy");
            return rs.get().getState();
        });
        m.put("set_state", (rt, a) -> {
            rs.get().setState(a.check(1, "state").get(0, "state"));
            return null;
        });
        return m;
    }

    private static Object sized(Args a, String name, int pos, DoubleSupplier f) {
        a.check(pos + 1, "size");
        return draw(shapeArg(a.get(pos, "size", null)), f, DType.FLOAT64);
    }

    /** rand(d0, d1, ...): the dimensions as separate ints (no args: a scalar). */
    private static int[] dimsShape(Args a) {
        a.check(Integer.MAX_VALUE);
        if (a.size() == 0) return null;
        if (a.size() == 1 && NumpyConvert.items(a.positional().get(0)) != null) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "'tuple' object cannot be interpreted as an integer",
                    "rand/randn take the dimensions as separate arguments: rand(2, 3)");
        }
        return NumpyConvert.shape(new ArrayList<>(a.positional()));
    }

    static int[] shapeArg(Object size) {
        return size == null ? null : NumpyConvert.shape(size);
    }

    static Object draw(int[] shape, DoubleSupplier f, DType dtype) {
        if (shape == null) {
            double v = f.getAsDouble();
            return NumpyConvert.scalar(dtype, v);
        }
        double[] d = new double[(int) NDArray.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) d[i] = f.getAsDouble();
        return NDArray.of(dtype, shape, d); // float32 narrows into float storage
    }

    private static Object randint(RandomState r, Args a) {
        a.check(4, "low", "high", "size", "dtype");
        long low = NumpyConvert.toLong(a.get(0, "low"), "low");
        Object hiArg = a.get(1, "high", null);
        long high;
        if (hiArg == null) {
            high = low;
            low = 0;
        } else {
            high = NumpyConvert.toLong(hiArg, "high");
        }
        if (low >= high) throw new TdlError(ErrorKind.VALUE_ERROR, "low >= high");
        DType dtype = NumpyConvert.dtype(a.get(3, "dtype", null));
        long lo = low;
        long hi = high;
        return draw(shapeArg(a.get(2, "size", null)), () -> r.nextBounded(lo, hi), dtype == null ? DType.INT64 : dtype);
    }

    static Object permutation(RandomState r, Object x) {
        x = NumpyConvert.plainNumbers(x);
        NDArray arr;
        if (x instanceof Long || x instanceof Integer) {
            int n = tdl.interp.Ints.toInt(NumpyConvert.toLong(x, "x"));
            double[] d = new double[n];
            for (int i = 0; i < n; i++) d[i] = i;
            arr = new NDArray(DType.INT64, new int[] {n}, d);
        } else {
            arr = NumpyConvert.toArray(x).copy();
            if (arr.rank() == 0) throw new TdlError(ErrorKind.INDEX_ERROR, "x must be an integer or at least 1-dimensional");
        }
        shuffle(r, arr);
        return arr;
    }

    /** In-place shuffle of a list or of an array's rows, with numpy's swap sequence. */
    static void shuffle(RandomState r, Object x) {
        if (x instanceof List<?> l) {
            @SuppressWarnings("unchecked") List<Object> list = (List<Object>) l;
            int[] js = r.shuffleSwaps(list.size());
            for (int i = list.size() - 1; i >= 1; i--) {
                Object t = list.get(i);
                list.set(i, list.get(js[i]));
                list.set(js[i], t);
            }
            return;
        }
        if (!(x instanceof NDArray a) || a.rank() == 0) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "shuffle() takes a list or an array of rank >= 1, got " + NumpyConvert.typeName(x));
        }
        Views.checkWritable(a, "array is read-only");
        int n = a.dim(0);
        int row = n == 0 ? 0 : a.size() / n;
        NDArray tmp = NDArray.zeros(a.dtype(), row);
        int[] js = r.shuffleSwaps(n);
        for (int i = n - 1; i >= 1; i--) {
            int j = js[i];
            NDArray.copy(a, i * row, tmp, 0, row);
            NDArray.copy(a, j * row, a, i * row, row);
            NDArray.copy(tmp, 0, a, j * row, row);
        }
        Views.writtenAll(a);
    }

    /** choice(a, size=None, replace=True, p=None) with numpy's legacy draws. */
    private static Object choice(RandomState r, Args args) {
        args.check(4, "a", "size", "replace", "p");
        Object aArg = NumpyConvert.plainNumbers(args.get(0, "a"));
        NDArray pool = aArg instanceof Long || aArg instanceof Integer ? null : NumpyConvert.toArray(aArg);
        long popSize = pool == null ? NumpyConvert.toLong(aArg, "a") : pool.rank() == 1 ? pool.size() : -1;
        if (popSize < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "a must be 1-dimensional");
        if (popSize == 0) throw new TdlError(ErrorKind.VALUE_ERROR, "a cannot be empty unless no samples are taken");
        int[] shape = shapeArg(args.get(1, "size", null));
        boolean replace = args.get(2, "replace", Boolean.TRUE) instanceof Boolean b ? b : true;
        Object pArg = args.get(3, "p", null);
        int count = shape == null ? 1 : (int) NDArray.sizeOf(shape);
        long[] idx = new long[count];
        if (pArg != null) {
            NDArray given = NumpyConvert.toArray(pArg);
            NDArray p = NumpyConvert.toArray(pArg, DType.FLOAT64);
            if (p.rank() != 1) throw new TdlError(ErrorKind.VALUE_ERROR, "'p' must be 1-dimensional");
            if (p.size() != popSize) throw new TdlError(ErrorKind.VALUE_ERROR, "'a' and 'p' must have same size");
            checkProbabilities(p, given.dtype() == DType.FLOAT32);
            if (!replace) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "choice(replace=False, p=...) is not supported");
            double[] cdf = new double[p.size()];
            double acc = 0;
            for (int i = 0; i < cdf.length; i++) cdf[i] = acc += p.get(i);
            for (int i = 0; i < cdf.length; i++) cdf[i] /= acc;
            for (int k = 0; k < count; k++) {
                double u = r.nextDouble();
                int j = 0;
                while (j < cdf.length && cdf[j] <= u) j++; // searchsorted(side='right')
                idx[k] = j;
            }
        } else if (replace) {
            for (int k = 0; k < count; k++) idx[k] = r.nextBounded(0, popSize);
        } else {
            if (count > popSize) throw new TdlError(ErrorKind.VALUE_ERROR, "Cannot take a larger sample than population when 'replace=False'");
            NDArray perm = (NDArray) permutation(r, popSize);
            for (int k = 0; k < count; k++) idx[k] = (long) perm.get(k);
        }
        DType dtype = pool == null ? DType.INT64 : pool.dtype();
        double[] out = new double[count];
        for (int k = 0; k < count; k++) out[k] = pool == null ? idx[k] : pool.get((int) idx[k]);
        if (shape == null) return NumpyConvert.npScalar(dtype, out[0]);
        return NDArray.of(dtype, shape, out);
    }

    /** numpy's checks on choice's p, in its order and words; its tolerance is float32's when p is float32. */
    private static void checkProbabilities(NDArray p, boolean float32) {
        double atol = Math.sqrt(float32 ? Math.ulp(1.0f) : Math.ulp(1.0));
        double sum = 0, c = 0; // Kahan, as numpy's kahan_sum
        boolean negative = false;
        for (int i = 0; i < p.size(); i++) {
            double v = p.get(i), y = v - c, t = sum + y;
            c = (t - sum) - y;
            sum = t;
            negative |= v < 0;
        }
        if (Double.isNaN(sum)) throw new TdlError(ErrorKind.VALUE_ERROR, "probabilities contain NaN");
        if (negative) throw new TdlError(ErrorKind.VALUE_ERROR, "probabilities are not non-negative");
        if (Math.abs(sum - 1) > atol) throw new TdlError(ErrorKind.VALUE_ERROR, "probabilities do not sum to 1");
    }

    /** Helper for tests and other libraries: calls a bound method with positional arguments. */
    public static Object call(Map<String, TdlCallable> methods, Runtime rt, String name, Object... args) {
        return methods.get(name).call(rt, Args.of(name, args));
    }
}
