package tdl.lib.numpy;

import java.util.List;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.Args;
import tdl.interp.Ints;
import tdl.interp.NumpyScalar;
import tdl.interp.Runtime;
import tdl.interp.Sequences;
import tdl.interp.TdlCallable;
import tdl.interp.TdlTuple;
import tdl.interp.TypeHooks;
import tdl.vocab.Operator;

/**
 * How numpy scalars behave in scripts (numpy 1.26): printed as numpy prints them (a float32 in its
 * own shortest digits), operators by {@link ScalarArithmetic}, and the attributes of a 0-d array
 * ({@code dtype shape ndim item astype sum ...}); type() is {@code np.float32} and friends. An
 * array or a symbolic variable on the other side of an operator outranks these hooks.
 */
final class ScalarHooks implements TypeHooks {
    static final int PRIORITY = 5;

    private static final List<String> ATTRIBUTES = List.of("dtype", "shape", "ndim", "size", "itemsize", "nbytes", "T", "item",
            "tolist", "astype", "is_integer", "sum", "mean", "max", "min", "prod", "std", "var", "any", "all", "argmax",
            "argmin", "round", "reshape", "flatten", "ravel", "copy", "clip", "__float__", "__int__", "__round__");

    private final ArrayHooks arrays = new ArrayHooks();

    @Override public int priority() { return PRIORITY; }

    @Override public String typeName(Object self) { return "numpy." + typeShortName(((NumpyScalar) self).dtype()); }

    static String typeShortName(DType d) { return d == DType.BOOL ? "bool_" : d.pyName(); }

    @Override public Object typeObject(Runtime rt, Object self) { return NpDType.scalarType(((NumpyScalar) self).dtype()); }

    @Override public List<String> attributeNames(Object self) { return ATTRIBUTES; }

    @Override
    public String str(Runtime rt, Object self) {
        NumpyScalar s = (NumpyScalar) self;
        if (s.isFloat()) return FloatDigits.pythonRepr(s.doubleValue(), s.dtype() == DType.FLOAT32);
        if (s.isBool()) return s.longValue() != 0 ? "True" : "False";
        return Long.toString(s.longValue());
    }

    @Override
    public boolean truth(Runtime rt, Object self) {
        NumpyScalar s = (NumpyScalar) self;
        return s.isFloat() ? s.doubleValue() != 0 : s.longValue() != 0;
    }

    /** The 0-d array numpy's scalar methods act on. */
    static NDArray asArray(NumpyScalar s) { return NDArray.scalar(s.dtype(), s.doubleValue()); }

    /** The scalar as another dtype: integers convert exactly (past 2^53 too), floats truncate toward zero. */
    static NumpyScalar convert(NumpyScalar s, DType to) {
        return s.isFloat() ? NumpyScalar.of(to, s.doubleValue()) : NumpyScalar.ofLong(to, s.longValue());
    }

    @Override
    public Object getAttr(Runtime rt, Object self, String name) {
        NumpyScalar s = (NumpyScalar) self;
        switch (name) {
            case "dtype": return new NpDType(s.dtype(), false);
            case "shape": return TdlTuple.of();
            case "ndim": return 0L;
            case "size": return 1L;
            case "itemsize", "nbytes": return (long) NpyFile.itemSize(s.dtype());
            case "T", "real": return s;
            case "item", "tolist": return (TdlCallable) (r, a) -> { a.check(0); return s.toPython(); };
            case "astype": return (TdlCallable) (r, a) -> convert(s, NumpyConvert.dtype(a.check(1, "dtype").get(0, "dtype")));
            case "__float__": return (TdlCallable) (r, a) -> s.doubleValue();
            case "__int__": return (TdlCallable) (r, a) -> s.isFloat() ? Ints.fromDouble(s.doubleValue()) : (Object) s.longValue();
            case "__round__": return (TdlCallable) (r, a) -> round(s, a);
            case "__class__": return typeObject(rt, s);
            case "is_integer":
                if (!s.isFloat()) break;
                return (TdlCallable) (r, a) -> { double v = s.doubleValue(); return v == Math.rint(v) && !Double.isInfinite(v); };
            default: break;
        }
        if (!ATTRIBUTES.contains(name)) return UNSUPPORTED;
        Object m = arrays.getAttr(rt, asArray(s), name);
        if (!(m instanceof TdlCallable c)) return m;
        return (TdlCallable) (r, a) -> rank0ToScalar(c.call(r, a));
    }

    private static Object rank0ToScalar(Object v) {
        return v instanceof NDArray a && a.rank() == 0 ? NumpyConvert.npScalar(a.dtype(), a.get(0)) : v;
    }

    /**
     * round(x) is a Python int, as numpy's __round__ gives; round(x, n) keeps the dtype and rounds
     * as numpy's PyArray_Round: scale by 10**n, round half to even, scale back, each step stored in
     * the dtype (so a float32 rounds in float32).
     */
    private static Object round(NumpyScalar s, Args a) {
        Object nd = a.check(1, "ndigits").get(0, "ndigits", null);
        if (nd == null) return s.isFloat() ? Ints.fromDouble(Math.rint(s.doubleValue())) : (Object) s.longValue();
        long n = NumpyConvert.toLong(nd, "ndigits");
        if (!s.isFloat() && n >= 0) return s;
        DType d = s.isFloat() ? s.dtype() : DType.FLOAT64;
        double f = Math.pow(10, Math.abs(n));
        double scaled = d.coerce(n >= 0 ? s.doubleValue() * f : s.doubleValue() / f);
        double r = d.coerce(n >= 0 ? Math.rint(scaled) / f : Math.rint(scaled) * f);
        return s.isFloat() ? NumpyScalar.of(d, r) : NumpyScalar.ofLong(s.dtype(), (long) r);
    }

    @Override
    public Object binary(Runtime rt, Operator op, Object a, Object b) {
        Object other = a instanceof NumpyScalar ? b : a;
        NumpyScalar self = (NumpyScalar) (a instanceof NumpyScalar ? a : b);
        if (op == Operator.IN || op == Operator.NOT_IN) return UNSUPPORTED;
        if (other instanceof String) return UNSUPPORTED;
        if (Sequences.isListOrTuple(other)) {
            // numpy 1.26 leaves * to the sequence: an integer scalar repeats it as the equal int does, a float is refused
            if (op == Operator.MUL) return UNSUPPORTED;
            return arrays.binary(rt, op, a, b);
        }
        if (other instanceof NDArray) return arrays.binary(rt, op, a, b);
        return ScalarArithmetic.binary(op, a, b);
    }

    @Override
    public Object unary(Runtime rt, Operator op, Object a) {
        return ScalarArithmetic.unary(op, (NumpyScalar) a);
    }
}
