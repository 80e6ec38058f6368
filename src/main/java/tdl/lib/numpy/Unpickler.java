package tdl.lib.numpy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.PyBytes;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * A restricted pickle reader: numbers, strings, bytes, None/bools, lists, tuples, dicts and numpy
 * arrays (and numpy scalars), in every pickle protocol (0 to 5): what the deeplearning tutorials'
 * {@code pickle.load(gzip.open('mnist.pkl.gz'), encoding='latin1')} and saved parameter files hold.
 * No other class can be named in the file: any other global is refused by name, so loading a
 * pickle never runs code (Python's pickle would import and call it). Python 2 str (the old numpy
 * pickles' raw data) decodes with {@code encoding} ('ASCII' by default, 'latin1' as the tutorials
 * pass, or 'bytes'), as Python 3's pickle does.
 */
final class Unpickler {
    private static final Object MARK = new Object();

    /** A global the file names: only the few numpy and codec callables below are known. */
    private record Global(String module, String name) {}

    /** numpy's _reconstruct(ndarray, (0,), b'b') result, waiting for BUILD's state. */
    private static final class PendingArray {
        NDArray value;
    }

    /** numpy.dtype(descr, align, copy), waiting for BUILD's state (the byte order). */
    private static final class PendingDType {
        final DType dtype;
        final int size;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;

        PendingDType(DType dtype, int size) {
            this.dtype = dtype;
            this.size = size;
        }
    }

    private final byte[] in;
    private final String encoding;
    private int pos;
    private final List<Object> stack = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private Unpickler(byte[] in, int start, String encoding) {
        this.in = in;
        this.pos = start;
        this.encoding = encoding;
    }

    /** The object pickled at {@code start} of {@code data}, and the offset after its STOP. */
    record Loaded(Object value, int end) {}

    static Loaded load(byte[] data, int start, String encoding) {
        Unpickler u = new Unpickler(data, start, encoding);
        Object v = u.run();
        return new Loaded(finish(v), u.pos);
    }

