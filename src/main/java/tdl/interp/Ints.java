package tdl.interp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;
import tdl.vocab.Operator;

/**
 * Python's unbounded ints. A value that fits in 64 bits is always a {@link Long} (the fast path);
 * only a value outside that range is a {@link BigInteger}. Keeping that normal form everywhere is
 * what makes equality, hashing and dict keys agree between the two representations: {@code 2**64 //
 * 2**32} comes back as the Long 4294967296, never as an equal-valued BigInteger.
 */
public final class Ints {
    private Ints() {}

    /** CPython's default limit for int to/from decimal string conversion (sys.get_int_max_str_digits()). */
    public static final int MAX_STR_DIGITS = 4300;

    /**
     * The largest int a result may have, in bits (about 78,900 decimal digits, 32 KB). Past it a
     * computation is refused with MemoryError before it starts: no interrupt or time limit can cut
     * a single BigInteger operation short, and at 2**20 bits a product, power, division or hex
     * conversion took 50-300 ms (3**5000000 took 16 s); at this size one takes a few milliseconds.
     */
    static final long MAX_BITS = 1L << 18;

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** Whether {@code v} is a Python int (bools included, as Python's bool is an int). */
    public static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Boolean || v instanceof BigInteger;
    }

    /** The normal form: a Long when the value fits, else the BigInteger itself. */
    public static Object normalize(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    public static BigInteger big(Object v) {
        if (v instanceof BigInteger b) return b;
        if (v instanceof Long l) return BigInteger.valueOf(l);
        if (v instanceof Boolean b) return b ? BigInteger.ONE : BigInteger.ZERO;
        throw notAnInt(v);
    }

    /** An int as a Java long; OverflowError (numpy's wording) for one that needs more than 64 bits. */
    public static long toLong(Object v) {
        if (v instanceof Long l) return l;
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof BigInteger) throw tooBigForLong();
        throw notAnInt(v);
    }

    /**
     * Python's TypeError for a non-int where an int is needed ({@code "42".zfill(0.5)}); callers that
     * know the value's Python type name better check it first, this names the common ones.
     */
    static TdlError notAnInt(Object v) {
        String type = v instanceof Double ? "float" : v instanceof String ? "str" : v == null ? "NoneType"
                : v instanceof java.util.List ? "list" : v instanceof tdl.graph.NDArray ? "numpy.ndarray" : "object";
        return new TdlError(ErrorKind.TYPE_ERROR, "'" + type + "' object cannot be interpreted as an integer");
    }

    public static TdlError tooBigForLong() {
        return new TdlError(ErrorKind.OVERFLOW_ERROR, "Python int too large to convert to C long",
                "ints past 64 bits are exact in plain arithmetic, but arrays, tensors, indices and sizes take 64-bit ints");
    }

    /** An axis, rank or count that must fit a Java int: OverflowError past it, never a wrapped-around value. */
    public static int toInt(long l) {
        if (l != (int) l) throw new TdlError(ErrorKind.OVERFLOW_ERROR, "Python int too large to convert to C int");
        return (int) l;
    }

