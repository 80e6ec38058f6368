package tdl.lib.numpy;

import java.util.Arrays;
import java.util.Map;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * np.percentile and np.quantile with numpy 1.26's default method ('linear', Hyndman and Fan's
 * 7th): the value at virtual index (n - 1) * q of the sorted lane, interpolated the way numpy's
 * {@code _lerp} does it ({@code a + (b - a) * g}, or {@code b - (b - a) * (1 - g)} when g >= 0.5,
 * so that q = 1 gives the maximum exactly). The result has q's shape in front of the reduced shape.
 * A lane holding a NaN gives NaN (numpy sorts NaN last and copies it out). Host arrays only: these
 * are numpy functions, with no tensor op and no gradient (Theano 1.0 has no percentile op).
 */
final class Quantiles {
    private Quantiles() {}

    static void install(Map<String, Object> np) {
        np.put("percentile", new Builtin("percentile", (rt, a) -> quantile(a, true)));
        np.put("quantile", new Builtin("quantile", (rt, a) -> quantile(a, false)));
    }

    private static Object quantile(Args a, boolean percent) {
        a.check(7, "a", "q", "axis", "out", "overwrite_input", "method", "keepdims", "interpolation");
        Object x0 = a.get(0, "a");
        if (x0 instanceof Variable) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "np." + a.function() + " works on host arrays, not symbolic variables",
                    "compute it on the values: np." + a.function() + "(f(...), ...)");
        }
        NDArray x = NumpyConvert.toArray(x0);
        NDArray q = NumpyConvert.toArray(a.get(1, "q"));
        if (a.get(3, "out", null) != null) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "out= is not supported", "use the returned array");
        String method = String.valueOf(a.get(5, "method", "linear"));
        Object interpolation = NumpyConvert.kw(a, "interpolation", null);
        if (interpolation != null) method = String.valueOf(interpolation); // numpy 1.22's deprecated name for method
        if (!method.equals("linear")) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np." + a.function() + "(method='" + method + "'): only numpy's default 'linear' method is supported",
                    "sort the values and pick the neighbour you want");
        }
        boolean keep = Boolean.TRUE.equals(a.get(6, "keepdims", false));
        if (x.dtype() == DType.BOOL) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, "
                    + "or the logical_xor function instead.");
        }
        // numpy: percentile divides q by 100 (true_divide: always floating); quantile keeps q's dtype
        boolean integerQ = !percent && !q.dtype().isFloat();
        double[] qs = new double[q.size()];
        for (int i = 0; i < qs.length; i++) qs[i] = percent ? q.get(i) / 100 : q.get(i);
        for (double v : qs) {
            if (!(0.0 <= v && v <= 1.0)) {
                throw new TdlError(ErrorKind.VALUE_ERROR, percent ? "Percentiles must be in the range [0, 100]" : "Quantiles must be in the range [0, 1]");
            }
        }
        Object axis = a.get(2, "axis", null);
        AxisGroups g = AxisGroups.of(x, axis, keep, AxisGroups.REPEAT);
        if (q.rank() > 2) throw new TdlError(ErrorKind.VALUE_ERROR, "q must be a scalar or 1d"); // after the axis check, as numpy
        double[][] lanes = g.groups();
        boolean[] reduced = AxisGroups.reducedAxes(axis, x.rank(), AxisGroups.REPEAT);
        int laneLength = 1;
        for (int i = 0; i < reduced.length; i++) if (reduced[i]) laneLength *= x.dim(i);
        if (laneLength == 0) throw new TdlError(ErrorKind.INDEX_ERROR, "index -1 is out of bounds for axis 0 with size 0");
        for (double[] lane : lanes) Arrays.sort(lane); // NaN sorts last, as numpy's partition puts it
        int[] shape = new int[q.rank() + g.outShape().length];
        System.arraycopy(q.shape(), 0, shape, 0, q.rank());
        System.arraycopy(g.outShape(), 0, shape, q.rank(), g.outShape().length);
        // an integer q (quantile only) takes elements without interpolating, in a's own dtype
        NDArray out = NDArray.zeros(integerQ ? x.dtype() : DType.FLOAT64, shape);
        for (int i = 0; i < qs.length; i++) {
            for (int k = 0; k < lanes.length; k++) {
                double[] v = lanes[k];
                double r = integerQ ? v[(int) qs[i] * (v.length - 1)] : linear(v, qs[i]);
                out.set(i * lanes.length + k, Double.isNaN(v[v.length - 1]) ? Double.NaN : r);
            }
        }
        return ArrayHooks.scalarIfRank0(out);
    }

    /** numpy 1.26's linear method on one sorted lane, step by step as _get_indexes and _lerp. */
    private static double linear(double[] v, double q) {
        int n = v.length;
        double virtual = (n - 1) * q;
        // at or past the last index both neighbours are numpy's index -1, and gamma is taken from
        // that -1 (so it exceeds 1; harmless but for infinities, where numpy's NaN is kept)
        double prevIndex = virtual >= n - 1 ? -1 : Math.floor(virtual);
        double gamma = virtual - prevIndex;
        int prev = prevIndex < 0 ? n - 1 : (int) prevIndex, next = prevIndex < 0 ? n - 1 : prev + 1;
        double a = v[prev], b = v[next];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }
}
