package tdl.graph;

/**
 * Element types. Every array stores its elements as doubles (EJML's storage); the dtype says how
 * values are rounded and how results are typed, as numpy's dtype does. Integers are exact up to 2^53.
 */
public enum DType {
    BOOL("bool"), INT8("int8"), UINT8("uint8"), INT16("int16"), INT32("int32"), INT64("int64"), FLOAT32("float32"), FLOAT64("float64");

    private final String pyName;

    DType(String pyName) { this.pyName = pyName; }

    /** The numpy/Theano name: "float64", "int64", ... */
    public String pyName() { return pyName; }

    public boolean isFloat() { return this == FLOAT32 || this == FLOAT64; }

    public boolean isInteger() { return !isFloat() && this != BOOL; }

    /** numpy's result type for a binary arithmetic op on these two types. */
    public static DType upcast(DType a, DType b) {
        if (a == b) return a;
        if (a.isFloat() || b.isFloat()) {
            if (a == FLOAT64 || b == FLOAT64) return FLOAT64;
            // float32 with a wide integer widens to float64, as in numpy
            DType other = a.isFloat() ? b : a;
            return other == INT32 || other == INT64 ? FLOAT64 : FLOAT32;
        }
        if (a == BOOL) return b;
        if (b == BOOL) return a;
        if (a == UINT8 && b == INT8 || a == INT8 && b == UINT8) return INT16;
        return a.ordinal() > b.ordinal() ? a : b;
    }

    /** Whether values computed in double must be rounded to this dtype when stored (ints, float32). */
    public boolean needsCoerce() { return this != FLOAT64 && this != BOOL; }

    /** Rounds a value to what this dtype can hold (truncation toward zero for integers, as astype does). */
    public double coerce(double v) {
        switch (this) {
            case FLOAT64: return v;
            case FLOAT32: return (float) v;
            case BOOL: return v != 0 ? 1 : 0;
            case INT64: return (double) (long) v;
            case INT32: return (int) (long) v;
            case INT8: return (byte) (long) v;
            case INT16: return (short) (long) v;
            case UINT8: return ((long) v) & 0xff;
            default: throw new AssertionError(this);
        }
    }

    public static DType fromName(String name) {
        for (DType d : values()) if (d.pyName.equals(name)) return d;
        return null;
    }
}
