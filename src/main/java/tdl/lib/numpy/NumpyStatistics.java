package tdl.lib.numpy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * np.nansum/nanmean/nanmax/nanmin, np.count_nonzero, np.average, np.median and np.cov on host
 * arrays. Sums go through np.sum's own reduction so that np.nansum(a) == np.sum(a) for an array
 * without NaN; numpy's RuntimeWarnings (an all-NaN slice, a mean of nothing) are not printed, as
 * TDL prints none for np.log(0) either: the NaN results are numpy's.
 */
final class NumpyStatistics {
    private NumpyStatistics() {}

    static void install(Map<String, Object> np) {
        put(np, "nansum", (rt, a) -> {
            NDArray x = array(a, "a");
            return Reductions.reduce(new HostMath(rt), Reductions.Kind.SUM, nanToZero(x), a, 1);
        });
        put(np, "nanmean", NumpyStatistics::nanmean);
        put(np, "nanmax", (rt, a) -> nanExtreme(rt, a, true));
        put(np, "nanmin", (rt, a) -> nanExtreme(rt, a, false));
        put(np, "count_nonzero", (rt, a) -> {
            a.check(2, "a", "axis", "keepdims");
            NDArray x = array(a, "a").astype(DType.BOOL);
            Map<String, Object> kw = new java.util.HashMap<>();
            kw.put("axis", a.get(1, "axis", null));
            kw.put("keepdims", NumpyConvert.kw(a, "keepdims", false));
            return Reductions.reduce(new HostMath(rt), Reductions.Kind.SUM, x, new Args("count_nonzero", List.of(x), kw), 1);
        });
        put(np, "median", NumpyStatistics::median);
        put(np, "average", NumpyStatistics::average);
        put(np, "cov", NumpyStatistics::cov);
    }

    private static void put(Map<String, Object> np, String name, TdlCallable body) { np.put(name, new Builtin(name, body)); }

