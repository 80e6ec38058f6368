package tdl.lib.numpy;

import java.util.Map;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * numpy functions that look at each element's value: argwhere (the indices of the non-zero
 * elements, NaN counting as non-zero) and nan_to_num (NaN and infinities replaced).
 */
final class ValueScans {
    private ValueScans() {}

    static void install(Map<String, Object> np) {
        put(np, "argwhere", (rt, a) -> argwhere(array(a.check(1, "a").get(0, "a"), a)));
        put(np, "nan_to_num", ValueScans::nanToNum);
    }

    private static void put(Map<String, Object> np, String name, TdlCallable body) { np.put(name, new Builtin(name, body)); }

    private static NDArray array(Object o, Args a) {
        if (o instanceof Variable) throw new TdlError(ErrorKind.TYPE_ERROR, "np." + a.function() + " works on host arrays, not symbolic variables");
        return NumpyConvert.toArray(o);
    }

    /** int64 of shape (count, ndim), rows in C order; a 0-d input gives (1, 0) or (0, 0) as numpy 1.x. */
    private static NDArray argwhere(NDArray x) {
        int r = x.rank();
        int n = x.size();
        int count = 0;
        for (int k = 0; k < n; k++) if (x.get(k) != 0) count++;
        double[] out = new double[count * r];
        int[] idx = new int[r];
        int row = 0;
        for (int k = 0; k < n; k++) {
            if (x.get(k) != 0) {
                for (int i = 0; i < r; i++) out[row * r + i] = idx[i];
                row++;
            }
            for (int i = r - 1; i >= 0; i--) {
                if (++idx[i] < x.dim(i)) break;
                idx[i] = 0;
            }
        }
        return new NDArray(DType.INT64, new int[] {count, r}, out);
    }

    /**
     * nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None): in a float array NaN, +inf and
     * -inf become nan, posinf (default the dtype's max) and neginf (its min), the masks taken
     * before any replacement as numpy takes them; other dtypes come back unchanged. copy=False
     * writes into the given array, as numpy does.
     */
    private static Object nanToNum(Runtime rt, Args a) {
        a.check(5, "x", "copy", "nan", "posinf", "neginf");
        Object arg = a.get(0, "x");
        NDArray given = array(arg, a);
        boolean copy = rt.truth(a.get(1, "copy", true));
        boolean inPlace = !copy && arg instanceof NDArray;
        NDArray x = inPlace ? given : given == arg ? given.copy() : given;
        if (x.dtype().isFloat()) {
            if (inPlace) Views.checkWritable(x, "assignment destination is read-only");
            double max = x.dtype() == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
            double nan = NumpyConvert.toDouble(a.get(2, "nan", 0.0));
            Object pos = a.get(3, "posinf", null);
            Object neg = a.get(4, "neginf", null);
            double posinf = pos == null ? max : NumpyConvert.toDouble(pos);
            double neginf = neg == null ? -max : NumpyConvert.toDouble(neg);
            for (int k = 0, n = x.size(); k < n; k++) {
                double v = x.get(k);
                if (Double.isNaN(v)) x.set(k, nan);
                else if (v == Double.POSITIVE_INFINITY) x.set(k, posinf);
                else if (v == Double.NEGATIVE_INFINITY) x.set(k, neginf);
            }
            if (inPlace) Views.writtenAll(x);
        }
        return x.rank() == 0 ? NumpyConvert.npScalar(x.dtype(), x.get(0)) : x;
    }
}
