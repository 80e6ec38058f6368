package tdl.lib.numpy;

import tdl.graph.DType;
import tdl.interp.NumpyScalar;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;
import tdl.vocab.Operator;

/**
 * Operators between numpy scalars and Python numbers, as numpy 1.26's scalar math computes them.
 * Between scalars numpy 1.26 promotes by type alone (value-based casting applies only where an
 * array meets a scalar): a Python int counts as int64, a float as float64, a bool as bool, so
 * {@code np.float32(1) / 3} is float64 and {@code np.float32(1) / np.float32(3)} float32 (numpy 2
 * would keep both float32). Each result is rounded to its dtype, so float32 arithmetic rounds at
 * every step and integers wrap at their width; division by zero gives inf, nan or 0 as numpy's
 * (it warns; TDL does not), never an exception.
 */
final class ScalarArithmetic {
    private ScalarArithmetic() {}

    /** The dtype a scalar operand counts as, or null when it is not one (the caller then passes the operator on). */
    static DType dtypeOf(Object v) {
        if (v instanceof NumpyScalar s) return s.dtype();
        if (v instanceof Boolean) return DType.BOOL;
        if (v instanceof Long || v instanceof Integer) return DType.INT64;
        if (v instanceof Double || v instanceof Float) return DType.FLOAT64;
        return null; // a Python int past 64 bits included: numpy 1.26 computes those as Python objects
    }

    private static long bits(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        return ((Number) v).longValue();
    }

    private static double real(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        return ((Number) v).doubleValue();
    }

    /** a op b for two scalars (at least one a numpy scalar), or UNSUPPORTED. */
    static Object binary(Operator op, Object a, Object b) {
        DType da = dtypeOf(a), db = dtypeOf(b);
        if (da == null || db == null) return TypeHooks.UNSUPPORTED;
        DType common = DType.upcast(da, db);
        switch (op) {
            case LT, LE, GT, GE, EQ, NE:
                return NumpyScalar.ofBool(compare(op, common, a, b));
            case TRUE_DIV:
                // integer true division is float64 in every width (numpy's 'bb->d' ... 'll->d' loops)
                DType q = common.isFloat() ? common : DType.FLOAT64;
                return NumpyScalar.of(q, real(a) / real(b));
            case ADD, SUB, MUL, FLOOR_DIV, MOD, POW:
                if (common == DType.BOOL) return boolArithmetic(op, a, b);
                return common.isFloat() ? NumpyScalar.of(common, floats(op, real(a), real(b)))
                        : NumpyScalar.ofLong(common, integers(op, bits(a), bits(b)));
            case AND, OR, XOR, LSHIFT, RSHIFT:
                if (common.isFloat()) throw notSupported(op == Operator.AND ? "bitwise_and" : op == Operator.OR ? "bitwise_or"
                        : op == Operator.XOR ? "bitwise_xor" : op == Operator.LSHIFT ? "left_shift" : "right_shift");
                if (common == DType.BOOL && (op == Operator.LSHIFT || op == Operator.RSHIFT)) common = DType.INT8;
                return NumpyScalar.ofLong(common, bitwise(op, bits(a), bits(b)));
            case MATMUL:
                throw new TdlError(ErrorKind.VALUE_ERROR, "matmul: Input operand 0 does not have enough dimensions",
                        "@ multiplies arrays; use * for scalars");
            case IN, NOT_IN, IS, IS_NOT, NEG, POS, INVERT, NOT, ABS:
                return TypeHooks.UNSUPPORTED;
        }
        return TypeHooks.UNSUPPORTED;
    }

