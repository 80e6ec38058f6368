package tdl.lib.theano;

import tdl.graph.Constant;
import tdl.graph.NDArray;
import tdl.interp.Runtime;

/**
 * Theano 1.0's {@code TensorConstant.__str__} (tensor/var.py): {@code TensorConstant{2}}, an array
 * whose elements are all equal as {@code TensorConstant{(2, 3) of 1.0}}, any other array as numpy's
 * str of it; text past 20 characters keeps its first and last 10 around "..". The constant's name
 * is not shown (Theano's override ignores it). Used by theano.printing and str() of a constant.
 */
final class ConstantText {
    private ConstantText() {}

    static String of(Runtime rt, Constant c) {
        NDArray v = c.value();
        String text;
        if (v.rank() > 0 && v.size() > 0 && allEqual(v)) {
            text = NDArray.shapeString(v.shape()) + " of " + rt.str(NDArray.scalar(v.dtype(), v.get(0)));
        } else {
            text = rt.str(v);
        }
        if (text.length() > 20) text = text.substring(0, 10) + ".." + text.substring(text.length() - 10);
        return "TensorConstant{" + text + "}";
    }

    /** numpy's {@code (flat == flat[0]).all()}: NaN equals nothing, so an array of NaN is not "all equal". */
    private static boolean allEqual(NDArray v) {
        double first = v.get(0);
        for (int i = 1, n = v.size(); i < n; i++) if (v.get(i) != first) return false;
        return first == first;
    }
}