    private static NDArray array(Args a, String name) {
        Object o = a.get(0, name);
        if (o instanceof Variable) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "np." + a.function() + " works on host arrays, not symbolic variables",
                    "build the graph with theano.tensor functions");
        }
        return NumpyConvert.toArray(o);
    }

    private static NDArray nanToZero(NDArray x) {
        if (!x.dtype().isFloat()) return x;
        NDArray out = x.copy();
        for (int i = 0, n = out.size(); i < n; i++) if (Double.isNaN(out.get(i))) out.set(i, 0);
        return out;
    }

    /** The non-NaN sum over the non-NaN count, in the input's float dtype (or dtype=). */
    private static Object nanmean(Runtime rt, Args a) {
        a.check(5, "a", "axis", "dtype", "out", "keepdims");
        NDArray x = array(a, "a");
        HostMath m = new HostMath(rt);
        if (!x.dtype().isFloat()) return Reductions.reduce(m, Reductions.Kind.MEAN, x, a, 1);
        Object sum = Reductions.reduce(m, Reductions.Kind.SUM, nanToZero(x), a, 1);
        NDArray present = x.astype(DType.BOOL);
        for (int i = 0, n = x.size(); i < n; i++) present.set(i, Double.isNaN(x.get(i)) ? 0 : 1);
        Map<String, Object> kw = new java.util.HashMap<>(a.keywords());
        kw.remove("dtype");
        List<Object> pos = new ArrayList<>(a.positional());
        if (pos.size() > 2) pos.set(2, null);
        pos.set(0, present);
        Object count = Reductions.reduce(m, Reductions.Kind.SUM, present, new Args("nanmean", pos, kw), 1);
        DType given = NumpyConvert.dtype(a.get(2, "dtype", null));
        DType d = given != null ? given : x.dtype();
        return ArrayHooks.scalarIfRank0(m.run(v -> m.ops().cast(m.ops().trueDiv(v.get(0), v.get(1)), d), sum, count));
    }

    private static Object nanExtreme(Runtime rt, Args a, boolean max) {
        a.check(4, "a", "axis", "out", "keepdims");
        NDArray x = array(a, "a");
        if (a.get(2, "out", null) != null) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "out= is not supported", "use the returned array");
        boolean keep = Boolean.TRUE.equals(a.get(3, "keepdims", false));
        AxisGroups g = AxisGroups.of(x, a.get(1, "axis", null), keep, AxisGroups.UFUNC_REPEAT);
        NDArray out = NDArray.zeros(x.dtype(), g.outShape());
        for (int k = 0; k < out.size(); k++) {
            double[] group = g.groups()[k];
            if (group.length == 0) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "zero-size array to reduction operation " + (max ? "fmax" : "fmin") + " which has no identity");
            }
            double best = Double.NaN;
            for (double v : group) {
                if (Double.isNaN(v)) continue;
                if (Double.isNaN(best) || (max ? v > best : v < best)) best = v;
            }
            out.set(k, best);
        }
        return ArrayHooks.scalarIfRank0(out);
    }

    private static Object median(Runtime rt, Args a) {
        a.check(5, "a", "axis", "out", "overwrite_input", "keepdims");
        NDArray x = array(a, "a");
        if (a.get(2, "out", null) != null) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "out= is not supported", "use the returned array");
        boolean keep = Boolean.TRUE.equals(a.get(4, "keepdims", false));
        AxisGroups g = AxisGroups.of(x, a.get(1, "axis", null), keep, AxisGroups.REPEAT);
        DType d = x.dtype().isFloat() ? x.dtype() : DType.FLOAT64;
        NDArray out = NDArray.zeros(d, g.outShape());
        for (int k = 0; k < out.size(); k++) {
            double[] v = g.groups()[k].clone();
            Arrays.sort(v); // NaN sorts last, as in numpy
            int n = v.length;
            if (n == 0 || Double.isNaN(v[n - 1])) out.set(k, Double.NaN);
            else out.set(k, n % 2 == 1 ? v[n / 2] : mid(v[n / 2 - 1], v[n / 2], d));
        }
        return ArrayHooks.scalarIfRank0(out);
    }

    /** numpy takes the mean of the two middle values: their sum (in the dtype) halved. */
    private static double mid(double lo, double hi, DType d) {
        double s = lo + hi;
        if (d == DType.FLOAT32) s = (float) s;
        return s / 2;
    }

    private static Object average(Runtime rt, Args a) {
        a.check(4, "a", "axis", "weights", "returned", "keepdims");
        NDArray x = array(a, "a");
        Object axisArg = a.get(1, "axis", null);
        Object w = a.get(2, "weights", null);
        boolean returned = rt.truth(a.get(3, "returned", false));
        boolean keep = Boolean.TRUE.equals(NumpyConvert.kw(a, "keepdims", false));
        HostMath m = new HostMath(rt);
        if (w == null) {
            Map<String, Object> kw = new java.util.HashMap<>();
            kw.put("axis", axisArg);
            kw.put("keepdims", keep);
            Object avg = Reductions.reduce(m, Reductions.Kind.MEAN, x, new Args("average", List.of(x), kw), 1);
            if (!returned) return avg;
            NDArray avgArr = NumpyConvert.toArray(avg);
            double count = avgArr.size() == 0 ? 0 : (double) x.size() / avgArr.size();
            NDArray scl = NDArray.zeros(avgArr.dtype(), avgArr.shape());
            scl.fill(count);
            return new TdlTuple(List.of(avg, ArrayHooks.scalarIfRank0(scl)));
        }
        NDArray wt = NumpyConvert.toArray(w);
        DType d = DType.upcast(x.dtype(), wt.dtype());
        if (!x.dtype().isFloat()) d = DType.upcast(d, DType.FLOAT64);
        if (!wt.sameShape(x.shape())) wt = weightsAlong(x, wt, axisArg);
        AxisGroups gx = AxisGroups.of(x, axisArg, keep, AxisGroups.UFUNC_REPEAT);
        AxisGroups gw = AxisGroups.of(wt, axisArg, keep, AxisGroups.UFUNC_REPEAT);
        NDArray avg = NDArray.zeros(d, gx.outShape());
        NDArray scl = NDArray.zeros(d, gx.outShape());
        for (int k = 0; k < avg.size(); k++) {
            double[] xs = gx.groups()[k], ws = gw.groups()[k];
            double num = 0, den = 0;
            for (int i = 0; i < xs.length; i++) {
                num = d.coerce(num + d.coerce(xs[i] * ws[i]));
                den = d.coerce(den + ws[i]);
            }
            if (den == 0) throw new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "Weights sum to zero, can't be normalized");
            avg.set(k, num / den);
            scl.set(k, den);
        }
        Object r = ArrayHooks.scalarIfRank0(avg);
        return returned ? new TdlTuple(List.of(r, ArrayHooks.scalarIfRank0(scl))) : r;
    }

    /** numpy 1.x: weights of another shape than a must be 1-d, as long as a's axis, and are spread along it. */
    private static NDArray weightsAlong(NDArray x, NDArray w, Object axisArg) {
        if (axisArg == null) throw new TdlError(ErrorKind.TYPE_ERROR, "Axis must be specified when shapes of a and weights differ.");
        if (w.rank() != 1) throw new TdlError(ErrorKind.TYPE_ERROR, "1D weights expected when shapes of a and weights differ.");
        if (NumpyConvert.items(axisArg) != null) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.average with 1-d weights and a tuple of axes", "pass one axis");
        }
        int axis = Reductions.axes(axisArg, x.rank())[0];
        if (axis < 0) axis += x.rank();
        if (w.dim(0) != x.dim(axis)) throw new TdlError(ErrorKind.VALUE_ERROR, "Length of weights not compatible with specified axis.");
        int inner = 1;
        for (int i = axis + 1; i < x.rank(); i++) inner *= x.dim(i);
        NDArray out = NDArray.zeros(w.dtype(), x.shape());
        for (int k = 0; k < out.size(); k++) out.set(k, w.get(k / inner % x.dim(axis)));
        return out;
    }

    /** np.cov: variables in rows (rowvar) or columns, the product of the centred data times 1/(N - ddof), squeezed. */
    private static Object cov(Runtime rt, Args a) {
        a.check(7, "m", "y", "rowvar", "bias", "ddof", "fweights", "aweights", "dtype");
        for (String k : List.of("fweights", "aweights")) {
            if (a.get(k.equals("fweights") ? 5 : 6, k, null) != null) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.cov(" + k + "=...) is not supported", "weight the observations yourself");
            }
        }
        DType given = NumpyConvert.dtype(NumpyConvert.kw(a, "dtype", null));
        if (given != null && given != DType.FLOAT64) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.cov(dtype=" + given.pyName() + ")", "TDL computes covariances in float64");
        NDArray mArr = array(a, "m");
        if (mArr.rank() > 2) throw new TdlError(ErrorKind.VALUE_ERROR, "m has more than 2 dimensions");
        boolean rowvar = rt.truth(a.get(2, "rowvar", true));
        NDArray xs = variables(mArr, rowvar);
        Object yArg = a.get(1, "y", null);
        if (yArg != null) {
            NDArray yArr = NumpyConvert.toArray(yArg);
            if (yArr.rank() > 2) throw new TdlError(ErrorKind.VALUE_ERROR, "y has more than 2 dimensions");
            NDArray ys = variables(yArr, rowvar);
            if (ys.dim(1) != xs.dim(1)) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "all the input array dimensions except for the concatenation axis must match exactly, "
                        + "but along dimension 1, the array at index 0 has size " + xs.dim(1) + " and the array at index 1 has size " + ys.dim(1));
            }
            NDArray both = NDArray.zeros(DType.FLOAT64, xs.dim(0) + ys.dim(0), xs.dim(1));
            NDArray.copy(xs, 0, both, 0, xs.size());
            NDArray.copy(ys, 0, both, xs.size(), ys.size());
            xs = both;
        }
        int vars = xs.dim(0), n = xs.dim(1);
        if (vars == 0) return NDArray.zeros(DType.FLOAT64, 0, 0);
        Object ddofArg = a.get(4, "ddof", null);
        long ddof = ddofArg != null ? NumpyConvert.toLong(ddofArg, "ddof") : rt.truth(a.get(3, "bias", false)) ? 0 : 1;
        double fact = Math.max(0, n - ddof);
        double[] c = xs.doubles().clone();
        for (int i = 0; i < vars; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += c[i * n + j];
            double mean = s / n;
            for (int j = 0; j < n; j++) c[i * n + j] -= mean;
        }
        double[] out = new double[vars * vars];
        double scale = 1 / fact; // numpy multiplies by the reciprocal
        for (int i = 0; i < vars; i++) {
            for (int j = 0; j < vars; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += c[i * n + k] * c[j * n + k];
                out[i * vars + j] = s * scale;
            }
        }
        return vars == 1 ? NDArray.scalar(out[0]) : new NDArray(DType.FLOAT64, new int[] {vars, vars}, out);
    }

    /** The data as float64 rows of observations, one row per variable. */
    private static NDArray variables(NDArray x, boolean rowvar) {
        NDArray f = x.astype(DType.FLOAT64);
        if (f.rank() < 2) return f.reshape(1, f.size());
        if (rowvar || f.dim(0) == 1) return f;
        return Shapes.transpose(f, null);
    }
}
