package tdl.lib.theano;

import java.util.List;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.tensor.nnet's crossentropy_softmax_1hot(_with_bias) and sigmoid_binary_crossentropy, composed
 * of existing ops (the log(softmax)[idx] rewrite keeps the first stable, see docs/decisions.md).
 */
final class NnetCrossentropy {
    private NnetCrossentropy() {}

    static void install(TdlModule nnet) {
        nnet.put("crossentropy_softmax_1hot", (TdlCallable) (rt, a) -> {
            a.check(2, "x", "y_idx");
            return withBias(rt, "crossentropy_softmax_1hot", TensorModule.arg(rt, a, 0, "x"), null, TensorModule.arg(rt, a, 1, "y_idx"));
        });
        nnet.put("crossentropy_softmax_1hot_with_bias", (TdlCallable) (rt, a) -> {
            a.check(3, "x", "b", "y_idx");
            return withBias(rt, "crossentropy_softmax_1hot_with_bias", TensorModule.arg(rt, a, 0, "x"), TensorModule.arg(rt, a, 1, "b"),
                    TensorModule.arg(rt, a, 2, "y_idx"));
        });
        nnet.put("sigmoid_binary_crossentropy", (TdlCallable) NnetCrossentropy::sigmoidBinary);
    }

    /** (nll, softmax(x + b)) with nll[i] = -log(softmax[i, y_idx[i]]), as Theano's CrossentropySoftmaxArgmax1HotWithBias. */
    private static TdlTuple withBias(Runtime rt, String fn, Variable x, Variable b, Variable y) {
        if (x.rank() != 2 || (b != null && b.rank() != 1) || y.rank() != 1 || y.dtype().isFloat()) {
            throw new TdlError(ErrorKind.TYPE_ERROR, fn + ": x must be a matrix" + (b == null ? "" : ", b a vector")
                    + " and y_idx an integer vector, got " + x.type() + (b == null ? "" : ", " + b.type()) + " and " + y.type());
        }
        var t = Symbolic.ops(rt);
        Variable sm = t.softmax(b == null ? x : t.add(x, b));
        return new TdlTuple(List.of(t.categoricalCrossentropy(sm, y), sm));
    }

    /**
     * sigmoid_binary_crossentropy(output, target) = binary_crossentropy(sigmoid(output), target), computed
     * as softplus(output) - output * target: Theano's value (its softplus(-|o|) + o * ((o > 0) - t) is the
     * same number) and Theano's overridden gradient sigmoid(o) - t, also at o = 0, where differentiating
     * Theano's formula as written would give -t.
     */
    private static Object sigmoidBinary(Runtime rt, Args a) {
        a.check(2, "output", "target");
        Variable o = TensorModule.arg(rt, a, 0, "output"), target = TensorModule.arg(rt, a, 1, "target");
        var t = Symbolic.ops(rt);
        return t.sub(t.softplus(o), t.mul(o, target));
    }
}
