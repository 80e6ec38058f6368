package tdl.lib.theano;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.graph.NDArray;
import tdl.interp.Runtime;
import tdl.interp.Sequences;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * A compiled call's {@code output_subset=}, as Theano 1.0's Function.__call__: a list of output
 * indices (keys, for a dict of outputs) whose values are returned, always as a list (a dict for a
 * dict of outputs), even for a function of one output. TDL still computes every output and
 * applies every update (Theano too applies all updates; it may skip the unrequested outputs).
 */
final class OutputSubset {
    private OutputSubset() {}

    static Object select(Runtime rt, List<NDArray> out, List<String> keys, Object subset) {
        List<?> items = Sequences.items(subset);
        if (items == null) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "output_subset must be a list of output indices, got " + rt.typeName(subset),
                    "pass e.g. output_subset=[0, 2]");
        }
        if (keys != null) {
            Map<Object, Object> byKey = new LinkedHashMap<>();
            for (Object k : items) {
                int i = keys.indexOf(k);
                if (i < 0) throw new TdlError(ErrorKind.VALUE_ERROR, rt.repr(k) + " is not in list", "the output keys are " + keys);
                byKey.put(k, out.get(i));
            }
            return byKey;
        }
        List<Object> picked = new ArrayList<>(items.size());
        for (Object o : items) picked.add(out.get(index(rt, o, out.size())));
        return picked;
    }

    /** Python's list indexing: an int (or bool), negative from the end; anything else is its TypeError. */
    private static int index(Runtime rt, Object o, int n) {
        if (!(o instanceof Long || o instanceof Boolean)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "list indices must be integers or slices, not " + rt.typeName(o));
        }
        long i = o instanceof Boolean b ? (b ? 1 : 0) : (Long) o;
        if (i < -n || i >= n) throw new TdlError(ErrorKind.INDEX_ERROR, "list index out of range");
        return (int) (i < 0 ? i + n : i);
    }
}
