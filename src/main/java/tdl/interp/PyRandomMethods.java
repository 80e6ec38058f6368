package tdl.interp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * The script-facing functions of Python's random: once as the module's functions (on the session's
 * generator) and once per {@code random.Random(seed)} instance (on the instance's own state), as
 * CPython's module functions are the bound methods of one hidden Random instance.
 */
final class PyRandomMethods {
    private PyRandomMethods() {}

    /** name -> callable on {@code g}, in the order help and completion list them. */
    static Map<String, TdlCallable> bind(Interpreter in, PyRandom g) {
        Map<String, TdlCallable> m = new LinkedHashMap<>();
        m.put("seed", (rt, a) -> {
            a.check(1, "a");
            g.seed(a.get(0, "a", null));
            return null;
        });
        m.put("random", (rt, a) -> g.random());
        m.put("uniform", (rt, a) -> g.uniform(num(in, a.get(0, "a")), num(in, a.get(1, "b"))));
        m.put("gauss", (rt, a) -> g.gauss(num(in, a.get(0, "mu", 0.0)), num(in, a.get(1, "sigma", 1.0))));
        m.put("normalvariate", (rt, a) -> g.normalvariate(num(in, a.get(0, "mu", 0.0)), num(in, a.get(1, "sigma", 1.0))));
        m.put("randint", (rt, a) -> {
            a.check(2, "a", "b");
            Object lo = intArg(a.get(0, "a"), "randint"), hi = intArg(a.get(1, "b"), "randint");
            return g.randrange(lo, Ints.normalize(Ints.big(hi).add(BigInteger.ONE)), 1L);
        });
        m.put("randrange", (rt, a) -> {
            a.check(3, "start", "stop", "step");
            return g.randrange(intArg(a.get(0, "start"), "randrange"), a.size() > 1 ? intArg(a.get(1, "stop"), "randrange") : null,
                    a.size() > 2 ? intArg(a.get(2, "step"), "randrange") : 1L);
        });
        m.put("getrandbits", (rt, a) -> Ints.normalize(g.getrandbits((int) Ops.toLong(intArg(a.check(1, "k").get(0, "k"), "getrandbits")))));
        m.put("choice", (rt, a) -> g.choice(in.protocol.access.toList(a.get(0, "seq"))));
        m.put("shuffle", (rt, a) -> {
            Object x = a.get(0, "x");
            if (!(x instanceof ArrayList<?> l)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "random.shuffle() shuffles a list in place",
                        "for an array use np.random.shuffle(a), for other sequences list(x) first");
            }
            @SuppressWarnings("unchecked") List<Object> list = (List<Object>) l;
            g.shuffle(list);
            return null;
        });
        m.put("sample", (rt, a) -> {
            a.check(2, "population", "k");
            return new ArrayList<>(g.sample(in.protocol.access.toList(a.get(0, "population")), Ops.toLong(intArg(a.get(1, "k"), "sample"))));
        });
        m.put("getstate", (rt, a) -> {
            a.check(0);
            return g.getstate();
        });
        m.put("setstate", (rt, a) -> {
            Object state = a.check(1, "state").get(0, "state");
            if (!(state instanceof TdlTuple t)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "setstate() takes the tuple getstate() returned, got " + in.typeName(state));
            }
            if (t.size() != 3) throw new TdlError(ErrorKind.VALUE_ERROR, "not enough values to unpack (expected 3, got " + t.size() + ")");
            if (!(t.get(1) instanceof TdlTuple internal)) throw new TdlError(ErrorKind.TYPE_ERROR, "state vector must be a tuple");
            g.setstate(t.get(0), internal.items(), t.get(2));
            return null;
        });
        return m;
    }

    private static double num(Interpreter in, Object v) {
        if (Ops.isNumber(v)) return Ops.toDouble(v);
        return Ops.toDouble(in.protocol.toNumber(v, "math"));
    }

    /** An int argument of the random functions; a float is Python's TypeError, not a silent truncation. */
    private static Object intArg(Object v, String f) {
        if (v instanceof Boolean b) return b ? 1L : 0L;
        if (Ints.isInt(v)) return v;
        throw new TdlError(ErrorKind.TYPE_ERROR, "random." + f + "() takes integers",
                "convert with int(...) first");
    }

    /** random.Random instances: the module's functions as methods on the instance's own state. */
    static final class Hooks implements TypeHooks {
        private final Interpreter in;

        Hooks(Interpreter in) { this.in = in; }

        @Override public String typeName(Object self) { return "Random"; }

        @Override
        public String str(Runtime rt, Object self) {
            return "<random.Random object at 0x" + Integer.toHexString(System.identityHashCode(self)) + ">";
        }

        @Override
        public Object getAttr(Runtime rt, Object self, String name) {
            TdlCallable c = bind(in, (PyRandom) self).get(name);
            return c == null ? UNSUPPORTED : new Builtin(name, c);
        }

        @Override
        public List<String> attributeNames(Object self) { return new ArrayList<>(bind(in, (PyRandom) self).keySet()); }
    }
}
