package tdl.interp;

import tdl.vocab.Operator;
import tdl.vocab.ErrorKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.syntax.TdlError;

/** The built-in functions and types every script sees. */
final class Builtins {
    private final Interpreter in;
    private final Protocol p;
    final Map<String, BuiltinType> types = new LinkedHashMap<>();

    private Builtins(Interpreter in) {
        this.in = in;
        this.p = in.protocol;
    }

    static Builtins install(Interpreter in) {
        Builtins b = new Builtins(in);
        b.installAll();
        return b;
    }

    private void def(String name, TdlCallable body) { in.builtins.put(name, new Builtin(name, body)); }

    private void type(String name, java.util.function.Predicate<Object> test, TdlCallable ctor) {
        BuiltinType t = new BuiltinType(name, test, ctor);
        types.put(name, t);
        in.builtins.put(name, t);
    }

    private void installAll() {
        type("int", Ints::isInt, (rt, a) -> toInt(a));
        // np.float64 subclasses Python's float; numpy's other scalars are not Python numbers
        type("float", v -> v instanceof Double || v instanceof NumpyScalar s && s.dtype() == tdl.graph.DType.FLOAT64, (rt, a) -> toFloat(a));
        type("str", v -> v instanceof String, (rt, a) -> a.check(1).size() == 0 ? "" : p.str(a.get(0, "object")));
        type("bool", v -> v instanceof Boolean, (rt, a) -> a.check(1).size() != 0 && p.truth(a.get(0, "x")));
        type("list", v -> v instanceof ArrayList, (rt, a) -> a.check(1).size() == 0 ? new ArrayList<>()
                : new ArrayList<>(p.access.toList(a.get(0, "iterable"))));
        type("tuple", v -> v instanceof TdlTuple, (rt, a) -> a.check(1).size() == 0 ? TdlTuple.of()
                : new TdlTuple(p.access.toList(a.get(0, "iterable"))));
        type("dict", v -> v instanceof Map, (rt, a) -> makeDict(a, new LinkedHashMap<>()));
        type("range", v -> v instanceof RangeValue, (rt, a) -> range(a));
        type("NoneType", v -> v == null, (rt, a) -> null);
        type("type", v -> v instanceof TdlClass || v instanceof BuiltinType, (rt, a) -> typeOf(a.check(1).get(0, "object")));
        type("function", v -> v instanceof TdlFunction, (rt, a) -> { throw new TdlError(ErrorKind.TYPE_ERROR, "cannot create 'function' instances"); });
        type("module", v -> v instanceof TdlModule, (rt, a) -> new TdlModule(p.str(a.get(0, "name"))));
        in.builtins.put("object", in.exceptions.object);
        in.builtins.put("NotImplemented", NotImplementedValue.NOT_IMPLEMENTED);
        for (Map.Entry<String, TdlClass> e : in.exceptions.all().entrySet()) in.builtins.put(e.getKey(), e.getValue());

        in.builtins.put("Ellipsis", tdl.vocab.EllipsisValue.ELLIPSIS);
        def("print", this::print);
        def("open", (rt, a) -> PyFileHooks.open(in, a.check(4, "file", "mode", "buffering", "encoding"), false));
        def("len", (rt, a) -> p.len(a.check(1).get(0, "obj")));
        def("repr", (rt, a) -> p.repr(a.check(1).get(0, "obj")));
        def("format", (rt, a) -> p.formatValue(a.get(0, "value"), null, (String) a.get(1, "format_spec", "")));
        def("abs", (rt, a) -> p.unary(Operator.ABS, a.check(1).get(0, "x")));
        def("round", this::round);
        def("min", (rt, a) -> extreme(a, -1));
        def("max", (rt, a) -> extreme(a, 1));
        def("sum", this::sum);
        def("sorted", (rt, a) -> {
            a.check(1, "key", "reverse");
            ArrayList<Object> l = new ArrayList<>(p.access.toList(a.get(0, "iterable")));
            sort(l, a.get(Integer.MAX_VALUE, "key", null), p.truth(a.get(Integer.MAX_VALUE, "reverse", false)));
            return l;
        });
        def("reversed", (rt, a) -> {
            List<Object> l = p.access.toList(a.check(1).get(0, "seq"));
            Collections.reverse(l);
            return new TdlIterator(l.iterator());
        });
        def("enumerate", (rt, a) -> {
            a.check(2, "start");
            long start = intArg(a.get(1, "start", 0L), "enumerate");
            List<Object> out = new ArrayList<>();
            for (Object o : p.access.toList(a.get(0, "iterable"))) out.add(TdlTuple.of(start++, o));
            return new TdlIterator(out.iterator());
        });
        def("zip", (rt, a) -> {
            List<Iterator<Object>> its = new ArrayList<>();
            for (Object o : a.positional()) its.add(p.access.iterate(o));
            List<Object> out = new ArrayList<>();
            while (!its.isEmpty()) {
                List<Object> row = new ArrayList<>();
                for (Iterator<Object> it : its) {
                    if (!it.hasNext()) return new TdlIterator(out.iterator());
                    row.add(it.next());
                }
                out.add(new TdlTuple(row));
            }
            return new TdlIterator(out.iterator());
        });
        def("map", (rt, a) -> {
            if (a.size() < 2) throw new TdlError(ErrorKind.TYPE_ERROR, "map() must have at least two arguments.");
            Object f = a.positional().get(0);
            List<Iterator<Object>> its = new ArrayList<>();
            for (Object o : a.positional().subList(1, a.size())) its.add(p.access.iterate(o));
            List<Object> out = new ArrayList<>();
            while (true) {
                List<Object> row = new ArrayList<>();
                for (Iterator<Object> it : its) {
                    if (!it.hasNext()) return new TdlIterator(out.iterator());
                    row.add(it.next());
                }
                out.add(p.calls.call(f, row, null, (String) null));
            }
        });
        def("filter", (rt, a) -> {
            Object f = a.get(0, "function");
            List<Object> out = new ArrayList<>();
            for (Object o : p.access.toList(a.get(1, "iterable"))) {
                Object keep = f == null ? o : p.calls.call(f, java.util.Arrays.asList(o), null, (String) null);
                if (p.truth(keep)) out.add(o);
            }
            return new TdlIterator(out.iterator());
        });
        def("any", (rt, a) -> {
            for (Object o : p.access.toList(a.check(1).get(0, "iterable"))) if (p.truth(o)) return true;
            return false;
        });
        def("all", (rt, a) -> {
            for (Object o : p.access.toList(a.check(1).get(0, "iterable"))) if (!p.truth(o)) return false;
            return true;
        });
        def("isinstance", (rt, a) -> isInstance(a.get(0, "obj"), a.get(1, "class_or_tuple")));
        def("issubclass", (rt, a) -> {
            Object c = a.get(0, "cls"), t = a.get(1, "class_or_tuple");
            List<Object> ts = t instanceof TdlTuple tu ? tu.items() : List.of(t);
            for (Object o : ts) if (c instanceof TdlClass x && o instanceof TdlClass y && x.isSubclassOf(y) || c == o) return true;
            return false;
        });
        def("hasattr", (rt, a) -> {
            try {
                p.access.getAttr(a.get(0, "obj"), (String) a.get(1, "name"));
                return true;
            } catch (TdlError e) {
                if (e.kind() == ErrorKind.ATTRIBUTE_ERROR) return false;
                throw e;
            }
        });
        def("getattr", (rt, a) -> {
            try {
                return p.access.getAttr(a.get(0, "obj"), name(a.get(1, "name")));
            } catch (TdlError e) {
                if (e.kind() == ErrorKind.ATTRIBUTE_ERROR && a.size() > 2) return a.positional().get(2);
                throw e;
            }
        });
        def("setattr", (rt, a) -> {
            p.access.setAttr(a.get(0, "obj"), name(a.get(1, "name")), a.get(2, "value"));
            return null;
        });
        def("delattr", (rt, a) -> {
            p.access.delAttr(a.get(0, "obj"), name(a.get(1, "name")));
            return null;
        });
        def("iter", (rt, a) -> new TdlIterator(p.access.iterate(a.check(1).get(0, "object"))));
        def("next", (rt, a) -> {
            Object it = a.get(0, "iterator");
            if (!(it instanceof TdlIterator ti)) throw new TdlError(ErrorKind.TYPE_ERROR, "'" + in.typeName(it) + "' object is not an iterator");
            if (ti.it().hasNext()) return ti.it().next();
            if (a.size() > 1) return a.positional().get(1);
            throw new TdlError(ErrorKind.STOP_ITERATION, "");
        });
        def("dir", (rt, a) -> {
            if (a.size() == 0) {
                List<Object> names = new ArrayList<>(in.mainGlobals.keySet());
                names.sort(null);
                return names;
            }
            return new ArrayList<Object>(p.access.dir(a.get(0, "object")));
        });
        def("id", (rt, a) -> (long) System.identityHashCode(a.get(0, "obj")));
        def("hash", (rt, a) -> hash(a.get(0, "obj")));
        def("callable", (rt, a) -> in.isCallable(a.get(0, "obj")));
        def("divmod", (rt, a) -> TdlTuple.of(p.binary(Operator.FLOOR_DIV, a.get(0, "a"), a.get(1, "b")), p.binary(Operator.MOD, a.get(0, "a"), a.get(1, "b"))));
        def("pow", (rt, a) -> {
            Object base = a.get(0, "base"), exp = a.get(1, "exp");
            Object mod = a.has(2, "mod") ? a.get(2, "mod") : null;
            // three-argument pow is a modular power, never the full power first (pow(3, 10**20, m) is instant)
            if (mod != null && Ints.isInt(base) && Ints.isInt(exp) && Ints.isInt(mod)) return Ints.modPow(base, exp, mod);
            Object r = p.binary(Operator.POW, base, exp);
            return mod != null ? p.binary(Operator.MOD, r, mod) : r;
        });
        for (String[] radix : new String[][] {{"bin", "2", "0b"}, {"oct", "8", "0o"}, {"hex", "16", "0x"}}) {
            def(radix[0], (rt, a) -> {
                Object v = a.check(1).get(0, "x");
                if (!Ints.isInt(v)) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "'" + p.typeName(v) + "' object cannot be interpreted as an integer");
                }
                java.math.BigInteger b = Ints.big(v);
                String digits = b.abs().toString(Integer.parseInt(radix[1]));
                return (b.signum() < 0 ? "-" : "") + radix[2] + digits;
            });
        }
        def("chr", (rt, a) -> {
            long i = intArg(a.check(1).get(0, "i"), "chr");
            if (i < 0 || i > Character.MAX_CODE_POINT) throw new TdlError(ErrorKind.VALUE_ERROR, "chr() arg not in range(0x110000)");
            return new String(Character.toChars((int) i));
        });
        def("ord", (rt, a) -> {
            if (!(a.check(1).get(0, "c") instanceof String s)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "ord() expected string of length 1, but " + p.typeName(a.get(0, "c")) + " found");
            }
            if (s.codePointCount(0, s.length()) != 1) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "ord() expected a character, but string of length " + s.length() + " found");
            }
            return (long) s.codePointAt(0);
        });
        def("super", this::superCall);
        def("classmethod", (rt, a) -> new MethodDescriptor(callableArg(a.check(1).get(0, "function"), "classmethod"), true));
        def("property", (rt, a) -> {
            a.check(4, "fget", "fset", "fdel", "doc");
            if (a.get(2, "fdel", null) != null) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "property(fdel=...) is not supported", "delete the attribute's value by hand");
            }
            Object fget = a.get(0, "fget", null), doc = a.get(3, "doc", null);
            if (doc == null && fget instanceof TdlFunction f) doc = f.doc; // Python takes fget's doc string
            return new Property(fget, a.get(1, "fset", null), doc);
        });
        def("staticmethod", (rt, a) -> new MethodDescriptor(callableArg(a.check(1).get(0, "function"), "staticmethod"), false));
        def("exit", (rt, a) -> { throw exit(in, a); });
        in.builtins.put("quit", in.builtins.get("exit"));
    }

    private Object callableArg(Object f, String what) {
        if (in.isCallable(f)) return f;
        throw new TdlError(ErrorKind.TYPE_ERROR, "'" + in.typeName(f) + "' object is not callable",
                "@" + what + " decorates a function defined with def");
    }

    private String name(Object o) {
        if (o instanceof String s) return s;
        throw new TdlError(ErrorKind.TYPE_ERROR, "attribute name must be string, not '" + in.typeName(o) + "'");
    }

    private Object print(Runtime rt, Args a) {
        a.check(Integer.MAX_VALUE, "sep", "end", "file", "flush");
        Object sepV = a.keywords().get("sep"), endV = a.keywords().get("end");
        String sep = sepV == null ? " " : p.str(sepV);
        String end = endV == null ? "\n" : p.str(endV);
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Object o : a.positional()) {
            if (!first) sb.append(sep);
            first = false;
            sb.append(p.str(o));
        }
        sb.append(end);
        Object file = a.keywords().get("file");
        if (file != null) {
            Object w = p.access.getAttr(file, "write");
            p.calls.call(w, List.of(sb.toString()), null, (String) null);
            return null;
        }
        in.out().print(sb);
        if (p.truth(a.keywords().getOrDefault("flush", false))) in.out().flush();
        return null;
    }

    Object typeOf(Object v) {
        if (v instanceof TdlInstance i) return i.cls;
        TypeHooks h = in.hooksFor(v);
        if (h != null) {
            Object t = h.typeObject(in, v);
            if (t != null) return t;
        }
        String name = in.typeName(v);
        BuiltinType t = types.get(name);
        if (t != null) return t;
        Class<?> c = v.getClass();
        return types.computeIfAbsent(name, n -> new BuiltinType(n, o -> o != null && o.getClass() == c,
                (rt, a) -> { throw new TdlError(ErrorKind.TYPE_ERROR, "cannot create '" + n + "' instances"); }));
    }

    private boolean isInstance(Object v, Object t) {
        if (t instanceof TdlTuple tu) {
            for (Object o : tu.items()) if (isInstance(v, o)) return true;
            return false;
        }
        if (t instanceof BuiltinType bt) return bt.test().test(v);
        if (t instanceof TdlClass c) {
            if (c == in.exceptions.object) return true;
            return v instanceof TdlInstance i && i.cls.isSubclassOf(c);
        }
        TypeHooks h = in.hooksFor(t);
        Boolean r = h == null ? null : h.instanceCheck(in, t, v);
        if (r != null) return r;
        throw new TdlError(ErrorKind.TYPE_ERROR, "isinstance() arg 2 must be a type or tuple of types");
    }

    private Object superCall(Runtime rt, Args a) {
        if (a.size() >= 2) {
            if (!(a.positional().get(0) instanceof TdlClass c)) throw new TdlError(ErrorKind.TYPE_ERROR, "super() argument 1 must be a type");
            return new SuperProxy(c.base, a.positional().get(1));
        }
        for (int i = in.frames.size() - 1; i >= 0; i--) {
            Object[] fr = in.frames.get(i);
            TdlFunction f = (TdlFunction) fr[0];
            if (f.owner != null && fr[1] != null) return new SuperProxy(f.owner.base, fr[1]);
        }
        throw new TdlError(ErrorKind.RUNTIME_ERROR, "super(): no arguments", "call super() inside a method of a class");
    }

    private Object toInt(Args a) {
        a.check(2, "base");
        if (a.size() == 0) return 0L;
        Object v = a.get(0, "x");
        if (v instanceof String s) {
            long baseArg = Ops.toLong(a.get(1, "base", 10L));
            if (baseArg != 0 && (baseArg < 2 || baseArg > 36)) throw new TdlError(ErrorKind.VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0");
            int base = (int) baseArg;
            String t = s.strip();
            if (t.contains("__") || t.startsWith("_") || t.endsWith("_")) t = "!"; // Python allows single underscores between digits only
            t = t.replace("_", "");
            boolean neg = t.startsWith("-");
            if (neg || t.startsWith("+")) t = t.substring(1);
            String lower = t.toLowerCase();
            int prefixed = lower.startsWith("0x") ? 16 : lower.startsWith("0o") ? 8 : lower.startsWith("0b") ? 2 : 0;
            if (prefixed != 0 && (base == prefixed || base == 0)) {
                t = t.substring(2);
                base = prefixed;
            } else if (base == 0) {
                base = 10;
                if (t.length() > 1 && t.startsWith("0") && !t.chars().allMatch(ch -> ch == '0')) t = "!"; // int('012', 0) is an error, as Python
            }
            Object r = t.startsWith("-") || t.startsWith("+") ? null : Ints.parse((neg ? "-" : "") + t, base);
            if (r == null) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "invalid literal for int() with base " + a.get(1, "base", 10L) + ": " + Protocol.strRepr(s));
            }
            return r;
        }
        if (v instanceof Long || v instanceof java.math.BigInteger) return v;
        if (v instanceof Boolean b) return b ? 1L : 0L;
        if (v instanceof Double d) return Ints.fromDouble(d);
        Object n = p.toNumber(v, "int()");
        return n instanceof Double d ? Ints.fromDouble(d) : n;
    }

    /** int(d): exact however large (int(1e19) == 10**19); ValueError for NaN, OverflowError for infinities. */
    static Object doubleToLong(double d) {
        return Ints.fromDouble(d);
    }

    private Object toFloat(Args a) {
        a.check(1);
        if (a.size() == 0) return 0.0;
        Object v = a.get(0, "x");
        if (v instanceof String s) {
            String t = s.strip().toLowerCase().replace("_", "");
            switch (t) {
                case "inf": case "+inf": case "infinity": return Double.POSITIVE_INFINITY;
                case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
                case "nan": case "+nan": case "-nan": return Double.NaN;
                default: break;
            }
            try {
                if (t.isEmpty() || t.endsWith("d") || t.endsWith("f") || t.contains("x")) throw new NumberFormatException();
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "could not convert string to float: " + Protocol.strRepr(s));
            }
        }
        if (Ops.isNumber(v)) return Ops.toDouble(v);
        return Ops.toDouble(p.toNumber(v, "float()"));
    }

    @SuppressWarnings("unchecked")
    Object makeDict(Args a, Map<Object, Object> m) {
        if (a.size() > 1) throw new TdlError(ErrorKind.TYPE_ERROR, "dict expected at most 1 argument, got " + a.size());
        if (a.size() == 1) {
            Object src = a.positional().get(0);
            if (src instanceof Map<?, ?> sm) {
                for (Map.Entry<?, ?> e : sm.entrySet()) DictKeys.put(m, e.getKey(), e.getValue());
            } else {
                for (Object pair : p.access.toList(src)) {
                    List<Object> kv = p.access.toList(pair);
                    if (kv.size() != 2) {
                        throw new TdlError(ErrorKind.VALUE_ERROR, "dictionary update sequence element has length " + kv.size() + "; 2 is required");
                    }
                    DictKeys.put(m, kv.get(0), kv.get(1));
                }
            }
        }
        for (Map.Entry<String, Object> e : a.keywords().entrySet()) DictKeys.put(m, e.getKey(), e.getValue());
        return m;
    }

    /** sys.exit / exit / quit: None or nothing is status 0, an int (or bool) that status, anything else printed with status 1. */
    static tdl.syntax.ScriptExit exit(Interpreter in, Args a) {
        Object code = a.check(1, "code").get(0, "code", null);
        if (code == null) return new tdl.syntax.ScriptExit(0, null);
        if (code instanceof Boolean b) return new tdl.syntax.ScriptExit(b ? 1 : 0, null);
        if (code instanceof Long l) return new tdl.syntax.ScriptExit((int) (long) l, null);
        if (code instanceof java.math.BigInteger b) return new tdl.syntax.ScriptExit(b.intValue(), null);
        return new tdl.syntax.ScriptExit(1, in.str(code));
    }

    private long intArg(Object v, String fn) {
        if (Ops.isInt(v)) return Ops.toLong(v);
        if (v instanceof NumpyScalar s && s.isIndex()) return s.longValue();
        throw new TdlError(ErrorKind.TYPE_ERROR, "'" + in.typeName(v) + "' object cannot be interpreted as an integer",
                fn.equals("range") ? "range() takes ints; use int(x) or np.arange for floats" : null);
    }

    private Object range(Args a) {
        a.check(3);
        long start = 0, stop, step = 1;
        if (a.size() == 0) throw new TdlError(ErrorKind.TYPE_ERROR, "range expected at least 1 argument, got 0");
        if (a.size() == 1) stop = intArg(a.positional().get(0), "range");
        else {
            start = intArg(a.positional().get(0), "range");
            stop = intArg(a.positional().get(1), "range");
            if (a.size() == 3) step = intArg(a.positional().get(2), "range");
        }
        if (step == 0) throw new TdlError(ErrorKind.VALUE_ERROR, "range() arg 3 must not be zero");
        return new RangeValue(start, stop, step);
    }

    private Object round(Runtime rt, Args a) {
        a.check(2, "ndigits");
        Object x = a.get(0, "number");
        Object nd = a.get(1, "ndigits", null);
        if (x instanceof NumpyScalar) {
            // Python's round() defers to the value's __round__: numpy's keeps the dtype when given digits
            Object m = roundMethod(x);
            if (m != null) return p.calls.call(m, nd == null ? List.of() : List.of(nd), null, (String) null);
        }
        if (!Ops.isNumber(x)) x = p.toNumber(x, "round()");
        if (Ops.isInt(x)) {
            Object v = x instanceof Boolean b ? (Object) (b ? 1L : 0L) : x;
            if (nd == null) return v;
            if (nd instanceof java.math.BigInteger big) return big.signum() > 0 ? v : (Object) 0L;
            return Ints.round(v, Ops.toLong(nd));
        }
        double d = (Double) x;
        if (nd == null) return doubleToLong(Math.rint(d));
        if (Double.isNaN(d) || Double.isInfinite(d)) return d;
        return new BigDecimal(d).setScale(Ints.toInt(Ops.toLong(nd)), RoundingMode.HALF_EVEN).doubleValue();
    }

    private Object roundMethod(Object x) {
        try {
            return p.access.getAttr(x, "__round__");
        } catch (TdlError e) {
            if (e.kind() != ErrorKind.ATTRIBUTE_ERROR) throw e;
            return null;
        }
    }

    private Object extreme(Args a, int sign) {
        a.check(Integer.MAX_VALUE, "key", "default");
        String fn = sign < 0 ? "min" : "max";
        if (a.size() == 0) throw new TdlError(ErrorKind.TYPE_ERROR, fn + " expected at least 1 argument, got 0");
        // walked, not copied: max(range(10**11)) runs in constant memory and stops on an interrupt
        Iterator<Object> items = a.size() == 1 ? p.access.iterate(a.positional().get(0)) : a.positional().iterator();
        if (!items.hasNext()) {
            if (a.keywords().containsKey("default")) return a.keywords().get("default");
            throw new TdlError(ErrorKind.VALUE_ERROR, fn + "() arg is an empty sequence");
        }
        Object key = a.keywords().get("key");
        Object best = items.next();
        Object bestKey = key == null ? best : p.calls.call(key, java.util.Arrays.asList(best), null, (String) null);
        while (items.hasNext()) {
            Object o = items.next();
            Object k = key == null ? o : p.calls.call(key, java.util.Arrays.asList(o), null, (String) null);
            if (p.truth(p.compare(sign < 0 ? Operator.LT : Operator.GT, k, bestKey))) {
                best = o;
                bestKey = k;
            }
        }
        return best;
    }

    private Object sum(Runtime rt, Args a) {
        a.check(2, "start");
        Object acc = a.get(1, "start", 0L);
        if (acc instanceof String) throw new TdlError(ErrorKind.TYPE_ERROR, "sum() can't sum strings [use ''.join(seq) instead]");
        Iterator<Object> it = p.access.iterate(a.get(0, "iterable"));
        while (it.hasNext()) acc = p.binary(Operator.ADD, acc, it.next());
        return acc;
    }

    void sort(List<Object> l, Object key, boolean reverse) {
        List<Object> keys = new ArrayList<>(l.size());
        for (Object o : l) keys.add(key == null ? o : p.calls.call(key, java.util.Arrays.asList(o), null, (String) null));
        Integer[] order = new Integer[l.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> {
            int c = p.compareSign(Operator.LT, keys.get(x), keys.get(y));
            if (c == Integer.MIN_VALUE) c = 0;
            return reverse ? -c : c;
        });
        List<Object> sorted = new ArrayList<>(l.size());
        for (int i : order) sorted.add(l.get(i));
        for (int i = 0; i < sorted.size(); i++) l.set(i, sorted.get(i));
    }

    Object hash(Object v) {
        if (v == null) return 0L;
        if (v instanceof NumpyScalar s) v = s.toPython(); // numpy scalars hash as the equal Python number
        if (Ops.isInt(v)) return Ints.hash(v);
        if (v instanceof Double d) {
            // an integral float hashes as the equal int, so 1e19 and 10**19 are one dict key, as Python
            if (d == Math.rint(d) && !Double.isInfinite(d)) return Ints.hash(Ints.fromDouble(d));
            return (long) Double.hashCode(d);
        }
        DictKeys.check(v);
        if (v instanceof String || v instanceof TdlTuple) return (long) v.hashCode();
        return (long) System.identityHashCode(v);
    }
}
