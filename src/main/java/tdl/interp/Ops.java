package tdl.interp;

import tdl.vocab.ErrorKind;
import tdl.vocab.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.syntax.TdlError;

/**
 * Python operator semantics on the interpreter's own values. Ints are 64-bit and wrap on overflow
 * (Python's are unbounded). Hooked values are dispatched by {@link Interpreter#binary} before
 * reaching here.
 */
final class Ops {
    private Ops() {}

    static boolean isNumber(Object v) { return v instanceof Long || v instanceof Double || v instanceof Boolean; }

    static boolean isInt(Object v) { return v instanceof Long || v instanceof Boolean; }

    static long toLong(Object v) {
        if (v instanceof Long l) return l;
        if (v instanceof Boolean b) return b ? 1 : 0;
        throw new IllegalStateException("not an int: " + v);
    }

    static double toDouble(Object v) {
        if (v instanceof Double d) return d;
        if (v instanceof Long l) return l;
        if (v instanceof Boolean b) return b ? 1 : 0;
        throw new IllegalStateException("not a number: " + v);
    }

    /** Result of an arithmetic operator on plain values, or TypeHooks.UNSUPPORTED. */
    static Object arith(Interpreter in, Operator op, Object a, Object b) {
        if (isNumber(a) && isNumber(b)) return numeric(op, a, b);
        switch (op) {
            case ADD:
                if (a instanceof String x && b instanceof String y) return x + y;
                if (a instanceof List<?> x && b instanceof List<?> y && !(a instanceof TdlTuple)) {
                    ArrayList<Object> r = new ArrayList<>(x);
                    r.addAll(y);
                    return r;
                }
                if (a instanceof TdlTuple x && b instanceof TdlTuple y) {
                    ArrayList<Object> r = new ArrayList<>(x.items());
                    r.addAll(y.items());
                    return new TdlTuple(r);
                }
                break;
            case MUL:
                if (isInt(b) && !isNumber(a)) return repeat(a, toLong(b));
                if (isInt(a) && !isNumber(b)) return repeat(b, toLong(a));
                break;
            case MOD:
                if (a instanceof String s) return PyFormat.percent(in, s, b);
                break;
            default:
                break;
        }
        return TypeHooks.UNSUPPORTED;
    }

    private static Object repeat(Object seq, long n) {
        // sizes checked first (reliability): a count past Java's limits is a MemoryError, not a wrap-around
        if (seq instanceof String s) return s.repeat(tdl.graph.Memory.repeated(s.length(), n, 2, "string") / Math.max(1, s.length()));
        if (seq instanceof ArrayList<?> l) {
            ArrayList<Object> r = new ArrayList<>(tdl.graph.Memory.repeated(l.size(), n, 4, "list"));
            for (long i = 0; i < n && !l.isEmpty(); i++) r.addAll(l);
            return r;
        }
        if (seq instanceof TdlTuple t) {
            ArrayList<Object> r = new ArrayList<>(tdl.graph.Memory.repeated(t.items().size(), n, 4, "tuple"));
            for (long i = 0; i < n && !t.items().isEmpty(); i++) r.addAll(t.items());
            return new TdlTuple(r);
        }
        return TypeHooks.UNSUPPORTED;
    }

