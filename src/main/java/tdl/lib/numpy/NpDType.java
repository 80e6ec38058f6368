package tdl.lib.numpy;

import tdl.graph.DType;

/**
 * A numpy dtype as a script value. {@code isType} distinguishes the scalar type {@code np.float32}
 * (callable: {@code np.float32(1.5)}) from the dtype instance {@code a.dtype} / {@code np.dtype('f4')};
 * both compare equal to each other and to the dtype's name, as in numpy.
 */
public record NpDType(DType dtype, boolean isType) {
    // one object per scalar type, so that type(np.float32(1)) is np.float32; records are immutable
    private static final java.util.Map<DType, NpDType> SCALAR_TYPES;

    static {
        java.util.EnumMap<DType, NpDType> m = new java.util.EnumMap<>(DType.class);
        for (DType d : DType.values()) m.put(d, new NpDType(d, true));
        SCALAR_TYPES = java.util.Collections.unmodifiableMap(m);
    }

    /** The scalar type np.float32, np.int64, ... of a dtype (always the same object). */
    public static NpDType scalarType(DType d) { return SCALAR_TYPES.get(d); }

    public String name() { return dtype.pyName(); }

    /** Equality as numpy's dtype == other. */
    public boolean sameAs(Object other) {
        if (other instanceof NpDType d) return d.dtype == dtype;
        if (other instanceof String s) return NumpyConvert.dtypeName(s) == dtype;
        return false;
    }

    public String str() {
        String n = dtype == DType.BOOL ? "bool_" : name();
        return isType ? "<class 'numpy." + n + "'>" : name();
    }

    public String repr() {
        return isType ? str() : "dtype('" + name() + "')";
    }
}
