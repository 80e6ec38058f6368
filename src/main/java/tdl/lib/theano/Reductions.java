package tdl.lib.theano;

import tdl.graph.DType;
import tdl.graph.Variable;
import tdl.graph.ops.TensorOps;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * T.sum/prod/mean/max/min/argmax/argmin/all/any and the tensor methods of those names, with Theano
 * 1.0's signatures (positional order included: {@code T.sum(input, axis, dtype, keepdims,
 * acc_dtype)}, {@code T.mean(input, axis, dtype, op, keepdims, acc_dtype)}, {@code x.mean(axis,
 * dtype, keepdims, acc_dtype)}, {@code T.max(x, axis, keepdims)}). {@code dtype} is the result's
 * dtype (accumulating in the wider of it and the input's, as Theano's CAReduceDtype);
 * {@code acc_dtype} is checked as Theano checks it (TypeError when it would lose precision). TDL
 * always accumulates in double, so a narrower accepted acc_dtype only rounds less.
 */
final class Reductions {
    private Reductions() {}

    static void install(TdlModule t) {
        put(t, "sum", (rt, a) -> {
            a.check(5, "input", "axis", "dtype", "keepdims", "acc_dtype");
            return sumProd(rt, false, in(rt, a, "input"), a.get(1, "axis", null), a.get(2, "dtype", null),
                    rt.truth(a.get(3, "keepdims", false)), a.get(4, "acc_dtype", null));
        });
        put(t, "prod", (rt, a) -> {
            // no_zeros_in_input only lets Theano use a simpler gradient; TDL's handles zeros either way
            a.check(6, "input", "axis", "dtype", "keepdims", "acc_dtype", "no_zeros_in_input");
            return sumProd(rt, true, in(rt, a, "input"), a.get(1, "axis", null), a.get(2, "dtype", null),
                    rt.truth(a.get(3, "keepdims", false)), a.get(4, "acc_dtype", null));
        });
        put(t, "mean", (rt, a) -> {
            a.check(6, "input", "axis", "dtype", "op", "keepdims", "acc_dtype");
            if (rt.truth(a.get(3, "op", false))) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "mean(..., op=True) (Theano's separate Mean op) is not supported",
                        "leave op=False: the result is the same");
            }
            return mean(rt, in(rt, a, "input"), a.get(1, "axis", null), a.get(2, "dtype", null),
                    rt.truth(a.get(4, "keepdims", false)), a.get(5, "acc_dtype", null));
        });
        for (String name : new String[] {"max", "min", "argmax", "argmin", "all", "any"}) {
            put(t, name, (rt, a) -> {
                a.check(3, "x", "axis", "keepdims");
                return plain(rt, name, in(rt, a, "x"), a.get(1, "axis", null), rt.truth(a.get(2, "keepdims", false)));
            });
        }
    }

    /** The tensor method {@code name} of v, or null when it is not a reduction. */
    static TdlCallable method(String name, Variable v) {
        return switch (name) {
            case "sum", "prod" -> (rt, a) -> {
                a.check(4, "axis", "dtype", "keepdims", "acc_dtype");
                return sumProd(rt, name.equals("prod"), v, a.get(0, "axis", null), a.get(1, "dtype", null),
                        rt.truth(a.get(2, "keepdims", false)), a.get(3, "acc_dtype", null));
            };
            case "mean" -> (rt, a) -> {
                a.check(4, "axis", "dtype", "keepdims", "acc_dtype");
                return mean(rt, v, a.get(0, "axis", null), a.get(1, "dtype", null), rt.truth(a.get(2, "keepdims", false)),
                        a.get(3, "acc_dtype", null));
            };
            case "max", "min", "argmax", "argmin", "all", "any" -> (rt, a) -> {
                a.check(2, "axis", "keepdims");
                return plain(rt, name, v, a.get(0, "axis", null), rt.truth(a.get(1, "keepdims", false)));
            };
            default -> null;
        };
    }

    private static void put(TdlModule m, String name, TdlCallable body) { m.put(name, new Builtin(name, body)); }

    private static Variable in(Runtime rt, Args a, String name) {
        return Symbolic.lift(rt, a.get(0, name), a.function() + "() argument '" + name + "'");
    }

    private static int[] axes(Variable x, Object spec) {
        int[] axes = Symbolic.axes(spec);
        if (axes == null) return null;
        for (int i = 0; i < axes.length; i++) {
            int a = axes[i] < 0 ? axes[i] + x.rank() : axes[i];
            if (a < 0 || a >= Math.max(1, x.rank())) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "axis " + axes[i] + " is out of bounds for a rank-" + x.rank() + " tensor");
            }
            axes[i] = a;
        }
        return axes;
    }

    /** sum/prod with Theano's dtype (the result's) and acc_dtype (checked) arguments. */
    private static Variable sumProd(Runtime rt, boolean prod, Variable x, Object axisSpec, Object dtypeSpec, boolean keepdims,
            Object accSpec) {
        TensorOps t = Symbolic.ops(rt);
        int[] axes = axes(x, axisSpec);
        checkAcc(rt, prod ? "Prod" : "Sum", x.dtype(), accSpec);
        DType dtype = dtypeSpec == null ? null : Symbolic.dtype(rt, dtypeSpec, null);
        Variable in = dtype == null ? x : t.cast(x, DType.upcast(x.dtype(), dtype));
        Variable r = prod ? t.prod(in, axes, keepdims) : t.sum(in, axes, keepdims);
        return dtype == null ? r : t.cast(r, dtype);
    }

    /** Theano's mean: the sum (in dtype when given) divided by the count, in float32 for a float32 sum, else float64. */
    private static Variable mean(Runtime rt, Variable x, Object axisSpec, Object dtypeSpec, boolean keepdims, Object accSpec) {
        TensorOps t = Symbolic.ops(rt);
        if (dtypeSpec == null && accSpec == null) return t.mean(x, axes(x, axisSpec), keepdims);
        int[] axes = axes(x, axisSpec);
        Variable s = sumProd(rt, false, x, axisSpec, dtypeSpec, keepdims, accSpec);
        DType fd = s.dtype() == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
        Variable count = null;
        for (int a = 0; a < x.rank(); a++) {
            if (axes != null && !contains(axes, a)) continue;
            Variable d = t.shapeAt(x, a);
            count = count == null ? d : t.mul(count, d);
        }
        return count == null ? t.cast(s, fd) : t.trueDiv(t.cast(s, fd), t.cast(count, fd));
    }

    private static boolean contains(int[] axes, int a) {
        for (int x : axes) if (x == a) return true;
        return false;
    }

    private static Variable plain(Runtime rt, String kind, Variable x, Object axisSpec, boolean keepdims) {
        TensorOps t = Symbolic.ops(rt);
        int[] axes = axes(x, axisSpec);
        return switch (kind) {
            case "max" -> t.max(x, axes, keepdims);
            case "min" -> t.min(x, axes, keepdims);
            case "all" -> t.all(x, axes, keepdims);
            case "any" -> t.any(x, axes, keepdims);
            case "argmax" -> t.argmax(x, axes == null ? null : single(axes, kind), keepdims);
            case "argmin" -> t.argmin(x, axes == null ? null : single(axes, kind), keepdims);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Theano's CAReduceDtype check: an accumulator may not be narrower than the input (a float one for integers is fine). */
    private static void checkAcc(Runtime rt, String op, DType in, Object accSpec) {
        if (accSpec == null) return;
        DType acc = Symbolic.dtype(rt, accSpec, null);
        if (acc.isFloat() && !in.isFloat()) return;
        DType up = DType.upcast(in, acc);
        if (up != acc) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "Cannot build " + op + " node with input dtype " + in.pyName() + " and acc_dtype "
                    + acc.pyName() + ", as precision would be lost",
                    "leave acc_dtype out, use one at least as precise as " + up.pyName() + ", or give dtype= instead (the result is then cast)");
        }
    }

    private static Integer single(int[] axes, String kind) {
        if (axes.length != 1) throw new TdlError(ErrorKind.VALUE_ERROR, kind + " takes a single axis");
        return axes[0];
    }
}
