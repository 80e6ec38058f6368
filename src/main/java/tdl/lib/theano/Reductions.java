package tdl.lib.theano;

import tdl.vocab.ErrorKind;
import tdl.graph.Variable;
import tdl.graph.ops.TensorOps;
import tdl.interp.Runtime;
import tdl.syntax.TdlError;

/** sum/mean/max/... with Theano's axis=None|int|tuple and keepdims, shared by T.* and methods. */
final class Reductions {
    private Reductions() {}

    static Variable reduce(Runtime rt, String kind, Variable x, Object axisSpec, boolean keepdims) {
        TensorOps t = Symbolic.ops(rt);
        int[] axes = Symbolic.axes(axisSpec);
        if (axes != null) {
            for (int i = 0; i < axes.length; i++) {
                int a = axes[i] < 0 ? axes[i] + x.rank() : axes[i];
                if (a < 0 || a >= Math.max(1, x.rank())) {
                    throw new TdlError(ErrorKind.VALUE_ERROR, "axis " + axes[i] + " is out of bounds for a rank-" + x.rank() + " tensor");
                }
                axes[i] = a;
            }
        }
        return switch (kind) {
            case "sum" -> t.sum(x, axes, keepdims);
            case "prod" -> t.prod(x, axes, keepdims);
            case "max" -> t.max(x, axes, keepdims);
            case "min" -> t.min(x, axes, keepdims);
            case "all" -> t.all(x, axes, keepdims);
            case "any" -> t.any(x, axes, keepdims);
            case "mean" -> t.mean(x, axes, keepdims);
            case "var" -> t.var(x, axes, keepdims);
            case "std" -> t.std(x, axes, keepdims);
            case "argmax" -> t.argmax(x, axes == null ? null : single(axes, kind), keepdims);
            case "argmin" -> t.argmin(x, axes == null ? null : single(axes, kind), keepdims);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static Integer single(int[] axes, String kind) {
        if (axes.length != 1) throw new TdlError(ErrorKind.VALUE_ERROR, kind + " takes a single axis");
        return axes[0];
    }
}
