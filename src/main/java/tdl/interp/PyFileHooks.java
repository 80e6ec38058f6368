package tdl.interp;

import java.util.List;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/** A file object's methods and attributes in scripts (Python's io objects, as far as TDL has them). */
final class PyFileHooks implements TypeHooks {
    private static final List<String> NAMES = List.of("read", "readline", "readlines", "write", "writelines", "close",
            "closed", "name", "mode", "tell", "seek", "flush", "__enter__", "__exit__");

    private final Interpreter in;

    PyFileHooks(Interpreter in) { this.in = in; }

    /** open(file, mode='r', buffering=-1, encoding=None), and gzip.open(filename, mode='rb', compresslevel=9, encoding=None). */
    static PyFile open(Interpreter in, Args a, boolean gzip) {
        Object file = a.get(0, gzip ? "filename" : "file");
        if (!(file instanceof String path)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "expected str as the file name, got " + in.typeName(file),
                    "open a file by its path: open('data.txt')");
        }
        Object mode = a.get(1, "mode", gzip ? "rb" : "r");
        if (!(mode instanceof String m)) throw new TdlError(ErrorKind.TYPE_ERROR, "open() argument 'mode' must be str, not " + in.typeName(mode));
        Object enc = a.get(3, "encoding", null);
        boolean writing = !m.contains("r");
        return PyFile.open(path, in.resolvePath(path, writing), m, enc == null ? null : in.str(enc), gzip);
    }

    @Override public String typeName(Object self) { return ((PyFile) self).binary() ? "BufferedReader" : "TextIOWrapper"; }

    @Override public String str(Runtime rt, Object self) { return self.toString(); }

    @Override
    public Object getAttr(Runtime rt, Object self, String name) {
        PyFile f = (PyFile) self;
        return switch (name) {
            case "closed" -> f.closed();
            case "name" -> f.name();
            case "mode" -> f.mode();
            case "read" -> method(name, (r, a) -> f.read(size(a.check(1, "size").get(0, "size", -1L))));
            case "readline" -> method(name, (r, a) -> { a.check(0); return f.readline(); });
            case "readlines" -> method(name, (r, a) -> { a.check(0); return f.readlines(); });
            case "write" -> method(name, (r, a) -> {
                Object s = a.check(1, "s").get(0, "s");
                if (!(s instanceof String str)) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "write() argument must be str, not " + in.typeName(s),
                            "format numbers first: f.write('%f\\n' % x) or f.write(str(x))");
                }
                return f.write(str);
            });
            case "writelines" -> method(name, (r, a) -> {
                for (java.util.Iterator<Object> it = in.protocol.access.iterate(a.check(1, "lines").get(0, "lines")); it.hasNext(); ) {
                    Object s = it.next();
                    if (!(s instanceof String str)) throw new TdlError(ErrorKind.TYPE_ERROR, "write() argument must be str, not " + in.typeName(s));
                    f.write(str);
                }
                return null;
            });
            case "close" -> method(name, (r, a) -> { a.check(0); f.close(); return null; });
            case "flush" -> method(name, (r, a) -> { a.check(0); return null; }); // every write is already on disk
            case "tell" -> method(name, (r, a) -> { a.check(0); return f.tell(); });
            case "seek" -> method(name, (r, a) -> {
                a.check(2, "offset", "whence");
                return f.seek(Ops.toLong(a.get(0, "offset")), (int) Ops.toLong(a.get(1, "whence", 0L)));
            });
            case "__enter__" -> method(name, (r, a) -> f);
            case "__exit__" -> method(name, (r, a) -> { f.close(); return false; });
            default -> UNSUPPORTED;
        };
    }

    private static long size(Object v) {
        return v == null ? -1 : Ops.toLong(v);
    }

    private static Builtin method(String name, TdlCallable body) { return new Builtin(name, body); }

    /** Iterating a text file gives its lines, as Python's. */
    @Override
    public Iterable<Object> iterate(Runtime rt, Object self) {
        PyFile f = (PyFile) self;
        return () -> new java.util.Iterator<>() {
            private String next = f.readline();

            @Override public boolean hasNext() { return !next.isEmpty(); }

            @Override
            public Object next() {
                String s = next;
                next = f.readline();
                return s;
            }
        };
    }

    @Override public List<String> attributeNames(Object self) { return NAMES; }
}
