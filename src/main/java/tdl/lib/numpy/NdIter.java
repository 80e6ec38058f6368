package tdl.lib.numpy;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.NDArray;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlTuple;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * np.nditer over one array in C order, as far as scripts use it: the gradient-check loop
 * ({@code it = np.nditer(p, flags=['multi_index'], op_flags=['readwrite'])}, {@code while not
 * it.finished: ix = it.multi_index ... it.iternext()}) and {@code for x in np.nditer(a)}, whose
 * elements are 0-d views (writable with op_flags=['readwrite'], read-only otherwise, as numpy's).
 */
final class NdIter {
    private final NDArray array;
    private final boolean multiIndex, cIndex, writable;
    private int flat;

    private NdIter(NDArray array, boolean multiIndex, boolean cIndex, boolean writable) {
        this.array = array;
        this.multiIndex = multiIndex;
        this.cIndex = cIndex;
        this.writable = writable;
    }

    static Object create(Runtime rt, Args a) {
        a.check(3, "op", "flags", "op_flags");
        Object op = a.get(0, "op");
        if (op instanceof List<?> || op instanceof TdlTuple) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.nditer over several arrays",
                    "iterate one array; zip several with np.ndindex(shape) and index each");
        }
        NDArray x = NumpyConvert.toArray(op);
        List<String> flags = strings(rt, a.get(1, "flags", null)), opFlags = strings(rt, a.get(2, "op_flags", null));
        for (String f : flags) {
            if (!f.equals("multi_index") && !f.equals("c_index") && !f.equals("refs_ok") && !f.equals("zerosize_ok")) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.nditer flag '" + f + "'", "TDL's nditer has multi_index and c_index");
            }
        }
        boolean writable = opFlags.contains("readwrite") || opFlags.contains("writeonly");
        if (writable) Views.checkWritable(x, "output array is read-only");
        return new NdIter(x, flags.contains("multi_index"), flags.contains("c_index"), writable);
    }

    private static List<String> strings(Runtime rt, Object v) {
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        List<?> items = NumpyConvert.items(v);
        if (items == null) throw new TdlError(ErrorKind.TYPE_ERROR, "nditer flags must be a list of strings");
        for (Object o : items) out.add(rt.str(o));
        return out;
    }

    private boolean finished() {
        return flat >= array.size();
    }

    private void checkNotFinished() {
        if (finished()) throw new TdlError(ErrorKind.VALUE_ERROR, "Iterator is past the end");
    }

    private TdlTuple multiIndex() {
        if (!multiIndex) throw new TdlError(ErrorKind.VALUE_ERROR, "Iterator is not tracking a multi-index",
                "pass flags=['multi_index'] to np.nditer");
        checkNotFinished();
        int[] shape = array.shape();
        List<Object> ix = new ArrayList<>();
        for (int d = 0, rest = flat; d < shape.length; d++) {
            int stride = 1;
            for (int e = d + 1; e < shape.length; e++) stride *= shape[e];
            ix.add((long) (rest / stride));
            rest %= stride;
        }
        return new TdlTuple(ix);
    }

    /** The current element as a 0-d view of the array (numpy's it[0], and what iteration yields). */
    private NDArray element() {
        checkNotFinished();
        NDArray one = NDArray.zeros(array.dtype());
        one.set(0, array.get(flat));
        Views.mark(array, one, flat, new int[0]);
        return writable ? one : Views.broadcastView(one, one.copy()); // numpy: read-only without op_flags=['readwrite']
    }

    static final class Hooks implements TypeHooks {
        @Override public String typeName(Object self) { return "nditer"; }

        @Override public String str(Runtime rt, Object self) { return "<numpy.nditer object>"; }

        @Override
        public Object getAttr(Runtime rt, Object self, String name) {
            NdIter it = (NdIter) self;
            return switch (name) {
                case "finished" -> it.finished();
                case "multi_index" -> it.multiIndex();
                case "index" -> {
                    if (!it.cIndex) throw new TdlError(ErrorKind.VALUE_ERROR, "Iterator does not have an index", "pass flags=['c_index']");
                    it.checkNotFinished();
                    yield (long) it.flat;
                }
                case "iternext" -> new Builtin("iternext", (TdlCallable) (r, a) -> {
                    a.check(0);
                    if (!it.finished()) it.flat++;
                    return !it.finished();
                });
                case "value" -> it.element();
                default -> UNSUPPORTED;
            };
        }

        @Override
        public Object getItem(Runtime rt, Object self, Object index) {
            if (!(index instanceof Long l && l == 0)) throw new TdlError(ErrorKind.INDEX_ERROR, "nditer has one operand: use it[0]");
            return ((NdIter) self).element();
        }

        @Override
        public Iterable<Object> iterate(Runtime rt, Object self) {
            NdIter it = (NdIter) self;
            return () -> new java.util.Iterator<>() {
                @Override public boolean hasNext() { return !it.finished(); }

                @Override
                public Object next() {
                    NDArray e = it.element();
                    it.flat++;
                    return e;
                }
            };
        }

        @Override public List<String> attributeNames(Object self) { return List.of("finished", "multi_index", "index", "iternext", "value"); }
    }
}
