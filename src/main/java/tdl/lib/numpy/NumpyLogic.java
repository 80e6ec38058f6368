package tdl.lib.numpy;

import java.util.Map;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.TensorOps;
import tdl.interp.Builtin;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * The comparison ufuncs (np.equal ... np.less_equal), the logical ones (np.logical_and/or/xor/not:
 * any dtype in, bool out, NaN counting as true) and np.rint. As numpy's ufuncs, numbers in give a
 * Python scalar out and arrays an array.
 */
final class NumpyLogic {
    private NumpyLogic() {}

    static void install(Map<String, Object> np) {
        compare(np, "equal", Scalar.EQ);
        compare(np, "not_equal", Scalar.NEQ);
        compare(np, "greater", Scalar.GT);
        compare(np, "greater_equal", Scalar.GE);
        compare(np, "less", Scalar.LT);
        compare(np, "less_equal", Scalar.LE);
        logical(np, "logical_and", TensorOps::and);
        logical(np, "logical_or", TensorOps::or);
        logical(np, "logical_xor", TensorOps::xor);
        np.put("logical_not", new Builtin("logical_not", (rt, a) -> {
            Object x = host(a.check(1, "x").get(0, "x"), "logical_not");
            HostMath m = new HostMath(rt);
            return result(m.run(v -> m.ops().not(m.ops().cast(v.get(0), DType.BOOL)), x), x);
        }));
        np.put("rint", new Builtin("rint", (rt, a) -> {
            Object x = host(a.check(1, "x").get(0, "x"), "rint");
            NDArray in = NumpyConvert.toArray(x);
            DType d = rintType(in.dtype());
            return result(new HostMath(rt).unary(Scalar.ROUND, in.dtype() == d ? in : in.astype(d)), x);
        }));
    }

    /** numpy's rint loops are float ones: an integer input goes to the smallest float holding it. */
    private static DType rintType(DType in) {
        return switch (in) {
            case FLOAT64, FLOAT32 -> in;
            case INT64, INT32 -> DType.FLOAT64;
            case INT16 -> DType.FLOAT32;
            case INT8, UINT8, BOOL -> throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR,
                    "np.rint of a " + in.pyName() + " array is float16 in numpy, a dtype TDL does not have",
                    "convert first: np.rint(a.astype(np.float32))");
        };
    }

    private static void compare(Map<String, Object> np, String name, Scalar s) {
        np.put(name, new Builtin(name, (rt, a) -> {
            Object x = host(a.check(2, "x1", "x2").get(0, "x1"), name);
            Object y = host(a.get(1, "x2"), name);
            return result(new HostMath(rt).binary(s, x, y), x, y);
        }));
    }

    private static void logical(Map<String, Object> np, String name, LogicalOp op) {
        np.put(name, new Builtin(name, (rt, a) -> {
            Object x = host(a.check(2, "x1", "x2").get(0, "x1"), name);
            Object y = host(a.get(1, "x2"), name);
            HostMath.checkBroadcast(x, y);
            HostMath m = new HostMath(rt);
            TensorOps t = m.ops();
            return result(m.run(v -> op.apply(t, t.cast(v.get(0), DType.BOOL), t.cast(v.get(1), DType.BOOL)), x, y), x, y);
        }));
    }

    private interface LogicalOp {
        Variable apply(TensorOps t, Variable a, Variable b);
    }

    private static Object host(Object x, String name) {
        if (x instanceof Variable) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "np." + name + " works on host arrays, not symbolic variables",
                    "use the theano.tensor function or the operator to build a graph node");
        }
        return x;
    }

    /** A 0-d result is a numpy scalar, as numpy's ufuncs give. */
    private static Object result(NDArray out, Object... inputs) {
        return out.rank() == 0 ? NumpyConvert.npScalar(out.dtype(), out.get(0)) : out;
    }
}
