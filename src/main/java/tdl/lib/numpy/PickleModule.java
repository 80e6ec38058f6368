package tdl.lib.numpy;

import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.PyBytes;
import tdl.interp.PyFile;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * pickle (and Python 2's cPickle) for reading: pickle.load(f, encoding=...) and pickle.loads(b)
 * through {@link Unpickler}, which knows numpy arrays and the plain containers and nothing that
 * could run code. Writing pickles is refused with the numpy formats as the way to save.
 */
final class PickleModule {
    private PickleModule() {}

    static TdlModule create(String name) {
        TdlModule m = new TdlModule(name);
        m.put("load", new Builtin("load", (TdlCallable) PickleModule::load));
        m.put("loads", new Builtin("loads", (TdlCallable) PickleModule::loads));
        TdlCallable refuse = (rt, a) -> {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "writing pickles is not supported",
                    "save arrays with np.save / np.savez (numpy and Python read them too)");
        };
        m.put("dump", new Builtin("dump", refuse));
        m.put("dumps", new Builtin("dumps", refuse));
        m.put("HIGHEST_PROTOCOL", 5L);
        return m;
    }

    private static String encoding(Args a, int at) {
        Object e = a.get(at, "encoding", "ASCII");
        return e instanceof String s ? s : String.valueOf(e);
    }

    private static Object load(Runtime rt, Args a) {
        a.check(1, "file", "fix_imports", "encoding", "errors", "buffers");
        Object f = a.get(0, "file");
        if (!(f instanceof PyFile file)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "pickle.load reads a file opened with open(path, 'rb') or gzip.open(path, 'rb'), got "
                    + rt.typeName(f));
        }
        long start = file.tell();
        byte[] rest = file.readBytes(-1);
        Unpickler.Loaded r = Unpickler.load(rest, 0, encoding(a, Integer.MAX_VALUE));
        file.seek(start + r.end(), 0); // the next pickle in the same file starts here, as Python's
        return r.value();
    }

    private static Object loads(Runtime rt, Args a) {
        a.check(1, "data", "fix_imports", "encoding", "errors", "buffers");
        Object d = a.get(0, "data");
        if (!(d instanceof PyBytes b)) throw new TdlError(ErrorKind.TYPE_ERROR, "a bytes-like object is required, not '" + rt.typeName(d) + "'");
        return Unpickler.load(b.data(), 0, encoding(a, Integer.MAX_VALUE)).value();
    }
}
