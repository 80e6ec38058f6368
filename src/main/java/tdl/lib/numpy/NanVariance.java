package tdl.lib.numpy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.Runtime;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * np.nanvar and np.nanstd, step by step as numpy 1.26's nanfunctions: NaN replaced by 0, the count
 * of the others and their sum (np.sum's reduction, so the rounding is np.sum's), the mean divided
 * in place (so a float32 array keeps float32 means), the deviations squared and summed again, then
 * divided by {@code count - ddof}; a lane with {@code count - ddof <= 0} is NaN (numpy also warns;
 * TDL prints no RuntimeWarnings). Integer and bool arrays cannot hold NaN: numpy passes them to
 * np.var / np.std, and so does TDL.
 */
final class NanVariance {
    private NanVariance() {}

    static void install(Map<String, Object> np) {
        np.put("nanvar", new Builtin("nanvar", (rt, a) -> spread(rt, a, false)));
        np.put("nanstd", new Builtin("nanstd", (rt, a) -> spread(rt, a, true)));
    }

    private static Object spread(Runtime rt, Args a, boolean std) {
        a.check(6, "a", "axis", "dtype", "out", "ddof", "keepdims");
        Object x0 = a.get(0, "a");
        if (x0 instanceof Variable) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "np." + a.function() + " works on host arrays, not symbolic variables",
                    "build the graph with T.var / T.std");
        }
        NDArray x = NumpyConvert.toArray(x0);
        if (a.get(3, "out", null) != null) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "out= is not supported", "use the returned array");
        Object axis = a.get(1, "axis", null);
        Object dtypeArg = a.get(2, "dtype", null);
        long ddof = NumpyConvert.toLong(a.get(4, "ddof", 0L), "ddof");
        boolean keep = Boolean.TRUE.equals(a.get(5, "keepdims", false));
        HostMath m = new HostMath(rt);
        if (!x.dtype().isFloat()) {
            Map<String, Object> kw = new HashMap<>();
            kw.put("axis", axis);
            kw.put("dtype", dtypeArg);
            kw.put("ddof", ddof);
            kw.put("keepdims", keep);
            return Reductions.reduce(m, std ? Reductions.Kind.STD : Reductions.Kind.VAR, x, new Args(a.function(), List.of(x), kw), 1);
        }
        DType given = NumpyConvert.dtype(dtypeArg);
        DType d = given != null ? given : x.dtype();
        NDArray zeroed = x.copy();
        NDArray present = NDArray.zeros(DType.INT64, x.shape());
        for (int i = 0, n = x.size(); i < n; i++) {
            boolean nan = Double.isNaN(x.get(i));
            if (nan) zeroed.set(i, 0);
            present.set(i, nan ? 0 : 1);
        }
        NDArray count = sum(m, present, axis, null, true);
        NDArray mean = sum(m, zeroed, axis, dtypeArg, true);
        for (int i = 0; i < mean.size(); i++) mean.set(i, d.coerce(mean.get(i) / count.get(i)));
        // deviations land in the array's own dtype (numpy subtracts into it, casting='unsafe')
        int[] meanIndex = broadcastIndex(x.shape(), mean.shape());
        NDArray squares = NDArray.zeros(x.dtype(), x.shape());
        for (int i = 0, n = x.size(); i < n; i++) {
            if (present.get(i) == 0) continue;
            double dev = x.dtype().coerce(zeroed.get(i) - mean.get(meanIndex[i]));
            squares.set(i, x.dtype().coerce(dev * dev));
        }
        NDArray var = sum(m, squares, axis, dtypeArg, keep);
        for (int i = 0; i < var.size(); i++) {
            double dof = count.get(i) - ddof; // count keeps the reduced axes: same C order of lanes
            double v = dof <= 0 ? Double.NaN : var.dtype().coerce(var.get(i) / dof);
            var.set(i, std ? var.dtype().coerce(Math.sqrt(v)) : v);
        }
        return ArrayHooks.scalarIfRank0(var);
    }

    private static NDArray sum(HostMath m, NDArray x, Object axis, Object dtype, boolean keep) {
        Map<String, Object> kw = new HashMap<>();
        kw.put("axis", axis);
        kw.put("dtype", dtype);
        kw.put("keepdims", keep);
        return NumpyConvert.toArray(Reductions.reduce(m, Reductions.Kind.SUM, x, new Args("nanvar", List.of(x), kw), 1));
    }

    /** For each element of an array of {@code shape}, the flat index of its entry in a keepdims result of {@code kept}. */
    private static int[] broadcastIndex(int[] shape, int[] kept) {
        int n = 1;
        for (int s : shape) n *= s;
        int[] out = new int[n];
        int[] idx = new int[shape.length];
        for (int k = 0; k < n; k++) {
            int j = 0;
            for (int i = 0; i < shape.length; i++) j = j * kept[i] + (kept[i] == 1 ? 0 : idx[i]);
            out[k] = j;
            for (int i = shape.length - 1; i >= 0; i--) {
                if (++idx[i] < shape[i]) break;
                idx[i] = 0;
            }
        }
        return out;
    }
}
