package tdl.graph;

import tdl.vocab.ErrorKind;

/**
 * Theano's {@code TensorType.filter(data, strict=False, allow_downcast)}: whether a value a script
 * passes may be stored in a variable of a given dtype (a compiled function's input, a shared
 * variable's {@code set_value}), and the converted array. The rules, in Theano's order:
 * <ol>
 * <li>an array of the same dtype passes;
 * <li>{@code allow_downcast=True} converts anything (float64 to float32 rounds, floats to ints truncate);
 * <li>an array converts when numpy's upcast of the two dtypes is the target (int8 to float32,
 *     float32 to float64, int32 to int64), else TypeError: float64 to float32, int64 to float32;
 * <li>with {@code allow_downcast=None} a Python float converts to floatX;
 * <li>other Python numbers and lists convert when no value changes (0.5 into float32, not 0.1).
 * </ol>
 */
public final class TypeFilter {
    private TypeFilter() {}

    /** How the value reached us: a host array, a Python float, or another Python value (int, list). */
    public enum Source { ARRAY, PYTHON_FLOAT, PYTHON_VALUE }

    /**
     * The value as {@code want}, or a TypeError whose message starts with {@code who}.
     *
     * @param allowDowncast Theano's three-valued flag: null (default), true or false
     * @param flagHint      how the user sets the flag here, e.g. "pass allow_input_downcast=True to function()"
     */
    public static NDArray filter(NDArray data, DType want, Boolean allowDowncast, Source source, DType floatX,
                                 String who, String flagHint) {
        if (data.dtype() == want) return data;
        if (Boolean.TRUE.equals(allowDowncast)) return data.astype(want);
        String type = "TensorType(" + want.pyName() + ", " + TensorType.rankName(data.rank()) + ")";
        switch (source) {
            case ARRAY -> {
                if (DType.upcast(want, data.dtype()) == want) return data.astype(want);
                throw new GraphError(ErrorKind.TYPE_ERROR, who + ": " + type + " cannot store a value of dtype "
                        + data.dtype().pyName() + " without risking loss of precision",
                        "cast the data with .astype('" + want.pyName() + "'), or " + flagHint);
            }
            case PYTHON_FLOAT -> {
                if (allowDowncast == null && want == floatX) return data.astype(want);
            }
            case PYTHON_VALUE -> { }
        }
        NDArray converted = data.astype(want);
        for (int i = 0, n = data.size(); i < n; i++) {
            double a = data.get(i), b = converted.get(i);
            boolean same = a == b || (Double.isNaN(a) && Double.isNaN(b));
            if (!same) {
                throw new GraphError(ErrorKind.TYPE_ERROR, who + ": " + type + " cannot store accurately the value "
                        + format(a, data.dtype()) + ", it would be represented as " + format(b, want),
                        "convert the data to an array of dtype " + want.pyName() + " (np.asarray(v, dtype='"
                                + want.pyName() + "')), or " + flagHint);
            }
        }
        return converted;
    }

    private static String format(double v, DType d) {
        if (!d.isFloat()) return Long.toString((long) v);
        return Double.toString(v);
    }
}
