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
        key = plain(key);
        if (map.containsKey(key)) return key;
        if (key instanceof java.math.BigInteger b) {
            // an int past 64 bits equals a float only when the float holds it exactly (2**70 and 2.0**70)
            double d = b.doubleValue();
            if (!Double.isInfinite(d) && new java.math.BigDecimal(d).toBigInteger().equals(b) && map.containsKey(d)) return d;
            return Scope.MISSING;
        }
        if (key instanceof Double d) {
            if (d != Math.rint(d) || Double.isInfinite(d)) return Scope.MISSING;
            Object i = Ints.fromDouble(d); // exact: 1e19 finds 10**19
            if (map.containsKey(i)) return i;
            if (i instanceof Long l) {
                if (map.containsKey((double) l)) return (double) l; // -0.0 finds 0.0
                if ((l == 0 || l == 1) && map.containsKey(l == 1)) return l == 1;
            }
            return Scope.MISSING;
        }
        if (key instanceof Long || key instanceof Boolean) {
            long l = Ops.toLong(key);
            if (key instanceof Boolean && map.containsKey(l)) return l;
            if (key instanceof Long && (l == 0 || l == 1) && map.containsKey(l == 1)) return l == 1;
            double d = l;
            // only a float that holds this long exactly is the same key (2**53 + 1 is not 2.0**53)
            if (Math.abs(d) < 9.2e18 && (long) d == l && map.containsKey(d)) return d;
        }
        return Scope.MISSING;
    }

    /** The key to store {@code key} under: the equal key already present, else the key itself. */
    static Object canonical(Map<?, ?> map, Object key) {
        Object k = find(map, key);
        return k == Scope.MISSING ? plain(key) : k;
    }

    /**
     * A numpy scalar key is stored as the equal Python number: numpy scalars hash and compare equal to
     * it, and keeping one kind of number per value keeps lookups to the cases above. The price: a
     * float32 key prints as the double it holds (docs/decisions.md).
     */
    private static Object plain(Object key) {
        return key instanceof NumpyScalar s ? s.toPython() : key;
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
