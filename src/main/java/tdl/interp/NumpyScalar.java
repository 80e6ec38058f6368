package tdl.interp;

import tdl.graph.DType;

/**
 * A numpy scalar ({@code np.float32(0.1)}, {@code a[i]}, {@code a.sum()}): one number that keeps its
 * dtype, so float32 values print, compute and enter graphs as float32, as numpy 1.26's do. It lives
 * here rather than with the numpy library because the interpreter itself must treat an integer one
 * as an index (Python's {@code __index__}), convert any of them with float()/int()/format, and give
 * them Python's hash; their operators, attributes and printing are the numpy library's
 * ({@code tdl.lib.numpy.ScalarHooks}).
 *
 * <p>Integers and bools are held in a long (int64 wraps as numpy's does, beyond the 2^53 that array
 * storage keeps exactly); floats in a double that holds a float32's value exactly.
 */
public final class NumpyScalar extends Number {
    private static final long serialVersionUID = 1L;

    private final DType dtype;
    private final long integer;
    private final double real;

    private NumpyScalar(DType dtype, long integer, double real) {
        this.dtype = dtype;
        this.integer = integer;
        this.real = real;
    }

    /** The value {@code v} as {@code dtype} holds it: float32 rounds, integers truncate and wrap. */
    public static NumpyScalar of(DType dtype, double v) {
        if (dtype.isFloat()) return new NumpyScalar(dtype, 0, dtype == DType.FLOAT32 ? (double) (float) v : v);
        if (dtype == DType.BOOL) return new NumpyScalar(dtype, v != 0 ? 1 : 0, 0);
        return ofLong(dtype, (long) v);
    }

    /** An integer value wrapped to the dtype's width, as numpy's C arithmetic wraps. */
    public static NumpyScalar ofLong(DType dtype, long v) {
        return switch (dtype) {
            case FLOAT32, FLOAT64 -> of(dtype, (double) v);
            case BOOL -> new NumpyScalar(dtype, v != 0 ? 1 : 0, 0);
            case INT8 -> new NumpyScalar(dtype, (byte) v, 0);
            case UINT8 -> new NumpyScalar(dtype, v & 0xff, 0);
            case INT16 -> new NumpyScalar(dtype, (short) v, 0);
            case INT32 -> new NumpyScalar(dtype, (int) v, 0);
            case INT64 -> new NumpyScalar(dtype, v, 0);
        };
    }

    public static NumpyScalar ofBool(boolean b) { return new NumpyScalar(DType.BOOL, b ? 1 : 0, 0); }

    public DType dtype() { return dtype; }

    public boolean isFloat() { return dtype.isFloat(); }

    /** Whether it is a signed or unsigned integer (not a bool). */
    public boolean isInteger() { return dtype.isInteger(); }

    public boolean isBool() { return dtype == DType.BOOL; }

    /** Whether it has Python's {@code __index__} (integers and, deprecated in numpy 1.26 but working, bools). */
    public boolean isIndex() { return !dtype.isFloat(); }

    @Override public long longValue() { return dtype.isFloat() ? (long) real : integer; }

    @Override public double doubleValue() { return dtype.isFloat() ? real : integer; }

    @Override public int intValue() { return (int) longValue(); }

    @Override public float floatValue() { return (float) doubleValue(); }

    /** The equal Python number: bool, int or float (what item() gives). */
    public Object toPython() {
        if (dtype.isFloat()) return real;
        if (dtype == DType.BOOL) return integer != 0;
        return integer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumpyScalar s && s.dtype == dtype && s.integer == integer
                && Double.doubleToLongBits(s.real) == Double.doubleToLongBits(real);
    }

    @Override public int hashCode() { return dtype.hashCode() * 31 + Long.hashCode(integer) + Double.hashCode(real); }

    @Override public String toString() { return dtype.pyName() + "(" + toPython() + ")"; }
}
