package tdl.lib.image;

import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import java.util.List;
import java.util.Map;
import tdl.graph.NDArray;
import tdl.interp.Runtime;
import tdl.interp.TdlTuple;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;

/** Argument checks shared by the image builtins; messages name the function and the parameter. */
final class ImageArgs {
    private ImageArgs() {}

    static NDArray hostArray(Runtime rt, Object v, String fn, String param) {
        if (v instanceof NDArray a) return a;
        throw new TdlError(ErrorKind.TYPE_ERROR, fn + "() " + param + " must be a host array, not " + typeName(rt, v),
                Sequences.isListOrTuple(v) ? "convert it with np.asarray(...)"
                        : "a symbolic value has no pixels yet: use .eval() or shared.get_value()");
    }

    /** A pair of non-negative ints given as a tuple or list. */
    static int[] intPair(Runtime rt, Object v, String fn, String param) {
        List<?> items = Sequences.items(tdl.lib.numpy.NumpyConvert.plainNumbers(v)); // (np.int64(28), 28) too
        if (items == null || items.size() != 2) {
            throw new TdlError(ErrorKind.VALUE_ERROR, fn + "() " + param + " must be a pair like (28, 28), got "
                    + (v instanceof String ? "'" + v + "'" : rt.repr(v)));
        }
        int[] out = new int[2];
        for (int i = 0; i < 2; i++) {
            Object o = items.get(i);
            if (!(o instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
                throw new TdlError(ErrorKind.TYPE_ERROR, fn + "() " + param + " must hold two non-negative ints, got " + rt.repr(v));
            }
            out[i] = (int) (long) n;
        }
        return out;
    }

    static String typeName(Runtime rt, Object v) {
        if (v == null) return "NoneType";
        TypeHooks h = rt.hooksFor(v);
        if (h != null) return h.typeName(v);
        if (v instanceof Long || v instanceof java.math.BigInteger) return "int";
        if (v instanceof Double) return "float";
        if (v instanceof Boolean) return "bool";
        if (v instanceof String) return "str";
        if (v instanceof List) return "list";
        if (v instanceof TdlTuple) return "tuple";
        if (v instanceof Map) return "dict";
        return v.getClass().getSimpleName();
    }
}