    /**
     * An int-valued library argument (axis, ndim, k, a size) as a Java int: OverflowError past the
     * int range, instead of the silent wrap-around of Number.intValue(). A float is truncated, as
     * those call sites always did.
     */
    public static int intValue(Object v) {
        if (v instanceof Long || v instanceof Boolean || v instanceof BigInteger) return toInt(toLong(v));
        if (v instanceof Integer i) return i;
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (!(Math.abs(d) < 2147483648.0)) throw new TdlError(ErrorKind.OVERFLOW_ERROR, "Python int too large to convert to C int");
            return (int) d;
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, "an integer is required");
    }

    /** Python's message for a repeat count or index that does not fit a machine size. */
    public static TdlError tooBigForIndex() {
        return new TdlError(ErrorKind.OVERFLOW_ERROR, "cannot fit 'int' into an index-sized integer");
    }

    /** float(big): exact to the nearest double, OverflowError past the double range, as Python. */
    public static double toDouble(BigInteger b) {
        double d = b.doubleValue();
        if (Double.isInfinite(d)) throw new TdlError(ErrorKind.OVERFLOW_ERROR, "int too large to convert to float");
        return d;
    }

    /** int(d) for a finite double: truncated toward zero, exact however large. */
    public static Object fromDouble(double d) {
        if (Double.isNaN(d)) throw new TdlError(ErrorKind.VALUE_ERROR, "cannot convert float NaN to integer");
        if (Double.isInfinite(d)) throw new TdlError(ErrorKind.OVERFLOW_ERROR, "cannot convert float infinity to integer");
        if (Math.abs(d) < 9.2e18) return (long) d;
        return normalize(new BigDecimal(d).toBigInteger());
    }

    /** Exact comparison of an int with a double (NaN gives Integer.MIN_VALUE: every ordering false). */
    static int compareWithDouble(Object i, double d) {
        if (Double.isNaN(d)) return Integer.MIN_VALUE;
        if (Double.isInfinite(d)) return d > 0 ? -1 : 1;
        if (i instanceof Long || i instanceof Boolean) {
            long l = toLong(i);
            // every long below 2**53 in magnitude is an exact double; larger ones compare through BigDecimal
            if (Math.abs(l) < (1L << 53)) return Double.compare((double) l, d) < 0 ? -1 : (double) l == d ? 0 : 1;
        }
        return new BigDecimal(big(i)).compareTo(new BigDecimal(d));
    }

    static int compare(Object a, Object b) {
        if (!(a instanceof BigInteger) && !(b instanceof BigInteger)) return Long.compare(toLong(a), toLong(b));
        return big(a).compareTo(big(b));
    }

    /** A binary operator on two ints, exact; TypeHooks.UNSUPPORTED for operators ints do not have. */
    static Object arith(Operator op, Object a, Object b) {
        if (!(a instanceof BigInteger) && !(b instanceof BigInteger)) {
            long x = toLong(a), y = toLong(b);
            switch (op) {
                case ADD: {
                    long r = x + y;
                    if (((x ^ r) & (y ^ r)) >= 0) return r;
                    break;
                }
                case SUB: {
                    long r = x - y;
                    if (((x ^ y) & (x ^ r)) >= 0) return r;
                    break;
                }
                case MUL: {
                    long hi = Math.multiplyHigh(x, y), lo = x * y;
                    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
                    break;
                }
                case FLOOR_DIV:
                    if (y == 0) throw intZeroDivision();
                    if (x == Long.MIN_VALUE && y == -1) break;
                    return Math.floorDiv(x, y);
                case MOD:
                    if (y == 0) throw intZeroDivision();
                    return Math.floorMod(x, y);
                case TRUE_DIV:
                    if (y == 0) throw new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "division by zero");
                    if (Math.abs(x) <= (1L << 53) && Math.abs(y) <= (1L << 53)) return (double) x / (double) y;
                    break;
                case AND: return x & y;
                case OR: return x | y;
                case XOR: return x ^ y;
                case RSHIFT:
                    if (y < 0) throw negativeShift();
                    return x >> Math.min(y, 63);
                case LSHIFT:
                    if (y < 0) throw negativeShift();
                    if (x == 0) return 0L;
                    if (y < 63 && (x << y) >> y == x) return x << y;
                    break;
                case POW:
                    if (y < 0) break;
                    Object r = longPow(x, y);
                    if (r != null) return r;
                    break;
                default:
                    return TypeHooks.UNSUPPORTED;
            }
        }
        return bigArith(op, big(a), big(b));
    }

    private static Object bigArith(Operator op, BigInteger x, BigInteger y) {
        switch (op) {
            case ADD: return normalize(x.add(y));
            case SUB: return normalize(x.subtract(y));
            case MUL:
                checkBits((long) x.bitLength() + y.bitLength());
                return normalize(x.multiply(y));
            case FLOOR_DIV: {
                if (y.signum() == 0) throw intZeroDivision();
                return normalize(floorDivMod(x, y)[0]);
            }
            case MOD: {
                if (y.signum() == 0) throw intZeroDivision();
                return normalize(floorDivMod(x, y)[1]);
            }
            case TRUE_DIV: return trueDivide(x, y);
            case AND: return normalize(x.and(y));
            case OR: return normalize(x.or(y));
            case XOR: return normalize(x.xor(y));
            case RSHIFT: {
                if (y.signum() < 0) throw negativeShift();
                if (y.bitLength() > 31) return x.signum() < 0 ? -1L : 0L;
                return normalize(x.shiftRight(y.intValue()));
            }
            case LSHIFT: {
                if (y.signum() < 0) throw negativeShift();
                if (x.signum() == 0) return 0L;
                if (y.bitLength() > 40) throw tooManyBits(Long.MAX_VALUE);
                checkBits(x.bitLength() + y.longValue());
                return normalize(x.shiftLeft(y.intValue()));
            }
            case POW: {
                if (y.signum() < 0) {
                    if (x.signum() == 0) {
                        throw new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "0.0 cannot be raised to a negative power (division by zero)");
                    }
                    return Math.pow(toDouble(x), toDouble(y));
                }
                if (x.equals(BigInteger.ONE) || x.signum() == 0) return normalize(x.pow(y.signum() == 0 ? 0 : 1));
                if (x.equals(BigInteger.ONE.negate())) return y.testBit(0) ? -1L : 1L;
                if (y.bitLength() > 40) throw tooManyBits(Long.MAX_VALUE);
                long e = y.longValue();
                // |x|**e needs about e * log2|x| bits; 2**e is a shift, not a product
                double mag = x.abs().doubleValue();
                double log2 = Double.isInfinite(mag) ? x.bitLength() : Math.log(mag) / Math.log(2);
                checkBits((long) Math.ceil(e * log2));
                return normalize(x.pow((int) e));
            }
            default:
                return TypeHooks.UNSUPPORTED;
        }
    }

    /** Unary -, +, ~ and abs() on an int, exact. */
    static Object unary(Operator op, Object a) {
        if (!(a instanceof BigInteger)) {
            long l = toLong(a);
            switch (op) {
                case NEG: return l == Long.MIN_VALUE ? (Object) LONG_MIN.negate() : (Object) (-l);
                case POS: return l;
                case INVERT: return ~l;
                case ABS: return l == Long.MIN_VALUE ? (Object) LONG_MIN.negate() : (Object) Math.abs(l);
                default: return TypeHooks.UNSUPPORTED;
            }
        }
        BigInteger b = (BigInteger) a;
        return switch (op) {
            case NEG -> normalize(b.negate());
            case POS -> b;
            case INVERT -> normalize(b.not());
            case ABS -> normalize(b.abs());
            default -> TypeHooks.UNSUPPORTED;
        };
    }

    /** Python's floor division and modulo (the remainder takes the divisor's sign). */
    static BigInteger[] floorDivMod(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(y);
        }
        return qr;
    }

    /** int / int: correctly rounded from the exact quotient, as Python; OverflowError past the double range. */
    private static double trueDivide(BigInteger x, BigInteger y) {
        if (y.signum() == 0) throw new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "division by zero");
        if (x.signum() == 0) return 0.0 * y.signum();
        double d = new BigDecimal(x).divide(new BigDecimal(y), new MathContext(40, RoundingMode.HALF_EVEN)).doubleValue();
        if (Double.isInfinite(d)) throw new TdlError(ErrorKind.OVERFLOW_ERROR, "integer division result too large for a float");
        return d;
    }

    /** x**y for y >= 0 when it fits in a long, else null. */
    private static Object longPow(long x, long y) {
        long result = 1, base = x;
        while (y > 0) {
            if ((y & 1) == 1) {
                long hi = Math.multiplyHigh(result, base), lo = result * base;
                if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) return null;
                result = lo;
            }
            y >>= 1;
            if (y > 0) {
                long hi = Math.multiplyHigh(base, base), lo = base * base;
                if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) return null;
                base = lo;
            }
        }
        return result;
    }

    /** pow(x, y, m) with an int modulus: exact modular power (a negative y needs an invertible x). */
    static Object modPow(Object x, Object y, Object m) {
        BigInteger mod = big(m);
        if (mod.signum() == 0) throw new TdlError(ErrorKind.VALUE_ERROR, "pow() 3rd argument cannot be 0");
        BigInteger base = big(x), exp = big(y), am = mod.abs();
        BigInteger r;
        if (exp.signum() < 0) {
            try {
                r = base.modInverse(am).modPow(exp.negate(), am);
            } catch (ArithmeticException e) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "base is not invertible for the given modulus");
            }
        } else {
            r = base.modPow(exp, am);
        }
        if (mod.signum() < 0 && r.signum() != 0) r = r.add(mod); // result takes the modulus' sign
        return normalize(r);
    }

    static void checkBits(long bits) {
        if (bits > MAX_BITS) throw tooManyBits(bits);
    }

    private static TdlError tooManyBits(long bits) {
        return new TdlError(ErrorKind.MEMORY_ERROR, "integer result too large"
                + (bits == Long.MAX_VALUE ? "" : " (about " + bits + " bits)"),
                "TDL ints hold at most " + MAX_BITS + " bits (about 78,900 digits), so a runaway computation stays interruptible");
    }

    private static TdlError intZeroDivision() {
        return new TdlError(ErrorKind.ZERO_DIVISION_ERROR, "integer division or modulo by zero");
    }

    private static TdlError negativeShift() {
        return new TdlError(ErrorKind.VALUE_ERROR, "negative shift count");
    }

    /** str(int), with Python's limit on the number of decimal digits. */
    public static String toDecimal(Object v) {
        if (!(v instanceof BigInteger b)) return Long.toString(toLong(v));
        // bitLength * log10(2) bounds the digit count from below closely enough to test the limit cheaply
        if (b.bitLength() > 14000 && (long) (b.bitLength() * 0.30102999566398) >= MAX_STR_DIGITS) throw strLimit(-1);
        String s = b.toString();
        int digits = s.length() - (b.signum() < 0 ? 1 : 0);
        if (digits > MAX_STR_DIGITS) throw strLimit(-1);
        return s;
    }

    /**
     * int(text, radix) of digits with an optional sign (underscores and prefixes already removed);
     * null when the text is not an integer in that radix.
     */
    public static Object parse(String digits, int radix) {
        String body = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
        if (body.isEmpty() || body.startsWith("-") || body.startsWith("+")) return null;
        for (int i = 0; i < body.length(); i++) if (Character.digit(body.charAt(i), radix) < 0) return null;
        if (body.length() <= 12 || (radix <= 10 && body.length() <= 18)) return Long.parseLong(digits, radix); // cannot overflow
        if (radix == 10 && body.length() > MAX_STR_DIGITS) throw strLimit(body.length());
        checkBits((long) Math.ceil(body.length() * Math.log(radix) / Math.log(2)));
        return normalize(new BigInteger(digits, radix));
    }

    static TdlError strLimit(int digits) {
        return new TdlError(ErrorKind.VALUE_ERROR, "Exceeds the limit (" + MAX_STR_DIGITS + " digits) for integer string conversion"
                + (digits >= 0 ? ": value has " + digits + " digits" : ""),
                "TDL keeps Python's default limit (sys.set_int_max_str_digits is not available); hex(), f'{x:x}' and f'{x:e}' have no limit");
    }

    /** Python's hash of an int: the value modulo the Mersenne prime 2**61 - 1, sign kept, -1 mapped to -2. */
    static long hash(Object v) {
        long modulus = (1L << 61) - 1;
        long h;
        if ((v instanceof Long || v instanceof Boolean) && toLong(v) != Long.MIN_VALUE) {
            long l = toLong(v);
            h = l < 0 ? -(-l % modulus) : l % modulus;
        } else {
            BigInteger b = big(v);
            h = b.abs().mod(BigInteger.valueOf(modulus)).longValue();
            if (b.signum() < 0) h = -h;
        }
        return h == -1 ? -2 : h;
    }

    /** round(x, ndigits) for an int and a negative ndigits: half to even, exact. */
    static Object round(Object x, long ndigits) {
        if (ndigits >= 0) return x;
        if (ndigits < -MAX_STR_DIGITS * 4L) return 0L;
        BigDecimal r = new BigDecimal(big(x)).setScale((int) ndigits, RoundingMode.HALF_EVEN);
        return normalize(r.toBigInteger());
    }

    /** log(x) of a positive int in the given log of 2 units (ln 2, log10 2, 1), exact for ints past the double range. */
    static double log(Object x, java.util.function.DoubleUnaryOperator logOf, double log2) {
        BigInteger b = big(x);
        if (b.signum() <= 0) throw new TdlError(ErrorKind.VALUE_ERROR, "math domain error");
        if (b.bitLength() <= 1000) return logOf.applyAsDouble(b.doubleValue());
        // x = m * 2**e with m in [0.5, 1), as Python's frexp-based loghelper
        int e = b.bitLength();
        double m = b.shiftRight(e - 64).doubleValue() / 0x1p64;
        return logOf.applyAsDouble(m) + e * log2;
    }

    /** math.factorial: a product tree (fast for large n), refused past the size limit, interruptible. */
    static Object factorial(long n, Runnable checkInterrupt) {
        if (n < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "factorial() not defined for negative values");
        if (n <= 20) {
            long r = 1;
            for (long i = 2; i <= n; i++) r *= i;
            return r;
        }
        // log2(n!) from Stirling, checked before any work so factorial(10**12) fails at once
        double bits = (n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n)) / Math.log(2);
        checkBits((long) bits);
        return normalize(product(1, n, checkInterrupt));
    }

    /** lo * (lo+1) * ... * hi by binary splitting (balanced products are what BigInteger multiplies fast). */
    static BigInteger product(long lo, long hi, Runnable checkInterrupt) {
        if (hi < lo) return BigInteger.ONE;
        if (hi - lo < 16) {
            BigInteger r = BigInteger.valueOf(lo);
            for (long i = lo + 1; i <= hi; i++) r = r.multiply(BigInteger.valueOf(i));
            return r;
        }
        checkInterrupt.run();
        long mid = (lo + hi) >>> 1;
        return product(lo, mid, checkInterrupt).multiply(product(mid + 1, hi, checkInterrupt));
    }

    /** math.perm(n, k) and math.comb(n, k). */
    static Object permComb(Object nObj, Object kObj, boolean comb, Runnable checkInterrupt) {
        String fn = comb ? "comb" : "perm";
        if (big(nObj).signum() < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "n must be a non-negative integer");
        if (big(kObj).signum() < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "k must be a non-negative integer");
        if (nObj instanceof BigInteger || kObj instanceof BigInteger) {
            if (big(kObj).compareTo(big(nObj)) > 0) return 0L;
            throw new TdlError(ErrorKind.OVERFLOW_ERROR, fn + "() arguments past 64 bits are not supported");
        }
        long n = toLong(nObj), k = toLong(kObj);
        if (k > n) return 0L;
        if (comb) k = Math.min(k, n - k);
        double bits = 0;
        for (long i = 0; i < Math.min(k, 64); i++) bits += Math.log(n - i) / Math.log(2);
        if (k > 64) bits += (k - 64) * Math.log(n - k + 1) / Math.log(2);
        if (!comb) checkBits((long) bits);
        BigInteger num = product(n - k + 1, n, checkInterrupt);
        return normalize(comb ? num.divide(product(1, k, checkInterrupt)) : num);
    }

    /** math.isqrt. */
    static Object isqrt(Object n) {
        BigInteger b = big(n);
        if (b.signum() < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "isqrt() argument must be nonnegative");
        return normalize(b.sqrt());
    }
}
