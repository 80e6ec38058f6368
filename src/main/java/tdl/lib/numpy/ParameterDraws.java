package tdl.lib.numpy;

import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.Args;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * RandomState.uniform/normal/binomial as numpy's legacy mtrand does them: scalar parameters (0-d)
 * take the scalar path (a Python number for size=None), any parameter of rank >= 1 takes the
 * broadcast path of {@link BroadcastDraws}. The checks run in numpy's order with numpy's words,
 * because a script that catches them, or a draw count that differs, would silently diverge.
 */
final class ParameterDraws {
    private ParameterDraws() {}

    /** uniform(low=0.0, high=1.0, size=None): low + (high - low) * random_sample(). */
    static Object uniform(RandomState r, Args a) {
        a.check(3, "low", "high", "size");
        NDArray lo = NumpyConvert.toArray(a.get(0, "low", 0.0), DType.FLOAT64);
        NDArray hi = NumpyConvert.toArray(a.get(1, "high", 1.0), DType.FLOAT64);
        int[] size = RandomMethods.shapeArg(a.get(2, "size", null));
        if (lo.rank() == 0 && hi.rank() == 0) {
            double low = lo.get(0);
            double range = hi.get(0) - low;
            if (!Double.isFinite(range)) throw new TdlError(ErrorKind.OVERFLOW_ERROR, "Range exceeds valid bounds");
            return RandomMethods.draw(size, () -> low + range * r.nextDouble(), DType.FLOAT64);
        }
        // numpy computes np.subtract(high, low) first, so a mismatch is reported in ufunc words
        int[] rs;
        try {
            rs = BroadcastDraws.multiIterShape(hi.shape(), lo.shape());
        } catch (TdlError e) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "operands could not be broadcast together with shapes "
                    + NDArray.shapeString(hi.shape()) + " " + NDArray.shapeString(lo.shape()) + " ");
        }
        double[] hv = ArrayIndex.broadcastTo(hi, rs, "internal: broadcast");
        double[] lv = ArrayIndex.broadcastTo(lo, rs, "internal: broadcast");
        double[] diff = new double[hv.length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = hv[i] - lv[i];
            if (!Double.isFinite(diff[i])) throw new TdlError(ErrorKind.OVERFLOW_ERROR, "Range exceeds valid bounds");
        }
        NDArray range = new NDArray(DType.FLOAT64, rs, diff);
        int[] shape = BroadcastDraws.outputShape(size, lo, range);
        return BroadcastDraws.draw2(shape, lo, range, (l, d) -> l + d * r.nextDouble());
    }

    /** normal(loc=0.0, scale=1.0, size=None): loc + scale * legacy_gauss(). */
    static Object normal(RandomState r, Args a) {
        a.check(3, "loc", "scale", "size");
        NDArray loc = NumpyConvert.toArray(a.get(0, "loc", 0.0), DType.FLOAT64);
        NDArray scale = NumpyConvert.toArray(a.get(1, "scale", 1.0), DType.FLOAT64);
        int[] size = RandomMethods.shapeArg(a.get(2, "size", null));
        if (loc.rank() == 0 && scale.rank() == 0) {
            double m = loc.get(0);
            double s = scale.get(0);
            BroadcastDraws.checkNonNegative(s, "scale");
            return RandomMethods.draw(size, () -> m + s * r.nextGauss(), DType.FLOAT64);
        }
        BroadcastDraws.checkNonNegative(scale, "scale");
        int[] shape = BroadcastDraws.outputShape(size, loc, scale);
        return BroadcastDraws.draw2(shape, loc, scale, (m, s) -> m + s * r.nextGauss());
    }

    /** binomial(n, p, size=None): int64 draws; numpy iterates (p, n) in that order. */
    static Object binomial(RandomState r, Args a) {
        a.check(3, "n", "p", "size");
        NDArray p = NumpyConvert.toArray(a.get(1, "p"), DType.FLOAT64);
        NDArray n = trials(a.get(0, "n"));
        int[] size = RandomMethods.shapeArg(a.get(2, "size", null));
        if (p.rank() == 0 && n.rank() == 0) {
            double pv = p.get(0);
            long nv = (long) n.get(0);
            if (!(pv >= 0) || !(pv <= 1)) throw new TdlError(ErrorKind.VALUE_ERROR, "p < 0, p > 1 or p is NaN");
            if (nv < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "n < 0");
            if (size == null) return r.nextBinomial(nv, pv);
            return RandomMethods.draw(size, () -> r.nextBinomial(nv, pv), DType.INT64);
        }
        for (int i = 0; i < p.size(); i++) {
            double v = p.get(i);
            if (!(v >= 0 && v <= 1)) throw new TdlError(ErrorKind.VALUE_ERROR, "p < 0, p > 1 or p contains NaNs");
        }
        BroadcastDraws.checkNonNegative(n, "n");
        int[] shape = size != null ? BroadcastDraws.outputShape(size, p, n) : BroadcastDraws.multiIterShape(p.shape(), n.shape());
        NDArray out = BroadcastDraws.draw2(shape, p, n, (pv, nv) -> r.nextBinomial((long) nv, pv));
        return out.astype(DType.INT64);
    }

    /**
     * n as numpy's PyArray_FROM_OTF(n, NPY_LONG): Python numbers and lists are converted
     * (floats truncate, as int() does), but a float array is refused under the 'safe' casting rule.
     */
    private static NDArray trials(Object n) {
        if (n instanceof NDArray arr && arr.dtype().isFloat()) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "Cannot cast array data from dtype('" + arr.dtype().pyName()
                    + "') to dtype('int64') according to the rule 'safe'");
        }
        NDArray v = NumpyConvert.toArray(n);
        double[] t = new double[v.size()];
        for (int i = 0; i < t.length; i++) {
            double x = v.get(i);
            if (Double.isNaN(x)) throw new TdlError(ErrorKind.VALUE_ERROR, "cannot convert float NaN to integer");
            if (Double.isInfinite(x)) throw new TdlError(ErrorKind.OVERFLOW_ERROR, "cannot convert float infinity to integer");
            t[i] = (long) x; // truncates as int() does, and -0.5 gives +0 (no sign bit for the n < 0 check)
        }
        return new NDArray(DType.FLOAT64, v.shape(), t);
    }
}
