package tdl.interp;

import java.util.ArrayList;
import java.util.List;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;
import tdl.vocab.Operator;

/**
 * Python's operator module: the operators as functions (operator.add, operator.lt, ...) through the
 * same dispatch as the operators themselves (so they work on arrays and symbolic variables too),
 * and the getters scripts pass as keys: itemgetter, attrgetter (dotted names), methodcaller.
 */
final class OperatorModule {
    private OperatorModule() {}

    static TdlModule create(Interpreter in) {
        TdlModule m = new TdlModule("operator");
        Protocol p = in.protocol;
        binary(m, p, "add", Operator.ADD);
        binary(m, p, "sub", Operator.SUB);
        binary(m, p, "mul", Operator.MUL);
        binary(m, p, "truediv", Operator.TRUE_DIV);
        binary(m, p, "floordiv", Operator.FLOOR_DIV);
        binary(m, p, "mod", Operator.MOD);
        binary(m, p, "pow", Operator.POW);
        binary(m, p, "and_", Operator.AND);
        binary(m, p, "or_", Operator.OR);
        binary(m, p, "xor", Operator.XOR);
        for (Operator op : List.of(Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.EQ, Operator.NE)) {
            String name = op.dunder().substring(2, op.dunder().length() - 2);
            fn(m, name, (rt, a) -> p.compare(op, a.check(2, "a", "b").get(0, "a"), a.get(1, "b")));
        }
        fn(m, "neg", (rt, a) -> p.unary(Operator.NEG, a.check(1, "a").get(0, "a")));
        fn(m, "pos", (rt, a) -> p.unary(Operator.POS, a.check(1, "a").get(0, "a")));
        fn(m, "abs", (rt, a) -> p.unary(Operator.ABS, a.check(1, "a").get(0, "a")));
        fn(m, "not_", (rt, a) -> !in.truth(a.check(1, "a").get(0, "a")));
        fn(m, "truth", (rt, a) -> in.truth(a.check(1, "a").get(0, "a")));
        fn(m, "contains", (rt, a) -> p.compare(Operator.IN, a.check(2, "a", "b").get(1, "b"), a.get(0, "a")));
        fn(m, "getitem", (rt, a) -> p.getItem(a.check(2, "a", "b").get(0, "a"), a.get(1, "b")));
        fn(m, "itemgetter", (rt, a) -> getter(a, "item", items -> (r, x) -> {
            Object obj = x.check(1, "obj").get(0, "obj");
            return pick(items, k -> p.getItem(obj, k));
        }));
        fn(m, "attrgetter", (rt, a) -> getter(a, "attr", names -> {
            for (Object n : names) {
                if (!(n instanceof String)) throw new TdlError(ErrorKind.TYPE_ERROR, "attribute name must be a string");
            }
            return (r, x) -> {
                Object obj = x.check(1, "obj").get(0, "obj");
                return pick(names, n -> {
                    Object v = obj;
                    for (String part : ((String) n).split("\\.")) v = p.getAttr(v, part);
                    return v;
                });
            };
        }));
        fn(m, "methodcaller", (rt, a) -> {
            if (a.positional().isEmpty() || !(a.positional().get(0) instanceof String name)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "methodcaller needs the method name as a string");
            }
            List<Object> args = new ArrayList<>(a.positional().subList(1, a.positional().size()));
            java.util.Map<String, Object> kw = a.keywords();
            return new Builtin("methodcaller", (r, x) -> {
                Object obj = x.check(1, "obj").get(0, "obj");
                return p.call(p.getAttr(obj, name), args, kw.isEmpty() ? null : kw, null);
            });
        });
        return m;
    }

    private static void binary(TdlModule m, Protocol p, String name, Operator op) {
        fn(m, name, (rt, a) -> p.binary(op, a.check(2, "a", "b").get(0, "a"), a.get(1, "b")));
    }

    private static void fn(TdlModule m, String name, TdlCallable body) { m.put(name, new Builtin(name, body)); }

    /** itemgetter/attrgetter: one key gives the value, several a tuple of them (Python's). */
    private static Object getter(Args a, String what, java.util.function.Function<List<Object>, TdlCallable> make) {
        if (!a.keywords().isEmpty()) throw new TdlError(ErrorKind.TYPE_ERROR, what + "getter() takes no keyword arguments");
        if (a.positional().isEmpty()) throw new TdlError(ErrorKind.TYPE_ERROR, what + "getter expected 1 argument, got 0");
        return new Builtin(what + "getter", make.apply(List.copyOf(a.positional())));
    }

    private static Object pick(List<Object> keys, java.util.function.Function<Object, Object> get) {
        if (keys.size() == 1) return get.apply(keys.get(0));
        List<Object> out = new ArrayList<>();
        for (Object k : keys) out.add(get.apply(k));
        return new TdlTuple(out);
    }
}
