package tdl.interp;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.Map;
import tdl.syntax.TdlError;

/**
 * Dict keys by Python rules on Java maps: numbers compare by value across int/float/bool
 * (1 == 1.0 == True are one key), strings and tuples by value, every other object by identity
 * (library types keep identity equals). Lists and dicts are unhashable.
 */
final class DictKeys {
    private DictKeys() {}

    /** The key already present in {@code map} that equals {@code key}, or Scope.MISSING. */
    static Object find(Map<?, ?> map, Object key) {
        check(key);
        if (map.containsKey(key)) return key;
        if (Ops.isNumber(key)) {
            double d = Ops.toDouble(key);
            if (d == Math.rint(d) && !Double.isInfinite(d)) {
                long l = (long) d;
                if (map.containsKey(l)) return l;
                if (map.containsKey((double) l)) return (double) l;
                if (l == 0 || l == 1) {
                    Boolean b = l == 1;
                    if (map.containsKey(b)) return b;
                }
            }
        }
        return Scope.MISSING;
    }

    /** The key to store {@code key} under: the equal key already present, else the key itself. */
    static Object canonical(Map<?, ?> map, Object key) {
        Object k = find(map, key);
        return k == Scope.MISSING ? key : k;
    }

    static Object get(Map<Object, Object> map, Object key, Interpreter in) {
        Object k = find(map, key);
        if (k == Scope.MISSING) throw new MissingKeyError(in, key);
        return map.get(k);
    }

    static void put(Map<Object, Object> map, Object key, Object value) {
        map.put(canonical(map, key), value);
    }

    static void check(Object key) {
        if (key instanceof ArrayList<?> || key instanceof Map<?, ?>) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "unhashable type: '" + (key instanceof Map ? "dict" : "list") + "'",
                    "use a tuple instead of a list as a key");
        }
    }
}
