package tdl.interp;

import java.util.ArrayList;
import java.util.List;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;
import tdl.vocab.Operator;

/** bytes in scripts: len, b[i] (an int), b[i:j], ==, +, iteration over ints, decode(). */
final class PyBytesHooks implements TypeHooks {
    private final Interpreter in;

    PyBytesHooks(Interpreter in) { this.in = in; }

    @Override public String typeName(Object self) { return "bytes"; }

    @Override public String str(Runtime rt, Object self) { return self.toString(); }

    @Override public long length(Runtime rt, Object self) { return ((PyBytes) self).length(); }

    @Override
    public Object getItem(Runtime rt, Object self, Object index) {
        PyBytes b = (PyBytes) self;
        if (index instanceof SliceValue s) {
            long[] ix = in.protocol.access.sliceIndices(s, b.length()); // start, stop, step, count
            byte[] out = new byte[(int) ix[3]];
            for (long k = 0, p = ix[0]; k < ix[3]; k++, p += ix[2]) out[(int) k] = b.data()[(int) p];
            return new PyBytes(out);
        }
        long i = Ints.toLong(index);
        if (i < 0) i += b.length();
        if (i < 0 || i >= b.length()) throw new TdlError(ErrorKind.INDEX_ERROR, "index out of range");
        return b.at((int) i);
    }

    @Override
    public Object binary(Runtime rt, Operator op, Object a, Object b) {
        if (op == Operator.ADD && a instanceof PyBytes x && b instanceof PyBytes y) {
            byte[] out = java.util.Arrays.copyOf(x.data(), x.length() + y.length());
            System.arraycopy(y.data(), 0, out, x.length(), y.length());
            return new PyBytes(out);
        }
        if (op == Operator.EQ) return a.equals(b);
        if (op == Operator.NE) return !a.equals(b);
        return UNSUPPORTED;
    }

    @Override
    public Iterable<Object> iterate(Runtime rt, Object self) {
        PyBytes b = (PyBytes) self;
        List<Object> ints = new ArrayList<>();
        for (int i = 0; i < b.length(); i++) ints.add(b.at(i));
        return ints;
    }

    @Override
    public Object getAttr(Runtime rt, Object self, String name) {
        PyBytes b = (PyBytes) self;
        if (name.equals("decode")) {
            return new Builtin("decode", (r, a) -> {
                String enc = (String) a.check(2, "encoding", "errors").get(0, "encoding", "utf-8");
                return new String(b.data(), Codecs.forName(enc));
            });
        }
        return UNSUPPORTED;
    }

    @Override public List<String> attributeNames(Object self) { return List.of("decode"); }
}
