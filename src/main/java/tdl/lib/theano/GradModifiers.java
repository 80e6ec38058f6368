package tdl.lib.theano;

import tdl.graph.Variable;
import tdl.graph.ops.GradModifierOp;
import tdl.graph.ops.GradModifierOp.Kind;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/** theano.gradient's zero_grad, disconnected_grad, consider_constant, grad_clip, grad_scale. */
final class GradModifiers {
    private GradModifiers() {}

    static void install(TdlModule gradient) {
        one(gradient, "zero_grad", Kind.ZERO);
        one(gradient, "disconnected_grad", Kind.DISCONNECTED);
        one(gradient, "consider_constant", Kind.CONSIDER_CONSTANT);
        gradient.put("grad_clip", (TdlCallable) (rt, a) -> {
            a.check(3, "x", "lower_bound", "upper_bound");
            return apply(rt, new GradModifierOp(Kind.CLIP, number(rt, a, 1, "lower_bound"), number(rt, a, 2, "upper_bound")), a);
        });
        gradient.put("grad_scale", (TdlCallable) (rt, a) -> {
            a.check(2, "x", "multiplier");
            return apply(rt, new GradModifierOp(Kind.SCALE, number(rt, a, 1, "multiplier"), 0), a);
        });
    }

    private static void one(TdlModule m, String name, Kind kind) {
        m.put(name, (TdlCallable) (rt, a) -> {
            a.check(1, "x");
            return apply(rt, GradModifierOp.of(kind), a);
        });
    }

    private static Variable apply(Runtime rt, GradModifierOp op, Args a) {
        return Symbolic.ops(rt).apply(op, TensorModule.arg(rt, a, 0, "x"));
    }

    /** Bounds and multipliers are fixed numbers, as in Theano (they are attributes of the op). */
    private static double number(Runtime rt, Args a, int i, String name) {
        Object v = a.get(i, name);
        if (v instanceof Number n && !(v instanceof Boolean)) return n.doubleValue();
        throw new TdlError(ErrorKind.TYPE_ERROR, a.function() + "(): " + name + " must be a Python number, got "
                + Symbolic.typeName(rt, v), "write the bound as a number, e.g. grad_clip(x, -1.0, 1.0)");
    }
}
