package tdl.interp;

import tdl.vocab.ErrorKind;
import tdl.vocab.Operator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.syntax.TdlError;

/**
 * Python operator semantics on the interpreter's own values. Ints are unbounded as Python's: a Long
 * while they fit in 64 bits, a BigInteger past that (see {@link Ints}). Hooked values are dispatched by {@link Interpreter#binary} before
 * reaching here.
 */
final class Ops {
    private Ops() {}

    static boolean isNumber(Object v) { return v instanceof Double || Ints.isInt(v); }

    static boolean isInt(Object v) { return Ints.isInt(v); }

    /** An int as a Java long: OverflowError for one past 64 bits (every index, size and count goes through here). */
    static long toLong(Object v) { return Ints.toLong(v); }

    static double toDouble(Object v) {
        if (v instanceof Double d) return d;
        if (v instanceof Long l) return l;
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof BigInteger b) return Ints.toDouble(b);
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
                if (isInt(b) && !isNumber(a)) return repeat(a, repeatCount(b));
                if (isInt(a) && !isNumber(b)) return repeat(b, repeatCount(a));
                break;
            case MOD:
                if (a instanceof String s) return PyFormat.percent(in, s, b);
                break;
            default:
                break;
        }
        return TypeHooks.UNSUPPORTED;
    }

    /** A repeat count: a negative big int repeats zero times, a positive one cannot fit, as Python. */
    private static long repeatCount(Object n) {
        if (n instanceof BigInteger b) {
            if (b.signum() < 0) return 0;
            throw Ints.tooBigForIndex();
        }
        return toLong(n);
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
            Object r = Ints.arith(op, a, b);
            // bool op bool stays a bool for & | ^, as Python
            if (a instanceof Boolean && b instanceof Boolean && (op == Operator.AND || op == Operator.OR || op == Operator.XOR)) {
                return (Long) r != 0;
            }
            return r;
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

    /** Python == on plain values (identity for everything that is not a number, string or container). */
    static boolean pyEquals(Interpreter in, Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) return Ints.compare(a, b) == 0;
            if (isInt(a)) return Ints.compareWithDouble(a, (Double) b) == 0;
            if (isInt(b)) return Ints.compareWithDouble(b, (Double) a) == 0;
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
            if (isInt(a) && isInt(b)) return Ints.compare(a, b);
            // int against float compares exactly (2**63 > 9.2e18 is decided on the true values), as Python
            if (isInt(a)) return Ints.compareWithDouble(a, (Double) b);
            if (isInt(b)) {
                int c = Ints.compareWithDouble(b, (Double) a);
                return c == Integer.MIN_VALUE ? c : -c;
            }
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
