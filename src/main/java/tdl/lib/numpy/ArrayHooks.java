package tdl.lib.numpy;

import tdl.vocab.ErrorKind;
import tdl.vocab.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.ops.Scalar;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;

/**
 * How host arrays (NDArray) behave in scripts: numpy attributes and methods, operators with
 * broadcasting, indexing get/set, truth, len, iteration over rows and numpy printing. Operands it
 * does not know (symbolic variables, ...) get UNSUPPORTED so higher-priority hooks handle them.
 */
public final class ArrayHooks implements TypeHooks {
    public static final int PRIORITY = 10;

    private static final List<String> ATTRIBUTES = List.of("shape", "ndim", "dtype", "size", "T", "reshape", "sum",
            "mean", "max", "min", "argmax", "argmin", "std", "var", "prod", "copy", "astype", "tolist", "flatten",
            "ravel", "transpose", "dot", "item", "fill", "clip", "any", "all", "round", "itemsize", "nbytes",
            "__float__", "__int__", "cumsum", "cumprod", "repeat", "squeeze", "sort", "argsort", "nonzero", "diagonal", "trace",
            "swapaxes", "ptp", "take", "searchsorted", "tofile");

    @Override public int priority() { return PRIORITY; }

    @Override public String typeName(Object self) { return "ndarray"; }

    @Override public List<String> attributeNames(Object self) { return ATTRIBUTES; }

