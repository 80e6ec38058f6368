package tdl.lib.theano;

import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.lib.numpy.TensordotAxes;

/** theano.tensor's N-d products: tensordot, batched_dot, batched_tensordot (T.dot is in TensorModule). */
final class ProductFunctions {
    private ProductFunctions() {}

    static void install(TdlModule t) {
        t.put("tensordot", (TdlCallable) (rt, a) -> {
            a.check(3, "a", "b", "axes");
            return TensordotAxes.parse(a.get(2, "axes", 2L), "tensordot").apply(Symbolic.ops(rt), arg(rt, a, 0, "a"), arg(rt, a, 1, "b"), false);
        });
        t.put("batched_dot", (TdlCallable) (rt, a) -> {
            a.check(2, "a", "b");
            return Symbolic.ops(rt).batchedDot(arg(rt, a, 0, "a"), arg(rt, a, 1, "b"));
        });
        t.put("batched_tensordot", (TdlCallable) (rt, a) -> {
            a.check(3, "x", "y", "axes");
            return TensordotAxes.parse(a.get(2, "axes", 2L), "batched_tensordot")
                    .apply(Symbolic.ops(rt), arg(rt, a, 0, "x"), arg(rt, a, 1, "y"), true);
        });
    }

    private static Variable arg(Runtime rt, Args a, int i, String name) { return TensorModule.arg(rt, a, i, name); }
}
