package tdl.lib.numpy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.interp.Builtin;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * np.unique over the flattened array: the sorted distinct values and, on request, the index of
 * each one's first occurrence, the inverse (numpy 1.x's flat one: the unique value of every
 * element) and the counts. NaNs sort last and are one value unless equal_nan=False.
 */
final class Unique {
    private Unique() {}

    static void install(Map<String, Object> np) {
        np.put("unique", new Builtin("unique", (rt, a) -> {
            a.check(5, "ar", "return_index", "return_inverse", "return_counts", "axis", "equal_nan");
            Object ar = a.get(0, "ar");
            if (ar instanceof Variable) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "np.unique works on host arrays, not symbolic variables",
                        "theano.tensor.extra_ops.Unique builds a graph node");
            }
            if (a.get(4, "axis", null) != null) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.unique(..., axis=...) is not supported",
                        "TDL finds the unique elements of the flattened array");
            }
            boolean wantIndex = rt.truth(a.get(1, "return_index", false));
            boolean wantInverse = rt.truth(a.get(2, "return_inverse", false));
            boolean wantCounts = rt.truth(a.get(3, "return_counts", false));
            boolean equalNan = rt.truth(NumpyConvert.kw(a, "equal_nan", true));
            NDArray x = NumpyConvert.toArray(ar);
            Result r = compute(x, equalNan);
            if (!wantIndex && !wantInverse && !wantCounts) return r.values;
            List<Object> out = new ArrayList<>();
            out.add(r.values);
            if (wantIndex) out.add(r.index);
            if (wantInverse) out.add(r.inverse);
            if (wantCounts) out.add(r.counts);
            return new TdlTuple(out);
        }));
    }

    private record Result(NDArray values, NDArray index, NDArray inverse, NDArray counts) {}

    private static Result compute(NDArray x, boolean equalNan) {
        int n = x.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        // a stable sort, so each run of equal values starts at its first occurrence (numpy sorts stably for return_index too)
        java.util.Arrays.sort(order, (i, j) -> compare(x.get(i), x.get(j)));
        List<Integer> starts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (k == 0 || !same(x.get(order[k - 1]), x.get(order[k]), equalNan)) starts.add(k);
        }
        int u = starts.size();
        NDArray values = NDArray.zeros(x.dtype(), u);
        NDArray index = NDArray.zeros(DType.INT64, u);
        NDArray inverse = NDArray.zeros(DType.INT64, n);
        NDArray counts = NDArray.zeros(DType.INT64, u);
        for (int g = 0; g < u; g++) {
            int lo = starts.get(g), hi = g + 1 < u ? starts.get(g + 1) : n;
            values.set(g, x.get(order[lo]));
            index.set(g, order[lo]);
            counts.set(g, hi - lo);
            for (int k = lo; k < hi; k++) inverse.set(order[k], g);
        }
        return new Result(values, index, inverse, counts);
    }

    /** np.sort's order: numbers ascending (-0.0 equal to 0.0), NaN after everything. */
    private static int compare(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
        return a < b ? -1 : a > b ? 1 : 0;
    }

    private static boolean same(double a, double b, boolean equalNan) {
        if (Double.isNaN(a) && Double.isNaN(b)) return equalNan;
        return a == b;
    }
}