    // numpy's array_format: a 0-d array formats as its scalar, which formats as the Python number
    // (f"{c}" of a float32 cost is 0.6931471824645996, not str(c)'s 0.6931472); any other array
    // takes object.__format__, which refuses a spec
    @Override
    public Object formatted(Runtime rt, Object self, String spec) {
        NDArray a = (NDArray) self;
        if (a.rank() == 0) return NumpyConvert.scalar(a.dtype(), a.get(0));
        if (spec != null && !spec.isEmpty()) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "unsupported format string passed to numpy.ndarray.__format__",
                    "format one element (a[0]) or the array's str() ('{}'.format(a))");
        }
        return self;
    }

    @Override
    public Object getAttr(Runtime rt, Object self, String name) {
        NDArray a = (NDArray) self;
        HostMath m = new HostMath(rt);
        switch (name) {
            case "shape": return NumpyConvert.shapeTuple(a.shape());
            case "ndim": return (long) a.rank();
            case "dtype": return new NpDType(a.dtype(), false);
            case "size": return (long) a.size();
            case "itemsize": return (long) NpyFile.itemSize(a.dtype());
            case "nbytes": return (long) NpyFile.itemSize(a.dtype()) * a.size();
            case "T": return Shapes.transposeView(a, null);
            default: break;
        }
        TdlCallable method = method(m, a, name);
        return method == null ? UNSUPPORTED : method;
    }

    private static TdlCallable method(HostMath m, NDArray a, String name) {
        Reductions.Kind kind = switch (name) {
            case "sum" -> Reductions.Kind.SUM;
            case "prod" -> Reductions.Kind.PROD;
            case "max" -> Reductions.Kind.MAX;
            case "min" -> Reductions.Kind.MIN;
            case "mean" -> Reductions.Kind.MEAN;
            case "var" -> Reductions.Kind.VAR;
            case "std" -> Reductions.Kind.STD;
            case "any" -> Reductions.Kind.ANY;
            case "all" -> Reductions.Kind.ALL;
            case "argmax" -> Reductions.Kind.ARGMAX;
            case "argmin" -> Reductions.Kind.ARGMIN;
            default -> null;
        };
        if (kind != null) return (rt, args) -> Reductions.reduce(m, kind, a, args, 0);
        TdlCallable extra = ExtraNumpy.method(a, name);
        if (extra != null) return extra;
        TdlCallable pieces = ArrayPieces.method(a, name);
        if (pieces != null) return pieces;
        return switch (name) {
            case "reshape" -> (rt, args) -> Views.reshaped(a, Shapes.reshapedShape(a, reshapeDims(cOrder(args.check(Integer.MAX_VALUE, "shape", "order")))));
            case "copy" -> (rt, args) -> cOrder(args.check(1, "order")) == null ? null : a.copy(); // order may come first
            case "astype" -> (rt, args) -> a.astype(NumpyConvert.dtype(args.check(1, "dtype").get(0, "dtype")));
            case "tolist" -> (rt, args) -> NumpyConvert.toList(noArguments(args, a));
            case "tofile" -> (rt, args) -> FileArrays.tofile(rt, a, args);
            case "flatten" -> (rt, args) -> cOrder(args.check(1, "order")) == null ? null : a.copy().reshape(a.size());
            case "ravel" -> (rt, args) -> cOrder(args.check(1, "order")) == null ? null : Views.raveled(a);
            case "transpose" -> (rt, args) -> Shapes.transposeView(a, args.check(Integer.MAX_VALUE).size() == 0 ? null
                    : args.size() == 1 && NumpyConvert.items(args.positional().get(0)) != null ? args.positional().get(0)
                    : new ArrayList<>(args.positional()));
            case "dot" -> (rt, args) -> scalarIfRank0(m.run(v -> m.ops().dot(v.get(0), v.get(1)), a, args.check(1, "b").get(0, "b")));
            case "item" -> (rt, args) -> item(a, args);
            case "fill" -> (rt, args) -> {
                double v = NumpyConvert.toDouble(args.check(1, "value").get(0, "value"));
                Views.checkWritable(a, "assignment destination is read-only");
                a.fill(a.dtype().coerce(v));
                Views.writtenAll(a);
                return null;
            };
            case "clip" -> (rt, args) -> NumpyFunctions.clip(m, a, args.check(2, "min", "max").get(0, "min", null), args.get(1, "max", null));
            case "round" -> (rt, args) -> NumpyFunctions.round(m, a, args.check(1, "decimals").get(0, "decimals", 0L));
            case "__float__" -> (rt, args) -> toFloat(a);
            case "__int__" -> (rt, args) -> (long) toFloat(a);
            default -> null;
        };
    }

    /**
     * The args, when their {@code order=} (if any) is numpy's default 'C': TDL arrays are row-major,
     * and an 'F' or 'A' order would silently give numpy's other element order.
     */
    private static Args cOrder(Args args) {
        Object order = args.keywords().get("order");
        if (order == null && args.positional().size() == 1 && args.positional().get(0) instanceof String s) order = s; // copy('F'), flatten('F')
        if (order != null && !"C".equals(order)) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "order=" + order + " is not supported: TDL arrays are row-major (order='C')",
                    "leave order at its default, or transpose first");
        }
        return args;
    }

    private static NDArray noArguments(Args args, NDArray a) {
        args.check(0);
        return a;
    }

    private static Object item(NDArray a, Args args) {
        args.check(4);
        if (args.size() == 0) {
            if (a.size() != 1) throw new TdlError(ErrorKind.VALUE_ERROR, "can only convert an array of size 1 to a Python scalar");
            return NumpyConvert.scalar(a.dtype(), a.get(0));
        }
        Object idx = NumpyConvert.plainNumbers(args.size() == 1 ? args.positional().get(0) : new tdl.interp.TdlTuple(args.positional()));
        if (args.size() == 1 && idx instanceof Long l) {
            long i = l < 0 ? l + a.size() : l;
            if (i < 0 || i >= a.size()) throw new TdlError(ErrorKind.INDEX_ERROR, "index " + l + " is out of bounds for size " + a.size());
            return NumpyConvert.scalar(a.dtype(), a.get((int) i));
        }
        Object one = ArrayIndex.get(a, idx);
        return one instanceof tdl.interp.NumpyScalar v ? v.toPython() : one; // item() gives Python numbers
    }

    static double toFloat(NDArray a) {
        if (a.size() != 1) throw new TdlError(ErrorKind.TYPE_ERROR, "only length-1 arrays can be converted to Python scalars");
        return a.get(0);
    }

    static Object scalarIfRank0(NDArray r) {
        return r.rank() == 0 ? NumpyConvert.npScalar(r.dtype(), r.get(0)) : r;
    }

    /** reshape(2, 3), reshape((2, 3)) or reshape([2, 3]); one dimension may be -1. */
    static Object reshapeDims(Args args) {
        if (args.size() == 1) return args.positional().get(0);
        if (args.size() == 0 && args.keywords().containsKey("shape")) return args.keywords().get("shape");
        return new ArrayList<>(args.positional());
    }

    @Override
    public Object binary(Runtime rt, Operator op, Object a, Object b) {
        if (!operand(a) || !operand(b)) {
            if (op == Operator.EQ) return Boolean.FALSE;
            if (op == Operator.NE) return Boolean.TRUE;
            return UNSUPPORTED;
        }
        if (op != Operator.MATMUL && scalarLike(a) && scalarLike(b)) {
            // a 0-d array meeting a scalar is a scalar operation in numpy 1.26 (no value-based casting,
            // a numpy scalar comes out): compiled outputs * 0.5 behave as numpy scalars do
            return ScalarArithmetic.binary(op, asScalar(a), asScalar(b));
        }
        HostMath m = new HostMath(rt);
        return switch (op) {
            case MATMUL -> scalarIfRank0(m.run(v -> m.ops().matmul(v.get(0), v.get(1)), a, b));
            case ADD, SUB, MUL, TRUE_DIV, FLOOR_DIV, MOD, POW, AND, OR, XOR, LT, LE, GT, GE, EQ, NE ->
                    m.binary(Scalar.forOperator(op), a, b);
            case LSHIFT, RSHIFT, IN, NOT_IN, IS, IS_NOT, NEG, POS, INVERT, NOT, ABS -> UNSUPPORTED;
        };
    }

    /**
     * a op= b writes into a, as numpy does (a second name for the array sees the change): the
     * result must have a's shape, and its dtype must cast to a's within its kind ('same_kind':
     * an int array cannot take a float result, so {@code a /= 2} on ints is a TypeError).
     */
    @Override
    public Object inPlace(Runtime rt, Operator op, Object a, Object b) {
        Scalar s = Scalar.forOperator(op);
        if (s == null || s.arity() != 2 || !operand(b)) return UNSUPPORTED; // @=, <<=: rebind, as before
        NDArray self = (NDArray) a;
        Views.checkWritable(self, "output array is read-only");
        NDArray out = new HostMath(rt).binary(s, self, b);
        if (!java.util.Arrays.equals(out.shape(), self.shape())) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "non-broadcastable output operand with shape " + npShape(self.shape())
                    + " doesn't match the broadcast shape " + npShape(out.shape()));
        }
        if (kindRank(out.dtype()) > kindRank(self.dtype())) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "Cannot cast ufunc '" + ufuncName(s) + "' output from dtype('" + out.dtype().pyName()
                    + "') to dtype('" + self.dtype().pyName() + "') with casting rule 'same_kind'",
                    "write a = a " + op.symbol() + " b for a new array of the wider dtype, or convert with astype first");
        }
        DType d = self.dtype();
        if (out.dtype() == d) self.copyFrom(out);
        else for (int i = 0, n = self.size(); i < n; i++) self.set(i, d.coerce(out.get(i)));
        Views.writtenAll(self);
        return self;
    }

    /** A shape as numpy's ufunc messages write it: (3,) and (2,3), no spaces. */
    private static String npShape(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? "," : "").append(shape[i]);
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** numpy's kinds in 'same_kind' order: a result casts to a dtype of its kind or a later one. */
    private static int kindRank(tdl.graph.DType d) {
        return switch (d) {
            case BOOL -> 0;
            case UINT8 -> 1;
            case INT8, INT16, INT32, INT64 -> 2;
            case FLOAT32, FLOAT64 -> 3;
        };
    }

    /** The ufunc numpy names in its messages: np.add's "add", floor division's "floor_divide". */
    private static String ufuncName(Scalar s) {
        for (String n : s.help().names()) if (n.startsWith("np.")) return n.substring(3);
        return switch (s) {
            case INT_DIV -> "floor_divide";
            case MOD -> "remainder";
            default -> s.pyName();
        };
    }

    private static boolean scalarLike(Object o) {
        return o instanceof NDArray a ? a.rank() == 0 : NumpyConvert.isNumber(o) && !(o instanceof java.math.BigInteger);
    }

    private static Object asScalar(Object o) {
        return o instanceof NDArray a ? NumpyConvert.npScalar(a.dtype(), a.get(0)) : o;
    }

    /** Operands numpy arithmetic accepts here: arrays, Python numbers, nested lists/tuples. */
    private static boolean operand(Object o) {
        return o instanceof NDArray || NumpyConvert.isNumber(o) || NumpyConvert.items(o) != null;
    }

    @Override
    public Object unary(Runtime rt, Operator op, Object a) {
        NDArray x = (NDArray) a;
        if (x.rank() == 0 && op != Operator.NOT) return ScalarArithmetic.unary(op, NumpyConvert.npScalar(x.dtype(), x.get(0)));
        HostMath m = new HostMath(rt);
        return switch (op) {
            case NEG, ABS -> m.unary(Scalar.forOperator(op), x);
            case POS -> x.copy();
            case INVERT -> {
                if (x.dtype().isFloat()) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "ufunc 'invert' not supported for the input types");
                }
                yield m.unary(Scalar.forOperator(op), x); // logical not on bools, ~x on integers
            }
            case NOT, ADD, SUB, MUL, TRUE_DIV, FLOOR_DIV, MOD, POW, MATMUL, AND, OR, XOR, LSHIFT, RSHIFT, LT, LE, GT, GE, EQ, NE,
                    IN, NOT_IN, IS, IS_NOT -> UNSUPPORTED;
        };
    }

    @Override
    public Object getItem(Runtime rt, Object self, Object index) {
        if (!indexOk(index)) return UNSUPPORTED;
        return ArrayIndex.getView((NDArray) self, index);
    }

    @Override
    public Object setItem(Runtime rt, Object self, Object index, Object value) {
        if (!indexOk(index) || !(value instanceof NDArray || NumpyConvert.isNumber(value) || NumpyConvert.items(value) != null)) {
            return UNSUPPORTED;
        }
        NDArray a = (NDArray) self;
        Views.checkWritable(a, "assignment destination is read-only");
        ArrayIndex.set(a, index, value);
        if (a.viewOf() != null) Views.written(a, ArrayIndex.positions(a, index));
        else a.changed();
        return null;
    }

    /** Symbolic indices are not ours: the symbolic hooks lift the array and index symbolically. */
    private static boolean indexOk(Object index) {
        if (index instanceof tdl.graph.Variable) return false;
        if (index instanceof tdl.interp.TdlTuple t) for (Object o : t.items()) if (o instanceof tdl.graph.Variable) return false;
        if (index instanceof tdl.interp.SliceValue s) {
            return !(s.lo() instanceof tdl.graph.Variable || s.hi() instanceof tdl.graph.Variable || s.step() instanceof tdl.graph.Variable);
        }
        return true;
    }

    @Override
    public boolean truth(Runtime rt, Object self) {
        NDArray a = (NDArray) self;
        if (a.size() == 1) return a.get(0) != 0;
        if (a.size() == 0) return false;
        throw new TdlError(ErrorKind.VALUE_ERROR, "The truth value of an array with more than one element is ambiguous. "
                + "Use a.any() or a.all()");
    }

    @Override
    public long length(Runtime rt, Object self) {
        NDArray a = (NDArray) self;
        if (a.rank() == 0) throw new TdlError(ErrorKind.TYPE_ERROR, "len() of unsized object");
        return a.dim(0);
    }

    @Override
    public Iterable<Object> iterate(Runtime rt, Object self) {
        NDArray a = (NDArray) self;
        if (a.rank() == 0) throw new TdlError(ErrorKind.TYPE_ERROR, "iteration over a 0-d array");
        List<Object> rows = new ArrayList<>(a.dim(0));
        for (long i = 0; i < a.dim(0); i++) rows.add(ArrayIndex.getView(a, i));
        return rows;
    }

    @Override
    public String str(Runtime rt, Object self) {
        return NumpyFormat.str((NDArray) self, options(rt));
    }

    @Override
    public String repr(Runtime rt, Object self) {
        return NumpyFormat.repr((NDArray) self, options(rt));
    }

    private static NumpyFormat.Options options(Runtime rt) {
        return rt == null ? NumpyFormat.Options.DEFAULT : NumpySession.of(rt).printOptions;
    }

    static Map<String, Object> noKeywords() { return Map.of(); }
}