    /** Compared in the promoted dtype, as numpy compares (int64 with float64 compares as doubles). */
    private static boolean compare(Operator op, DType common, Object a, Object b) {
        int c;
        if (common.isFloat()) {
            double x = real(a), y = real(b);
            if (Double.isNaN(x) || Double.isNaN(y)) return op == Operator.NE;
            c = Double.compare(x == 0 ? 0.0 : x, y == 0 ? 0.0 : y); // -0.0 == 0.0
        } else {
            c = Long.compare(bits(a), bits(b));
        }
        return switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case EQ -> c == 0;
            default -> c != 0;
        };
    }

    /** bool with bool: + is or, * is and; the other operators run numpy's int8 loops, - is refused. */
    private static Object boolArithmetic(Operator op, Object a, Object b) {
        long x = bits(a), y = bits(b);
        return switch (op) {
            case ADD -> NumpyScalar.ofBool((x | y) != 0);
            case MUL -> NumpyScalar.ofBool((x & y) != 0);
            case SUB -> throw new TdlError(ErrorKind.TYPE_ERROR, "numpy boolean subtract, the `-` operator, is not supported, "
                    + "use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
            default -> NumpyScalar.ofLong(DType.INT8, integers(op, x, y));
        };
    }

    private static double floats(Operator op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case FLOOR_DIV -> floorDiv(x, y);
            case MOD -> floorMod(x, y);
            case POW -> Math.pow(x, y);
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    /** numpy's npy_floor_divide (Python's float //): a zero divisor gives x / y (inf or nan). */
    private static double floorDiv(double x, double y) {
        if (y == 0) return x / y;
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0 && (y < 0) != (mod < 0)) div -= 1.0;
        if (div == 0) return Math.copySign(0.0, x / y);
        double floor = Math.floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }

    /** numpy's npy_remainder (Python's float %): the sign of the divisor; a zero divisor gives nan. */
    private static double floorMod(double x, double y) {
        if (y == 0) return Double.NaN;
        double mod = x % y;
        if (mod != 0) {
            if ((y < 0) != (mod < 0)) mod += y;
        } else {
            mod = Math.copySign(0.0, y);
        }
        return mod;
    }

    private static long integers(Operator op, long x, long y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case FLOOR_DIV -> y == 0 ? 0 : Math.floorDiv(x, y); // numpy: 0 and a warning
            case MOD -> y == 0 ? 0 : Math.floorMod(x, y);
            case POW -> power(x, y);
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private static long power(long base, long exp) {
        if (exp < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "Integers to negative integer powers are not allowed.",
                "use a float base: np.float64(b) ** e");
        long r = 1;
        while (exp > 0) { // squaring wraps the way numpy's int64 power does
            if ((exp & 1) != 0) r *= base;
            base *= base;
            exp >>= 1;
        }
        return r;
    }

    private static long bitwise(Operator op, long x, long y) {
        return switch (op) {
            case AND -> x & y;
            case OR -> x | y;
            case XOR -> x ^ y;
            // shifts by the width or more give 0 (or the sign), as numpy's npy_lshift/npy_rshift
            case LSHIFT -> y < 0 || y >= 64 ? 0 : x << y;
            case RSHIFT -> y < 0 || y >= 64 ? (x < 0 ? -1 : 0) : x >> y;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    /** -x, +x, ~x and abs(x). */
    static Object unary(Operator op, NumpyScalar s) {
        DType d = s.dtype();
        return switch (op) {
            case NEG -> {
                if (s.isBool()) throw new TdlError(ErrorKind.TYPE_ERROR, "The numpy boolean negative, the `-` operator, is not "
                        + "supported, use the `~` operator or the logical_not function instead.");
                yield d.isFloat() ? NumpyScalar.of(d, -s.doubleValue()) : NumpyScalar.ofLong(d, -s.longValue());
            }
            case POS -> s;
            case ABS -> s.isBool() ? s : d.isFloat() ? NumpyScalar.of(d, Math.abs(s.doubleValue()))
                    : NumpyScalar.ofLong(d, Math.abs(s.longValue()));
            case INVERT -> {
                if (d.isFloat()) throw notSupported("invert");
                yield s.isBool() ? NumpyScalar.ofBool(s.longValue() == 0) : NumpyScalar.ofLong(d, ~s.longValue());
            }
            default -> TypeHooks.UNSUPPORTED;
        };
    }

    private static TdlError notSupported(String ufunc) {
        return new TdlError(ErrorKind.TYPE_ERROR, "ufunc '" + ufunc + "' not supported for the input types, and the inputs could "
                + "not be safely coerced to any supported types according to the casting rule ''safe''");
    }
}
