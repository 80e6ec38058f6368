package tdl.lib.numpy;

import tdl.vocab.ErrorKind;
import java.util.List;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.ReduceOp;
import tdl.interp.Args;
import tdl.syntax.TdlError;

/**
 * Reductions with numpy's {@code axis=None|int|tuple} and {@code keepdims}, shared by np.sum(a, ...)
 * and a.sum(...). A full reduction returns a numpy scalar of the result's dtype, as numpy does.
 */
final class Reductions {
    private Reductions() {}

    enum Kind { SUM, PROD, MAX, MIN, MEAN, VAR, STD, ANY, ALL, ARGMAX, ARGMIN }

    /** numpy's parameters after {@code a}, in its positional order. */
    private static List<String> params(Kind kind) {
        return switch (kind) {
            case SUM, PROD, MEAN -> List.of("axis", "dtype", "out", "keepdims");
            case VAR, STD -> List.of("axis", "dtype", "out", "ddof", "keepdims");
            case MAX, MIN, ANY, ALL -> List.of("axis", "out", "keepdims");
            case ARGMAX, ARGMIN -> List.of("axis", "out");
        };
    }

    /**
     * {@code first} is the index of the axis argument: 1 for np.sum(a, axis), 0 for a.sum(axis).
     * The other parameters follow numpy's positional order; {@code dtype} is the result's dtype
     * (sums and products accumulate in it, as numpy); {@code out} is not supported.
     */
    static Object reduce(HostMath m, Kind kind, NDArray a, Args args, int first) {
        List<String> ps = params(kind);
        String[] names = new String[ps.size() + 2];
        names[0] = "a";
        for (int i = 0; i < ps.size(); i++) names[i + 1] = ps.get(i);
        names[names.length - 1] = "keepdims"; // argmax/argmin take it by keyword only
        args.check(first + ps.size(), names);
        Object axisArg = args.get(first + ps.indexOf("axis"), "axis", null);
        if (args.get(first + ps.indexOf("out"), "out", null) != null) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "out= is not supported", "use the returned array");
        }
        boolean keep = Boolean.TRUE.equals(ps.contains("keepdims") ? args.get(first + ps.indexOf("keepdims"), "keepdims", false)
                : NumpyConvert.kw(args, "keepdims", false));
        DType dtype = ps.contains("dtype") ? NumpyConvert.dtype(args.get(first + ps.indexOf("dtype"), "dtype", null)) : null;
        int[] axes = axes(axisArg, a.rank());
        if ((kind == Kind.MAX || kind == Kind.MIN) && a.size() == 0 && !emptyResult(a, axes)) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "zero-size array to reduction operation " + (kind == Kind.MAX ? "maximum" : "minimum")
                    + " which has no identity");
        }
        boolean arg = kind == Kind.ARGMAX || kind == Kind.ARGMIN;
        if (arg && a.size() == 0 && !emptyResult(a, axes)) throw new TdlError(ErrorKind.VALUE_ERROR, "attempt to get " + kind.name().toLowerCase() + " of an empty sequence");
        long ddof = ps.contains("ddof") ? NumpyConvert.toLong(args.get(first + ps.indexOf("ddof"), "ddof", 0L), "ddof") : 0;
        NDArray exact = numpyOrder(kind, a, dtype, axes, keep, ddof);
        if (exact != null) return exact.rank() == 0 ? NumpyConvert.npScalar(exact.dtype(), exact.get(0)) : exact;
        NDArray out = m.run(v -> {
            Variable x = v.get(0);
            // numpy computes in dtype: sums and products of any dtype, means and variances of a float one
            if (dtype != null && (kind == Kind.SUM || kind == Kind.PROD || dtype.isFloat())) x = m.ops().cast(x, dtype);
            Variable r = build(m, kind, x, axes, keep, ddof);
            return dtype == null ? r : m.ops().cast(r, dtype);
        }, a);
        if (out.rank() == 0) return NumpyConvert.npScalar(out.dtype(), out.get(0));
        return out;
    }

    /**
     * A float32 or float64 array's sum, prod, mean, var or std computed as numpy computes it (the
     * array's precision, numpy's order: {@link NumpyReduceOrder}); null for every other case (other
     * dtypes, a dtype= other than the array's, empty arrays), which the graph ops handle.
     */
    private static NDArray numpyOrder(Kind kind, NDArray a, DType dtype, int[] axes, boolean keep, long ddof) {
        if (!a.dtype().isFloat() || (dtype != null && dtype != a.dtype()) || a.size() == 0) return null;
        if (kind != Kind.SUM && kind != Kind.PROD && kind != Kind.MEAN && kind != Kind.VAR && kind != Kind.STD) return null;
        boolean single = a.dtype() == DType.FLOAT32;
        int[] shape = a.shape();
        boolean[] reduced = new boolean[shape.length];
        if (axes == null) java.util.Arrays.fill(reduced, true);
        else for (int ax : axes) {
            int i = ax < 0 ? ax + shape.length : ax;
            if (reduced[i]) return null; // a repeated axis: the graph ops raise numpy's ValueError
            reduced[i] = true;
        }
        long n = 1;
        for (int i = 0; i < shape.length; i++) if (reduced[i]) n *= shape[i];
        if ((kind == Kind.VAR || kind == Kind.STD) && n - ddof <= 0) return null; // numpy's inf/nan and warning
        double[] x = a.doubles();
        double[] r = switch (kind) {
            case SUM -> NumpyReduceOrder.reduce(x, shape, reduced, false, single);
            case PROD -> NumpyReduceOrder.reduce(x, shape, reduced, true, single);
            case MEAN -> NumpyReduceOrder.mean(x, shape, reduced, single);
            default -> NumpyReduceOrder.var(x, shape, reduced, ddof, single);
        };
        if (kind == Kind.STD) for (int i = 0; i < r.length; i++) r[i] = single ? (float) Math.sqrt(r[i]) : Math.sqrt(r[i]);
        int[] outShape = new int[shape.length];
        int rank = 0;
        for (int i = 0; i < shape.length; i++) {
            if (!reduced[i]) outShape[rank++] = shape[i];
            else if (keep) outShape[rank++] = 1;
        }
        return NDArray.of(a.dtype(), java.util.Arrays.copyOf(outShape, rank), r);
    }

    private static Variable build(HostMath m, Kind kind, Variable x, int[] axes, boolean keep, long ddof) {
        var t = m.ops();
        Variable in = x.dtype() == DType.BOOL && (kind == Kind.SUM || kind == Kind.PROD) ? t.cast(x, DType.INT64) : x;
        return switch (kind) {
            case SUM -> t.sum(in, axes, keep);
            case PROD -> t.prod(in, axes, keep);
            case MAX -> t.max(x, axes, keep);
            case MIN -> t.min(x, axes, keep);
            case ANY -> t.any(x, axes, keep);
            case ALL -> t.all(x, axes, keep);
            case MEAN -> t.mean(x, axes, keep);
            case VAR, STD -> {
                Variable v = t.var(x, axes, keep);
                if (ddof != 0) {
                    long n = 1;
                    int[] shape = ((tdl.graph.Constant) x).value().shape();
                    for (int i = 0; i < shape.length; i++) if (axes == null || contains(axes, i, shape.length)) n *= shape[i];
                    // numpy divides the summed squares by n - ddof: var * n / (n - ddof) would round twice
                    Variable centred = t.sub(x, t.mean(x, axes, true));
                    v = t.trueDiv(t.sum(t.sqr(centred), axes, keep), t.cast(t.constant((double) (n - ddof)), v.dtype()));
                }
                yield kind == Kind.STD ? t.sqrt(v) : v;
            }
            case ARGMAX -> t.argmax(x, axes == null ? null : axes[0], keep);
            case ARGMIN -> t.argmin(x, axes == null ? null : axes[0], keep);
        };
    }

    private static boolean contains(int[] axes, int i, int rank) {
        for (int a : axes) if ((a < 0 ? a + rank : a) == i) return true;
        return false;
    }

    static int[] axes(Object axisArg, int rank) {
        if (axisArg == null) return null;
        List<?> items = NumpyConvert.items(axisArg);
        int[] axes;
        if (items != null) {
            axes = new int[items.size()];
            for (int i = 0; i < axes.length; i++) axes[i] = tdl.interp.Ints.toInt(NumpyConvert.toLong(items.get(i), "axis"));
        } else {
            axes = new int[] {tdl.interp.Ints.toInt(NumpyConvert.toLong(axisArg, "axis"))};
        }
        for (int ax : axes) {
            if (ax < -rank || ax >= rank) {
                throw new TdlError(ErrorKind.AXIS_ERROR, "axis " + ax + " is out of bounds for array of dimension " + rank);
            }
        }
        return axes;
    }

    /** An empty array reduced along non-empty axes only has no lanes at all: numpy returns an empty result, not an error. */
    private static boolean emptyResult(NDArray a, int[] axes) {
        if (axes == null) return false;
        for (int ax : axes) if (a.dim(ax < 0 ? ax + a.rank() : ax) == 0) return false;
        return true;
    }
}
