package tdl.lib.numpy;

import java.util.List;
import tdl.graph.Variable;
import tdl.graph.ops.TensorOps;
import tdl.interp.Sequences;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * The {@code axes} argument of tensordot / batched_tensordot, as numpy and Theano read it: a
 * number n (a's last n axes with b's first n, after the batch axis when batched), or a pair
 * {@code [a_axes, b_axes]} whose entries are an axis or a list of axes ({@code [1, 0]} is
 * {@code [[1], [0]]}). Axes are fixed when the graph is built, so they are Python ints.
 */
public record TensordotAxes(int count, int[] a, int[] b) {
    public static TensordotAxes parse(Object axes, String fn) {
        if (isInt(axes)) return new TensordotAxes(tdl.interp.Ints.intValue(axes), null, null);
        List<?> pair = Sequences.items(axes);
        if (pair == null || pair.size() != 2) {
            throw new TdlError(ErrorKind.VALUE_ERROR, fn + ": axes must be an integer or a pair [a_axes, b_axes], got "
                    + NumpyConvert.typeName(axes) + (pair == null ? "" : " of length " + pair.size()),
                    "e.g. " + fn + "(a, b, axes=[[1], [0]]) sums a's axis 1 with b's axis 0");
        }
        return new TensordotAxes(-1, ints(pair.get(0), fn), ints(pair.get(1), fn));
    }

    public Variable apply(TensorOps t, Variable x, Variable y, boolean batched) {
        if (a == null) return batched ? t.batchedTensordot(x, y, count) : t.tensordot(x, y, count);
        return batched ? t.batchedTensordot(x, y, a, b) : t.tensordot(x, y, a, b);
    }

    private static boolean isInt(Object o) {
        return o instanceof Long || o instanceof Integer || o instanceof tdl.interp.NumpyScalar s && s.isInteger();
    }

    private static int[] ints(Object o, String fn) {
        if (isInt(o)) return new int[] {tdl.interp.Ints.intValue(o)};
        List<?> items = Sequences.items(o);
        if (items == null) {
            throw new TdlError(ErrorKind.TYPE_ERROR, fn + ": an axes entry must be an int or a list of ints, got " + NumpyConvert.typeName(o),
                    "axes are fixed when the graph is built: write them as Python ints");
        }
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!isInt(items.get(i))) {
                throw new TdlError(ErrorKind.TYPE_ERROR, fn + ": axes must be ints, got " + NumpyConvert.typeName(items.get(i)));
            }
            out[i] = tdl.interp.Ints.intValue(items.get(i));
        }
        return out;
    }
}
