package tdl.lib.theano;

import tdl.interp.NumpyScalar;
import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import java.util.List;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.Autocast;
import tdl.graph.ops.TensorOps;
import tdl.interp.Runtime;
import tdl.lib.numpy.NumpyConvert;
import tdl.syntax.TdlError;

/**
 * The per-session graph builder and the lifting of script values into the graph. Nodes built
 * through it record the script position being evaluated, so run-time errors can name the line.
 */
final class Symbolic {
    private Symbolic() {}

    static TensorOps ops(Runtime rt) {
        return rt.sessionState(TensorOps.class, () -> new TensorOps(rt::currentPos, () -> TheanoConfig.floatX(rt), node -> TestValues.of(rt).built(node)));
    }

    /** A script value as a graph variable: variables as they are, numbers/lists/arrays as constants. */
    static Variable lift(Runtime rt, Object value, String what) {
        if (value instanceof Variable v) return tensor(v);
        if (value instanceof Boolean bo) return Constant.typed(NDArray.scalar(DType.BOOL, bo ? 1 : 0));
        if (value instanceof Long l) return Constant.typed(NDArray.scalar(Autocast.ofInt(l), l));
        if (value instanceof Integer i) return Constant.typed(NDArray.scalar(Autocast.ofInt(i), i));
        if (value instanceof java.math.BigInteger) throw tdl.interp.Ints.tooBigForLong();
        if (value instanceof Double d) {
            DType dt = Autocast.ofFloat(d, floatX(rt));
            return Constant.typed(NDArray.scalar(dt, dt.coerce(d)));
        }
        if (value instanceof NDArray a) return Constant.typed(a.copy());
        // Theano passes numpy scalars through with their dtype (NumpyAutocaster: "already typed on
        // purpose"): np.float64(0.5) is a float64 constant where the Python float 0.5 autocasts to float32
        if (value instanceof NumpyScalar s) return Constant.typed(NDArray.scalar(s.dtype(), s.doubleValue()));
        if (Sequences.isListOrTuple(value)) {
            List<?> items = value instanceof List<?> l ? l : ((tdl.interp.TdlTuple) value).items();
            boolean symbolic = items.stream().anyMatch(x -> x instanceof Variable);
            if (symbolic) {
                java.util.ArrayList<Variable> parts = new java.util.ArrayList<>();
                for (Object o : items) parts.add(lift(rt, o, what));
                return ops(rt).stack(parts, 0);
            }
            return Constant.typed(NumpyConvert.toArray(value));
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, "cannot use " + rt.repr(value) + " (" + typeName(rt, value) + ") as " + what,
                "tensor operations take symbolic variables, numbers, lists or arrays");
    }

    /**
     * {@code v} if it may enter a tensor operation. theano.shared of a list is Theano's generic
     * SharedVariable, whose type is not a TensorType: Theano's as_tensor_variable refuses it
     * (AsTensorError, a TypeError), and so does TDL rather than compute what Theano cannot.
     */
    static Variable tensor(Variable v) {
        if (v instanceof tdl.graph.SharedVariable s && s.kind() == tdl.graph.SharedVariable.Kind.GENERIC) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "Variable type field must be a TensorType: " + (s.name() == null ? "this shared variable" : "'" + s.name() + "'")
                    + " was made by theano.shared from a list, which is Theano's generic SharedVariable, not a tensor",
                    "make it with theano.shared(np.asarray(value)) to use it in tensor expressions");
        }
        return v;
    }

    static boolean isTensorLike(Object v) {
        return v instanceof Variable || v instanceof NDArray || v instanceof Long || v instanceof Double || v instanceof NumpyScalar
                || v instanceof Boolean || v instanceof Integer || v instanceof java.math.BigInteger; // big: lift raises OverflowError
    }

    static String typeName(Runtime rt, Object v) {
        if (rt != null) return rt.typeName(v);
        // no interpreter at hand (argument checks of static helpers): Python's names for plain values
        if (v == null) return "NoneType";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Long || v instanceof java.math.BigInteger) return "int";
        if (v instanceof Double) return "float";
        if (v instanceof String) return "str";
        if (v instanceof List<?>) return "list";
        if (v instanceof tdl.interp.TdlTuple) return "tuple";
        if (v instanceof java.util.Map<?, ?>) return "dict";
        return "object";
    }

    /**
     * A dtype argument given as 'float64', np.float32, 'floatX' (the session's theano.config.floatX)
     * or None (then {@code fallback}).
     */
    static DType dtype(Runtime rt, Object spec, DType fallback) {
        if (spec == null) return fallback;
        if (!(spec instanceof String name)) return NumpyConvert.dtype(spec); // np.float32, a.dtype
        if (name.equals("floatX")) return TheanoConfig.floatX(rt);
        if (name.equals("float")) return DType.FLOAT64;
        if (name.equals("int")) return DType.INT64;
        DType d = DType.fromName(name);
        if (d == null) throw new TdlError(ErrorKind.TYPE_ERROR, "unknown dtype '" + name + "'",
                "use one of float64, float32, int64, int32, int16, int8, uint8, bool");
        return d;
    }

    /** theano.config.floatX of the session: the default of T.matrix(), T.zeros(), random draws. */
    static DType floatX(Runtime rt) { return TheanoConfig.floatX(rt); }

    /** An axis argument: None, an int, or a list/tuple of ints. */
    static int[] axes(Object spec) {
        spec = NumpyConvert.plainNumbers(spec);
        if (spec == null) return null;
        if (spec instanceof Long l) return new int[] {tdl.interp.Ints.toInt(l)};
        if (spec instanceof java.math.BigInteger) throw tdl.interp.Ints.tooBigForLong();
        List<?> items = Sequences.items(spec);
        if (items == null) throw new TdlError(ErrorKind.TYPE_ERROR, "axis must be None, an int or a tuple of ints");
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = items.get(i);
            if (o instanceof java.math.BigInteger) throw tdl.interp.Ints.tooBigForLong();
            if (!(o instanceof Long l)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "'" + typeName(null, o) + "' object cannot be interpreted as an integer",
                        "axis must be None, an int or a tuple of ints");
            }
            out[i] = tdl.interp.Ints.toInt(l);
        }
        return out;
    }

    /** One int axis argument; a symbolic axis (Theano allows one) is not supported here. */
    static int axis(Runtime rt, Object spec, String fn) {
        spec = NumpyConvert.plainNumbers(spec);
        if (spec instanceof Long l) return tdl.interp.Ints.toInt(l);
        if (spec instanceof java.math.BigInteger) throw tdl.interp.Ints.tooBigForLong();
        if (spec instanceof Variable) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, fn + "() with a symbolic axis is not supported",
                    "give the axis as an int");
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, "'" + typeName(rt, spec) + "' object cannot be interpreted as an integer",
                fn + "() takes the axis as an int");
    }
}
