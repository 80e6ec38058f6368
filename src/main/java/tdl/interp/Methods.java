package tdl.interp;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.syntax.TdlError;

/** Methods of str, list, dict, tuple, int and float, bound to their receiver on attribute access. */
final class Methods {
    private Methods() {}

    private static final List<String> STR = List.of("format", "join", "split", "rsplit", "strip", "lstrip", "rstrip",
            "replace", "startswith", "endswith", "upper", "lower", "title", "capitalize", "find", "rfind", "index",
            "count", "zfill", "center", "ljust", "rjust", "splitlines", "isdigit", "isalpha", "isalnum", "isspace",
            "isupper", "islower", "encode", "partition");
    private static final List<String> LIST = List.of("append", "extend", "pop", "insert", "index", "count", "remove",
            "sort", "reverse", "copy", "clear");
    private static final List<String> DICT = List.of("keys", "values", "items", "get", "update", "pop", "setdefault",
            "copy", "clear", "popitem");
    private static final List<String> TUPLE = List.of("index", "count");
    private static final List<String> FLOAT = List.of("is_integer", "real", "imag", "conjugate");
    private static final List<String> INT = List.of("bit_length", "real", "imag", "conjugate");

    static List<String> names(Object v) {
        if (v instanceof String) return STR;
        if (v instanceof ArrayList<?>) return LIST;
        if (v instanceof Map<?, ?>) return DICT;
        if (v instanceof TdlTuple) return TUPLE;
        if (v instanceof Double) return FLOAT;
        if (v instanceof Long || v instanceof java.math.BigInteger) return INT;
        return List.of();
    }

    static Object lookup(Interpreter in, Object self, String name) {
        if (!names(self).contains(name)) return null;
        if (self instanceof Double d) {
            switch (name) {
                case "real": return d;
                case "imag": return 0.0;
                default: break;
            }
        }
        if (Ints.isInt(self) && !(self instanceof Boolean)) {
            switch (name) {
                case "real": return self;
                case "imag": return 0L;
                default: break;
            }
        }
        return new Builtin(name, (rt, a) -> invoke(in, self, name, a));
    }

    @SuppressWarnings("unchecked")
    private static Object invoke(Interpreter in, Object self, String name, Args a) {
        if (self instanceof String s) return StrMethods.call(in, s, name, a);
        if (self instanceof ArrayList<?> l) return list(in, (ArrayList<Object>) l, name, a);
        if (self instanceof Map<?, ?> m) return dict(in, (Map<Object, Object>) m, name, a);
        if (self instanceof TdlTuple t) return seq(in, t.items(), name, a, "tuple");
        if (self instanceof Double d) {
            if (name.equals("is_integer")) return d == Math.rint(d) && !Double.isInfinite(d);
            return d;
        }
        if (Ints.isInt(self)) {
            if (name.equals("bit_length")) return (long) Ints.big(self).abs().bitLength();
            return self;
        }
        throw new IllegalStateException(name);
    }

    private static Object seq(Interpreter in, List<Object> items, String name, Args a, String type) {
        Object x = a.get(0, "value");
        if (name.equals("count")) {
            long n = 0;
            for (Object o : items) if (in.equalsValues(o, x)) n++;
            return n;
        }
        for (int i = 0; i < items.size(); i++) if (in.equalsValues(items.get(i), x)) return (long) i;
        throw new TdlError(ErrorKind.VALUE_ERROR, type + ".index(x): x not in " + type);
    }

    private static Object list(Interpreter in, ArrayList<Object> l, String name, Args a) {
        switch (name) {
            case "append": l.add(a.check(1).get(0, "object")); return null;
            case "extend": l.addAll(in.protocol.access.toList(a.check(1).get(0, "iterable"))); return null;
            case "insert": {
                long i = Ops.toLong(a.get(0, "index"));
                int n = l.size();
                int at = (int) Math.max(0, Math.min(n, i < 0 ? i + n : i));
                l.add(at, a.get(1, "object"));
                return null;
            }
            case "pop": {
                if (l.isEmpty()) throw new TdlError(ErrorKind.INDEX_ERROR, "pop from empty list");
                long i = Ops.toLong(a.get(0, "index", -1L));
                long j = i < 0 ? i + l.size() : i;
                if (j < 0 || j >= l.size()) throw new TdlError(ErrorKind.INDEX_ERROR, "pop index out of range");
                return l.remove((int) j);
            }
            case "remove": {
                Object x = a.get(0, "value");
                for (int i = 0; i < l.size(); i++) {
                    if (in.equalsValues(l.get(i), x)) { l.remove(i); return null; }
                }
                throw new TdlError(ErrorKind.VALUE_ERROR, "list.remove(x): x not in list");
            }
            case "sort": {
                a.check(0, "key", "reverse");
                in.builtinsHelper().sort(l, a.get(Integer.MAX_VALUE, "key", null), in.truth(a.get(Integer.MAX_VALUE, "reverse", false)));
                return null;
            }
            case "reverse": java.util.Collections.reverse(l); return null;
            case "copy": return new ArrayList<>(l);
            case "clear": l.clear(); return null;
            default: return seq(in, l, name, a, "list");
        }
    }

    private static Object dict(Interpreter in, Map<Object, Object> m, String name, Args a) {
        switch (name) {
            case "keys": return new ArrayList<>(m.keySet());
            case "values": return new ArrayList<>(m.values());
            case "items": {
                ArrayList<Object> out = new ArrayList<>(m.size());
                for (Map.Entry<Object, Object> e : m.entrySet()) out.add(TdlTuple.of(e.getKey(), e.getValue()));
                return out;
            }
            case "get": {
                Object k = DictKeys.find(m, a.get(0, "key"));
                return k == Scope.MISSING ? a.get(1, "default", null) : m.get(k);
            }
            case "setdefault": {
                Object key = a.get(0, "key");
                Object k = DictKeys.find(m, key);
                if (k != Scope.MISSING) return m.get(k);
                Object d = a.get(1, "default", null);
                m.put(key, d);
                return d;
            }
            case "pop": {
                Object key = a.get(0, "key");
                Object k = DictKeys.find(m, key);
                if (k == Scope.MISSING) {
                    if (a.size() > 1) return a.positional().get(1);
                    throw new MissingKeyError(in, key);
                }
                return m.remove(k);
            }
            case "popitem": {
                if (m.isEmpty()) throw new TdlError(ErrorKind.KEY_ERROR, "'popitem(): dictionary is empty'");
                Object last = null;
                for (Object k : m.keySet()) last = k;
                return TdlTuple.of(last, m.remove(last));
            }
            case "update": {
                in.builtinsHelper().makeDict(a, m);
                return null;
            }
            case "copy": return new LinkedHashMap<>(m);
            case "clear": m.clear(); return null;
            default: throw new IllegalStateException(name);
        }
    }
}
