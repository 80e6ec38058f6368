package tdl.lib.numpy;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tdl.eval.Eager;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.TensorOps;
import tdl.interp.Runtime;
import tdl.syntax.TdlError;

/**
 * Host-array math computed THROUGH the tensor ops: build a tiny graph over constants and evaluate
 * it eagerly, so numpy results and symbolic results come from the same kernels. Python numbers
 * and numpy scalars become rank-0 constants, which the facade treats as weakly typed (int array + 2
 * stays int64).
 */
final class HostMath {
    private final TensorOps ops;

    HostMath(Runtime rt) {
        this.ops = new TensorOps(rt == null ? () -> null : rt::currentPos);
    }

    TensorOps ops() { return ops; }

    /** Evaluates {@code build} over constants for the given values; never returns an input's storage. */
    NDArray run(Function<List<Variable>, Variable> build, Object... values) {
        List<Variable> vs = new ArrayList<>();
        List<NDArray> inputs = new ArrayList<>();
        for (Object v : values) {
            Variable c = lift(v);
            vs.add(c);
            if (c instanceof Constant k) inputs.add(k.value());
        }
        try {
            NDArray out = Eager.evaluate(build.apply(vs));
            for (NDArray in : inputs) if (in == out || in.sharesStorage(out)) return out.copy();
            return out;
        } catch (GraphError e) {
            throw new TdlError(e.kind(), e.getMessage(), e.hint());
        }
    }

    Variable lift(Object v) {
        if (v instanceof NDArray a) return ops.constant(a);
        if (v instanceof Boolean b) return ops.constant(b);
        // numpy 1.26's value-based casting: against an array a numpy scalar counts by its value within
        // its kind (a32 * np.float64(2) stays float32), as a Python number does, but keeps its dtype
        // where its kind is higher (u8 + np.float32(2) is float32): an untyped constant does both
        if (v instanceof tdl.interp.NumpyScalar s) return ops.constant(s.dtype(), s.doubleValue());
        if (v instanceof Long || v instanceof Integer) return ops.constant(((Number) v).longValue());
        if (v instanceof Double || v instanceof Float) return ops.constant(((Number) v).doubleValue());
        return ops.constant(NumpyConvert.toArray(v));
    }

    static int[] shapeOf(Object v) {
        return v instanceof NDArray a ? a.shape() : NumpyConvert.isNumber(v) ? new int[0] : NumpyConvert.toArray(v).shape();
    }

    /** numpy's broadcast check with numpy's message, before any graph is built. */
    static void checkBroadcast(Object a, Object b) {
        int[] sa = shapeOf(a);
        int[] sb = shapeOf(b);
        int r = Math.max(sa.length, sb.length);
        for (int i = 0; i < r; i++) {
            int da = i < r - sa.length ? 1 : sa[i - (r - sa.length)];
            int db = i < r - sb.length ? 1 : sb[i - (r - sb.length)];
            if (da != db && da != 1 && db != 1) {
                throw new TdlError(ErrorKind.SHAPE_ERROR, "operands could not be broadcast together with shapes "
                        + ufuncShape(sa) + " " + ufuncShape(sb));
            }
        }
    }

    /** A shape as numpy's ufunc messages write it: (3,) and (2,3), no spaces. */
    static String ufuncShape(int[] shape) {
        return NDArray.shapeString(shape).replace(" ", "");
    }

    NDArray binary(Scalar s, Object a, Object b) {
        checkBroadcast(a, b);
        return run(v -> ops.elemwise(s, v.get(0), v.get(1)), a, b);
    }

    NDArray unary(Scalar s, Object a) {
        return run(v -> ops.elemwise(s, v.get(0)), a);
    }

    NDArray cast(Object a, DType d) {
        return run(v -> ops.cast(v.get(0), d), a);
    }
}
