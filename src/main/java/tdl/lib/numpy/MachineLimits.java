package tdl.lib.numpy;

import java.util.List;
import tdl.graph.DType;
import tdl.interp.Runtime;
import tdl.interp.TypeHooks;

/**
 * What np.finfo(dtype) and np.iinfo(dtype) return: the limits of one float or integer dtype, as
 * numpy's attributes. Float values are Python floats here (numpy gives float32 ones as np.float32
 * scalars: the same numbers, printed with more digits).
 */
record MachineLimits(DType dtype) {
    private static final List<String> FLOAT_NAMES = List.of("bits", "dtype", "eps", "epsneg", "iexp", "machep", "max", "maxexp",
            "min", "minexp", "negep", "nexp", "nmant", "precision", "resolution", "smallest_normal", "smallest_subnormal", "tiny");
    private static final List<String> INT_NAMES = List.of("bits", "dtype", "kind", "max", "min");

    boolean isFloat() { return dtype.isFloat(); }

    private boolean single() { return dtype == DType.FLOAT32; }

    Object attribute(String name) {
        if (!isFloat()) {
            return switch (name) {
                case "bits" -> (long) NpyFile.itemSize(dtype) * 8;
                case "dtype" -> new NpDType(dtype, false);
                case "kind" -> dtype == DType.UINT8 ? "u" : "i";
                case "min" -> intMin();
                case "max" -> intMax();
                default -> null;
            };
        }
        boolean s = single();
        Double limit = switch (name) {
            case "eps" -> s ? (double) Math.ulp(1f) : Math.ulp(1d);
            case "epsneg" -> s ? Math.ulp(1f) / 2d : Math.ulp(1d) / 2;
            case "max" -> s ? (double) Float.MAX_VALUE : Double.MAX_VALUE;
            case "min" -> s ? -(double) Float.MAX_VALUE : -Double.MAX_VALUE;
            case "tiny", "smallest_normal" -> s ? (double) Float.MIN_NORMAL : Double.MIN_NORMAL;
            case "smallest_subnormal" -> s ? (double) Float.MIN_VALUE : Double.MIN_VALUE;
            case "resolution" -> s ? (double) 1e-6f : 1e-15;
            default -> null;
        };
        // numpy's float limits are scalars of the finfo's dtype (np.finfo(np.float32).eps prints 1.1920929e-07)
        if (limit != null) return tdl.interp.NumpyScalar.of(dtype, limit);
        return switch (name) {
            case "bits" -> s ? 32L : 64L;
            case "dtype" -> new NpDType(dtype, false);
            case "precision" -> s ? 6L : 15L;
            case "machep" -> s ? -23L : -52L;
            case "negep" -> s ? -24L : -53L;
            case "nmant" -> s ? 23L : 52L;
            case "nexp", "iexp" -> s ? 8L : 11L;
            case "maxexp" -> s ? 128L : 1024L;
            case "minexp" -> s ? -126L : -1022L;
            default -> null;
        };
    }

    List<String> names() { return isFloat() ? FLOAT_NAMES : INT_NAMES; }

    private long intMin() {
        return switch (dtype) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            default -> dtype == DType.UINT8 ? 0 : Long.MIN_VALUE;
        };
    }

    private long intMax() {
        return switch (dtype) {
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            default -> dtype == DType.UINT8 ? 255 : Long.MAX_VALUE;
        };
    }

    /** numpy's repr: finfo(resolution=1e-06, min=-3.4028235e+38, max=3.4028235e+38, dtype=float32). */
    String repr() {
        if (!isFloat()) return "iinfo(min=" + intMin() + ", max=" + intMax() + ", dtype=" + dtype.pyName() + ")";
        return single() ? "finfo(resolution=1e-06, min=-3.4028235e+38, max=3.4028235e+38, dtype=float32)"
                : "finfo(resolution=1e-15, min=-1.7976931348623157e+308, max=1.7976931348623157e+308, dtype=float64)";
    }

    /** numpy 1.x's str: the table of machine parameters. */
    String str() {
        String rule = "---------------------------------------------------------------\n";
        if (!isFloat()) return "Machine parameters for " + dtype.pyName() + "\n" + rule + "min = " + intMin() + "\nmax = " + intMax() + "\n" + rule;
        boolean s = single();
        return "Machine parameters for " + dtype.pyName() + "\n" + rule
                + (s ? "precision =   6   resolution = 1.0000000e-06\n" : "precision =  15   resolution = 1.0000000000000001e-15\n")
                + (s ? "machep =    -23   eps =        1.1920929e-07\n" : "machep =    -52   eps =        2.2204460492503131e-16\n")
                + (s ? "negep =     -24   epsneg =     5.9604645e-08\n" : "negep =     -53   epsneg =     1.1102230246251565e-16\n")
                + (s ? "minexp =   -126   tiny =       1.1754944e-38\n" : "minexp =  -1022   tiny =       2.2250738585072014e-308\n")
                + (s ? "maxexp =    128   max =        3.4028235e+38\n" : "maxexp =   1024   max =        1.7976931348623157e+308\n")
                + (s ? "nexp =        8   min =        -max\n" : "nexp =       11   min =        -max\n")
                + (s ? "smallest_normal = 1.1754944e-38   smallest_subnormal = 1.4012985e-45\n"
                        : "smallest_normal = 2.2250738585072014e-308   smallest_subnormal = 4.9406564584124654e-324\n")
                + rule;
    }

    /** finfo and iinfo values: attributes, equality by dtype, numpy's printing. */
    static final class Hooks implements TypeHooks {
        @Override public String typeName(Object self) { return ((MachineLimits) self).isFloat() ? "finfo" : "iinfo"; }

        @Override public String str(Runtime rt, Object self) { return ((MachineLimits) self).str(); }

        @Override public String repr(Runtime rt, Object self) { return ((MachineLimits) self).repr(); }

        @Override
        public Object getAttr(Runtime rt, Object self, String name) {
            Object v = ((MachineLimits) self).attribute(name);
            return v == null ? UNSUPPORTED : v;
        }

        @Override
        public Object binary(Runtime rt, tdl.vocab.Operator op, Object a, Object b) {
            if (op == tdl.vocab.Operator.EQ) return a.equals(b);
            if (op == tdl.vocab.Operator.NE) return !a.equals(b);
            return UNSUPPORTED;
        }

        @Override public List<String> attributeNames(Object self) { return ((MachineLimits) self).names(); }
    }
}