    /** A binary operator on two numbers (bools count as ints), or TypeHooks.UNSUPPORTED. */
    static Object numeric(Operator op, Object a, Object b) {
        if (isInt(a) && isInt(b)) {
            long x = toLong(a), y = toLong(b);
            boolean bools = a instanceof Boolean && b instanceof Boolean;
            return switch (op) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case TRUE_DIV -> {
                    if (y == 0) throw new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "division by zero");
                    yield (double) x / (double) y;
                }
                case FLOOR_DIV -> {
                    if (y == 0) throw new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "integer division or modulo by zero");
                    yield Math.floorDiv(x, y);
                }
                case MOD -> {
                    if (y == 0) throw new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "integer division or modulo by zero");
                    yield Math.floorMod(x, y);
                }
                case POW -> {
                    if (y >= 0) yield ipow(x, y);
                    if (x == 0) throw new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "0.0 cannot be raised to a negative power (division by zero)");
                    yield Math.pow(x, y);
                }
                case AND -> bools ? (Object) ((x & y) != 0) : (Object) (x & y);
                case OR -> bools ? (Object) ((x | y) != 0) : (Object) (x | y);
                case XOR -> bools ? (Object) ((x ^ y) != 0) : (Object) (x ^ y);
                case LSHIFT -> {
                    if (y < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "negative shift count");
                    yield y >= 64 ? 0L : x << y;
                }
                case RSHIFT -> {
                    if (y < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "negative shift count");
                    yield x >> Math.min(y, 63);
                }
                case MATMUL, LT, LE, GT, GE, EQ, NE, IN, NOT_IN, IS, IS_NOT, NEG, POS, INVERT, NOT, ABS -> TypeHooks.UNSUPPORTED;
            };
        }
        double x = toDouble(a), y = toDouble(b);
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case TRUE_DIV -> {
                if (y == 0) throw new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "float division by zero");
                yield x / y;
            }
            case FLOOR_DIV -> {
                if (y == 0) throw new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "float floor division by zero");
                yield Math.floor(x / y);
            }
            case MOD -> {
                if (y == 0) throw new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "float modulo (division by zero)");
                yield fmod(x, y);
            }
            case POW -> {
                if (x == 0 && y < 0) {
                    throw new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "0.0 cannot be raised to a negative power (division by zero)");
                }
                if (x < 0 && y != Math.rint(y) && !Double.isInfinite(y)) {
                    throw new TdlError(ErrorKind.VALUE_ERROR, "negative number cannot be raised to a fractional power",
                            "complex numbers are not supported");
                }
                yield Math.pow(x, y);
            }
            case AND, OR, XOR, LSHIFT, RSHIFT, MATMUL, LT, LE, GT, GE, EQ, NE, IN, NOT_IN, IS, IS_NOT, NEG, POS, INVERT, NOT, ABS ->
                    TypeHooks.UNSUPPORTED;
        };
    }

    static double fmod(double x, double y) {
        double m = x % y;
        if (m != 0 && ((y < 0) != (m < 0))) m += y;
        return m;
    }

    static long ipow(long base, long exp) {
        long result = 1;
        while (exp > 0) {
            if ((exp & 1) == 1) result *= base;
            base *= base;
            exp >>= 1;
        }
        return result;
    }

    /** Python == on plain values (identity for everything that is not a number, string or container). */
    static boolean pyEquals(Interpreter in, Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) return toLong(a) == toLong(b);
            return toDouble(a) == toDouble(b);
        }
        if (a instanceof String x && b instanceof String y) return x.equals(y);
        if (a instanceof TdlTuple x && b instanceof TdlTuple y) return seqEquals(in, x.items(), y.items());
        if (a instanceof ArrayList<?> x && b instanceof ArrayList<?> y) return seqEquals(in, x, y);
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) return false;
            for (Map.Entry<?, ?> e : x.entrySet()) {
                Object k = DictKeys.find(y, e.getKey());
                if (k == Scope.MISSING || !in.equalsValues(e.getValue(), y.get(k))) return false;
            }
            return true;
        }
        if (a instanceof RangeValue x && b instanceof RangeValue y) return x.equals(y);
        return false;
    }

    private static boolean seqEquals(Interpreter in, List<?> x, List<?> y) {
        if (x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); i++) if (!in.equalsValues(x.get(i), y.get(i))) return false;
        return true;
    }

    /** Ordering of plain values: negative, zero or positive; TdlError TypeError when not ordered. */
    static int compare(Interpreter in, Operator op, Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) return Long.compare(toLong(a), toLong(b));
            double x = toDouble(a), y = toDouble(b);
            if (Double.isNaN(x) || Double.isNaN(y)) return Integer.MIN_VALUE; // NaN: every ordering is false
            return x < y ? -1 : x > y ? 1 : 0;
        }
        if (a instanceof String x && b instanceof String y) return Integer.signum(x.compareTo(y));
        List<?> la = Sequences.items(a), lb = Sequences.items(b);
        if (la != null && lb != null && (a instanceof TdlTuple) == (b instanceof TdlTuple)) {
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                if (!in.equalsValues(la.get(i), lb.get(i))) return in.compareValues(op, la.get(i), lb.get(i));
            }
            return Integer.compare(la.size(), lb.size());
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, "'" + op.symbol() + "' not supported between instances of '" + in.typeName(a)
                + "' and '" + in.typeName(b) + "'");
    }
}
