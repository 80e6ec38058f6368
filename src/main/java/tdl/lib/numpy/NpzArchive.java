package tdl.lib.numpy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlTuple;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * What np.load gives for an .npz archive (numpy's NpzFile): f['name'], f.files, 'name' in f,
 * iteration over the names, len(f), f.keys()/values()/items(), f.close(), and a with block.
 * The arrays were read when the archive was opened, so closing it only ends access, as numpy.
 */
final class NpzArchive {
    private final Map<String, tdl.graph.NDArray> arrays;
    /** Members that are not .npy files: numpy returns their bytes, TDL refuses them by name. */
    private final List<String> others;
    private boolean closed;

    NpzArchive(Map<String, tdl.graph.NDArray> arrays, List<String> others) {
        this.arrays = arrays;
        this.others = others;
    }

    List<Object> files() {
        List<Object> names = new ArrayList<>(arrays.keySet());
        names.addAll(others);
        return names;
    }

    Object get(Object key) {
        if (closed) throw new TdlError(ErrorKind.VALUE_ERROR, "the .npz archive is closed", "read the arrays before closing it, or inside the with block");
        if (key instanceof String k) {
            if (arrays.containsKey(k)) return arrays.get(k).copy();
            if (others.contains(k)) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "member '" + k + "' of the archive is not an .npy file; TDL reads only arrays");
            }
        }
        throw new TdlError(ErrorKind.KEY_ERROR, key + " is not a file in the archive");
    }

    static final class Hooks implements TypeHooks {
        private static final List<String> NAMES = List.of("files", "keys", "values", "items", "get", "close", "__enter__", "__exit__");

        @Override public String typeName(Object self) { return "NpzFile"; }

        @Override public String str(Runtime rt, Object self) { return "<numpy.lib.npyio.NpzFile object>"; }

        @Override public List<String> attributeNames(Object self) { return NAMES; }

        @Override
        public Object getAttr(Runtime rt, Object self, String name) {
            NpzArchive f = (NpzArchive) self;
            return switch (name) {
                case "files" -> f.files();
                case "keys" -> (TdlCallable) (r, a) -> f.files();
                case "values" -> (TdlCallable) (r, a) -> {
                    List<Object> out = new ArrayList<>();
                    for (Object k : f.files()) out.add(f.get(k));
                    return out;
                };
                case "items" -> (TdlCallable) (r, a) -> {
                    List<Object> out = new ArrayList<>();
                    for (Object k : f.files()) out.add(TdlTuple.of(k, f.get(k)));
                    return out;
                };
                case "get" -> (TdlCallable) (r, a) -> {
                    Object k = a.check(2, "key", "default").get(0, "key");
                    return f.files().contains(k) ? f.get(k) : a.get(1, "default", null);
                };
                case "close" -> (TdlCallable) (r, a) -> {
                    a.check(0);
                    f.closed = true;
                    return null;
                };
                case "__enter__" -> (TdlCallable) (r, a) -> f;
                case "__exit__" -> (TdlCallable) (r, a) -> {
                    f.closed = true;
                    return false;
                };
                default -> UNSUPPORTED;
            };
        }

        @Override public Object getItem(Runtime rt, Object self, Object index) { return ((NpzArchive) self).get(index); }

        @Override public long length(Runtime rt, Object self) { return ((NpzArchive) self).files().size(); }

        @Override public Iterable<Object> iterate(Runtime rt, Object self) { return ((NpzArchive) self).files(); }

        @Override
        public Object binary(Runtime rt, tdl.vocab.Operator op, Object a, Object b) {
            if (op == tdl.vocab.Operator.IN && b instanceof NpzArchive f) return f.files().contains(a);
            if (op == tdl.vocab.Operator.NOT_IN && b instanceof NpzArchive f) return !f.files().contains(a);
            return UNSUPPORTED;
        }
    }
}