    private Object run() {
        while (true) {
            if (pos >= in.length) throw bad("pickle data was truncated");
            int op = in[pos++] & 0xff;
            switch (op) {
                case 0x80 -> pos++; // PROTO n
                case 0x95 -> pos += 8; // FRAME: sizes only
                case '.' -> { // STOP
                    return pop();
                }
                case '(' -> stack.add(MARK);
                case '0' -> pop();
                case '1' -> popMark();
                case '2' -> stack.add(stack.get(stack.size() - 1));
                case 'N' -> stack.add(null);
                case 0x88 -> stack.add(Boolean.TRUE);
                case 0x89 -> stack.add(Boolean.FALSE);
                case 'I' -> {
                    String s = line();
                    stack.add(s.equals("01") ? (Object) Boolean.TRUE : s.equals("00") ? (Object) Boolean.FALSE : intOf(new BigInteger(s.trim())));
                }
                case 'J' -> stack.add((long) le(4));
                case 'K' -> stack.add((long) (in[pos++] & 0xff));
                case 'M' -> stack.add((long) (le(2) & 0xffff));
                case 0x8a -> stack.add(longBytes(in[pos++] & 0xff));
                case 0x8b -> stack.add(longBytes((int) le(4)));
                case 'L' -> {
                    String s = line();
                    stack.add(intOf(new BigInteger(s.endsWith("L") ? s.substring(0, s.length() - 1) : s)));
                }
                case 'F' -> stack.add(Double.parseDouble(line()));
                case 'G' -> {
                    stack.add(ByteBuffer.wrap(in, pos, 8).order(ByteOrder.BIG_ENDIAN).getDouble());
                    pos += 8;
                }
                case 'S' -> stack.add(py2String(unquote(line())));
                case 'T' -> stack.add(py2String(take((int) le(4))));
                case 'U' -> stack.add(py2String(take(in[pos++] & 0xff)));
                case 'X' -> stack.add(new String(take((int) le(4)), StandardCharsets.UTF_8));
                case 0x8c -> stack.add(new String(take(in[pos++] & 0xff), StandardCharsets.UTF_8));
                case 0x8d -> stack.add(new String(take((int) le8()), StandardCharsets.UTF_8));
                case 'V' -> stack.add(line());
                case 'B' -> stack.add(new PyBytes(take((int) le(4))));
                case 'C' -> stack.add(new PyBytes(take(in[pos++] & 0xff)));
                case 0x8e, 0x96 -> stack.add(new PyBytes(take((int) le8())));
                case ')' -> stack.add(new TdlTuple(List.of()));
                case 't' -> stack.add(new TdlTuple(popMark()));
                case 0x85 -> stack.add(new TdlTuple(popN(1)));
                case 0x86 -> stack.add(new TdlTuple(popN(2)));
                case 0x87 -> stack.add(new TdlTuple(popN(3)));
                case ']' -> stack.add(new ArrayList<>());
                case 'l' -> stack.add(new ArrayList<>(popMark()));
                case 'a' -> {
                    Object v = pop();
                    list(top()).add(v);
                }
                case 'e' -> {
                    List<Object> items = popMark();
                    list(top()).addAll(items);
                }
                case '}' -> stack.add(new LinkedHashMap<>());
                case 'd' -> {
                    List<Object> kv = popMark();
                    Map<Object, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i + 1 < kv.size(); i += 2) m.put(key(kv.get(i)), kv.get(i + 1));
                    stack.add(m);
                }
                case 's' -> {
                    Object v = pop(), k = pop();
                    dict(top()).put(key(k), v);
                }
                case 'u' -> {
                    List<Object> kv = popMark();
                    Map<Object, Object> m = dict(top());
                    for (int i = 0; i + 1 < kv.size(); i += 2) m.put(key(kv.get(i)), kv.get(i + 1));
                }
                case 'p' -> memo.put(Long.parseLong(line().trim()), top());
                case 'q' -> memo.put((long) (in[pos++] & 0xff), top());
                case 'r' -> memo.put(le(4) & 0xffffffffL, top());
                case 0x94 -> memo.put((long) memo.size(), top());
                case 'g' -> stack.add(memoGet(Long.parseLong(line().trim())));
                case 'h' -> stack.add(memoGet(in[pos++] & 0xff));
                case 'j' -> stack.add(memoGet(le(4) & 0xffffffffL));
                case 'c' -> {
                    String module = line(), name = line();
                    stack.add(global(module, name));
                }
                case 0x93 -> {
                    Object name = pop(), module = pop();
                    stack.add(global(String.valueOf(module), String.valueOf(name)));
                }
                case 'R' -> {
                    Object args = pop(), f = pop();
                    stack.add(call((Global) f, ((TdlTuple) args).items()));
                }
                case 'b' -> {
                    Object state = pop();
                    build(top(), state);
                }
                default -> throw bad("pickle opcode 0x" + Integer.toHexString(op) + " is not supported");
            }
        }
    }

    private Object global(String module, String name) {
        String m = module.trim(), n = name.trim();
        boolean known = switch (m + "." + n) {
            case "numpy.core.multiarray._reconstruct", "numpy.ndarray", "numpy.dtype", "numpy.core.multiarray.scalar",
                    "numpy._core.multiarray._reconstruct", "numpy._core.multiarray.scalar", "_codecs.encode",
                    "numpy.core.numeric._frombuffer", "numpy._core.numeric._frombuffer" -> true;
            default -> false;
        };
        if (!known) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "this pickle needs " + m + "." + n
                    + ": TDL reads pickles of numpy arrays, numbers, strings, lists, tuples and dicts only",
                    "save the data with np.save / np.savez from Python and np.load it here");
        }
        return new Global(m.replace("numpy._core", "numpy.core"), n);
    }

    private Object call(Global f, List<Object> args) {
        switch (f.module() + "." + f.name()) {
            case "numpy.core.multiarray._reconstruct":
                return new PendingArray();
            case "numpy.dtype": {
                String descr = String.valueOf(args.get(0));
                DType d = NumpyConvert.dtypeName(descr);
                if (d == null) d = NumpyConvert.dtypeName(descr.replaceAll("^[<>|=]", ""));
                if (d == null) throw bad("numpy dtype '" + descr + "' is not one TDL has");
                return new PendingDType(d, NpyFile.itemSize(d));
            }
            case "_codecs.encode":
                return new PyBytes(String.valueOf(args.get(0)).getBytes(StandardCharsets.ISO_8859_1));
            case "numpy.core.multiarray.scalar": {
                PendingDType dt = (PendingDType) args.get(0);
                NDArray one = items(bytesOf(args.get(1)), dt, new int[0], false);
                return NumpyConvert.npScalar(one.dtype(), one.get(0));
            }
            case "numpy.core.numeric._frombuffer": {
                PendingDType dt = (PendingDType) args.get(1);
                return items(bytesOf(args.get(0)), dt, shape(args.get(2)), "F".equals(String.valueOf(args.get(3))));
            }
            default:
                throw bad("cannot call " + f.module() + "." + f.name());
        }
    }

    private void build(Object target, Object state) {
        if (target instanceof PendingDType dt) {
            Object order = ((TdlTuple) state).items().get(1);
            if (">".equals(order)) dt.order = ByteOrder.BIG_ENDIAN;
            return;
        }
        if (target instanceof PendingArray pa) {
            List<Object> st = ((TdlTuple) state).items();
            // (version, shape, dtype, is_fortran, rawdata)
            int[] shape = shape(st.get(1));
            PendingDType dt = (PendingDType) st.get(2);
            boolean fortran = Boolean.TRUE.equals(st.get(3));
            pa.value = items(bytesOf(st.get(4)), dt, shape, fortran);
            return;
        }
        throw bad("BUILD of a " + (target == null ? "None" : target.getClass().getSimpleName()));
    }

    private static NDArray items(byte[] raw, PendingDType dt, int[] shape, boolean fortran) {
        int n = (int) NDArray.sizeOf(shape);
        if (raw.length < (long) n * dt.size) throw bad("the array data is truncated");
        if (!fortran) return NpyFile.items(ByteBuffer.wrap(raw).order(dt.order), dt.dtype, shape);
        // Fortran order: read with the axes reversed, then transpose back
        int[] rev = new int[shape.length];
        for (int d = 0; d < shape.length; d++) rev[d] = shape[shape.length - 1 - d];
        NDArray t = NpyFile.items(ByteBuffer.wrap(raw).order(dt.order), dt.dtype, rev);
        NDArray out = NDArray.zeros(dt.dtype, shape);
        int[] idx = new int[shape.length];
        for (int f = 0; f < n; f++) {
            int src = 0;
            for (int d = shape.length - 1, stride = 1; d >= 0; d--) {
                src += idx[shape.length - 1 - d] * stride;
                stride *= rev[d];
            }
            out.set(f, t.get(src));
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
        return out;
    }

    private static byte[] bytesOf(Object v) {
        if (v instanceof PyBytes b) return b.data();
        if (v instanceof String s) return s.getBytes(StandardCharsets.ISO_8859_1); // a Python 2 str read as latin1
        throw bad("array data of type " + (v == null ? "None" : v.getClass().getSimpleName()));
    }

    private static int[] shape(Object v) {
        List<Object> items = ((TdlTuple) v).items();
        int[] s = new int[items.size()];
        for (int i = 0; i < s.length; i++) s[i] = (int) (long) (Long) items.get(i);
        return s;
    }

    /** A Python 2 str: bytes under encoding='bytes', else text decoded as asked (Python 3's pickle rule). */
    private Object py2String(byte[] b) {
        if (encoding.equalsIgnoreCase("bytes")) return new PyBytes(b);
        String e = encoding.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (e.equals("latin1") || e.equals("latin-1") || e.equals("iso-8859-1")) return new String(b, StandardCharsets.ISO_8859_1);
        if (e.equals("ascii")) {
            for (byte x : b) {
                if (x < 0) {
                    throw new TdlError(ErrorKind.UNICODE_DECODE_ERROR, "'ascii' codec can't decode byte 0x" + Integer.toHexString(x & 0xff)
                            + ": ordinal not in range(128)", "pass encoding='latin1' to read Python 2 pickles of numpy arrays");
                }
            }
            return new String(b, StandardCharsets.US_ASCII);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Unwraps the pending arrays left in the result (BUILD filled them). */
    private static Object finish(Object v) {
        if (v instanceof PendingArray pa) return pa.value;
        if (v instanceof PendingDType dt) return new NpDType(dt.dtype, false);
        if (v instanceof TdlTuple t) {
            List<Object> out = new ArrayList<>();
            for (Object o : t.items()) out.add(finish(o));
            return new TdlTuple(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(finish(o));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(e.getKey(), finish(e.getValue()));
            return out;
        }
        return v;
    }

    private static Object key(Object k) {
        if (k instanceof List<?> || k instanceof Map<?, ?>) throw bad("an unhashable dict key");
        return k;
    }

    private static Object intOf(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private Object longBytes(int n) {
        if (n == 0) return 0L;
        byte[] b = take(n);
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) be[i] = b[n - 1 - i];
        return intOf(new BigInteger(be));
    }

    private long le(int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (in[pos + i] & 0xff);
        pos += n;
        return n == 4 ? (int) v : v;
    }

    private long le8() {
        long v = ByteBuffer.wrap(in, pos, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        pos += 8;
        return v;
    }

    private byte[] take(int n) {
        if (n < 0 || pos + n > in.length) throw bad("pickle data was truncated");
        byte[] b = java.util.Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return b;
    }

    private String line() {
        int end = pos;
        while (end < in.length && in[end] != '\n') end++;
        String s = new String(in, pos, end - pos, StandardCharsets.ISO_8859_1);
        pos = end + 1;
        return s;
    }

    /** Protocol 0's quoted str: its repr, with Python's escapes. */
    private static byte[] unquote(String s) {
        String body = s.substring(1, s.length() - 1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'x' -> {
                    out.write(Integer.parseInt(body.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.write(e);
            }
        }
        return out.toByteArray();
    }

    private Object memoGet(long k) {
        if (!memo.containsKey(k)) throw bad("memo key " + k + " missing");
        return memo.get(k);
    }

    private Object pop() {
        if (stack.isEmpty()) throw bad("unpickling stack underflow");
        return stack.remove(stack.size() - 1);
    }

    private Object top() {
        if (stack.isEmpty()) throw bad("unpickling stack underflow");
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) {
        List<Object> out = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        for (int i = 0; i < n; i++) stack.remove(stack.size() - 1);
        return out;
    }

    private List<Object> popMark() {
        int k = stack.size() - 1;
        while (k >= 0 && stack.get(k) != MARK) k--;
        if (k < 0) throw bad("could not find MARK");
        List<Object> out = new ArrayList<>(stack.subList(k + 1, stack.size()));
        while (stack.size() > k) stack.remove(stack.size() - 1);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        if (o instanceof List<?> l) return (List<Object>) l;
        throw bad("APPEND to a non-list");
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object o) {
        if (o instanceof Map<?, ?> m) return (Map<Object, Object>) m;
        throw bad("SETITEM on a non-dict");
    }

    private static TdlError bad(String what) {
        return new TdlError(ErrorKind.VALUE_ERROR, "cannot unpickle: " + what);
    }
}
