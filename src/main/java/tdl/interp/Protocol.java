package tdl.interp;

import tdl.vocab.ErrorKind;
import tdl.vocab.Operator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.syntax.SourcePos;
import tdl.syntax.TdlError;

/**
 * The value protocol: type names, str/repr, truth, equality and ordering, operators, and the
 * dispatch to {@link TypeHooks} for library types. Attributes, items, iteration and calls are in
 * {@link Access} and {@link Calls}; this class forwards to them so callers have one entry point.
 */
final class Protocol {
    final Interpreter in;
    final Access access;
    final Calls calls;

    Protocol(Interpreter in) {
        this.in = in;
        this.access = new Access(in);
        this.calls = new Calls(in);
    }

    String typeName(Object v) {
        if (v == null) return "NoneType";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Long || v instanceof java.math.BigInteger) return "int";
        if (v instanceof Double) return "float";
        if (v instanceof String) return "str";
        if (v instanceof TdlTuple) return "tuple";
        if (v instanceof ArrayList<?>) return "list";
        if (v instanceof Map<?, ?>) return "dict";
        if (v instanceof RangeValue) return "range";
        if (v instanceof TdlInstance i) return i.cls.name;
        if (v instanceof TdlClass || v instanceof BuiltinType) return "type";
        if (v instanceof TdlFunction) return "function";
        if (v instanceof BoundMethod) return "method";
        if (v instanceof MethodDescriptor d) return d.typeName();
        if (v instanceof Property) return "property";
        if (v instanceof TdlModule) return "module";
        if (v instanceof TdlIterator) return "iterator";
        if (v instanceof SuperProxy) return "super";
        if (v instanceof SliceValue) return "slice";
        if (v == NotImplementedValue.NOT_IMPLEMENTED) return "NotImplementedType";
        if (v == tdl.vocab.EllipsisValue.ELLIPSIS) return "ellipsis";
        TypeHooks h = in.hooksFor(v);
        if (h != null) return h.typeName(v);
        if (v instanceof TdlCallable) return "builtin_function_or_method";
        return v.getClass().getSimpleName();
    }

    String str(Object v) {
        if (v instanceof String s) return s;
        if (v instanceof TdlInstance i) {
            Object m = i.cls.lookup("__str__");
            if (m != Scope.MISSING && !(m instanceof Builtin)) return checkedString(calls.call(m, List.of(i), null, (String) null), "__str__");
            if (i.cls.exception) return Exceptions.message(in, i);
            return repr(v);
        }
        TypeHooks h = in.hooksFor(v);
        if (h != null) return h.str(in, v);
        return repr(v);
    }

    private String checkedString(Object r, String method) {
        if (r instanceof String s) return s;
        throw new TdlError(ErrorKind.TYPE_ERROR, method + " returned non-string (type " + typeName(r) + ")");
    }

    String repr(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof Long) return v.toString();
        if (v instanceof java.math.BigInteger) return Ints.toDecimal(v);
        if (v instanceof Double d) return PyFormat.floatRepr(d);
        if (v instanceof String s) return strRepr(s);
        if (v == tdl.vocab.EllipsisValue.ELLIPSIS) return "Ellipsis";
        if (v instanceof TdlTuple t) {
            if (t.size() == 1) return "(" + repr(t.get(0)) + ",)";
            return join("(", t.items(), ")");
        }
        if (v instanceof ArrayList<?> l) return join("[", l, "]");
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(", ");
                first = false;
                sb.append(e.getKey() == m ? "{...}" : repr(e.getKey())).append(": ")
                        .append(e.getValue() == m ? "{...}" : repr(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (v instanceof TdlInstance i) {
            Object m = i.cls.lookup("__repr__");
            if (m != Scope.MISSING && !(m instanceof Builtin)) return checkedString(calls.call(m, List.of(i), null, (String) null), "__repr__");
            if (i.cls.exception) {
                Object args = i.attrs.get("args");
                String inner = args instanceof TdlTuple t && t.size() == 1 ? repr(t.get(0)) : args == null ? "" : repr(args);
                if (args instanceof TdlTuple t && t.size() != 1) inner = inner.substring(1, inner.length() - 1);
                return i.cls.name + "(" + inner + ")";
            }
            return "<" + i.cls.name + " object>";
        }
        if (v instanceof SliceValue s) return "slice(" + repr(s.lo()) + ", " + repr(s.hi()) + ", " + repr(s.step()) + ")";
        TypeHooks h = in.hooksFor(v);
        if (h != null) return h.repr(in, v);
        return v.toString();
    }

    private String join(String open, Collection<?> items, String close) {
        StringBuilder sb = new StringBuilder(open);
        boolean first = true;
        for (Object o : items) {
            if (!first) sb.append(", ");
            first = false;
            sb.append(o == items ? "[...]" : repr(o));
        }
        return sb.append(close).toString();
    }

    static String strRepr(String s) {
        char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c == q) sb.append('\\').append(c);
                    else if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
                    else sb.append(c);
            }
        }
        return sb.append(q).toString();
    }

    boolean truth(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Long l) return l != 0;
        if (v instanceof java.math.BigInteger) return true; // normal form: a BigInteger is never zero
        if (v instanceof Double d) return d != 0;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof Collection<?> c) return !c.isEmpty();
        if (v instanceof TdlTuple t) return t.size() > 0;
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        if (v instanceof RangeValue r) return r.length() > 0;
        if (v instanceof TdlInstance i) {
            Object m = i.cls.lookup("__bool__");
            if (m != Scope.MISSING) return truth(calls.call(m, List.of(i), null, (String) null));
            m = i.cls.lookup("__len__");
            if (m != Scope.MISSING) return len(v) > 0;
            return true;
        }
        TypeHooks h = in.hooksFor(v);
        if (h != null) return h.truth(in, v);
        return true;
    }

    long len(Object v) {
        if (v instanceof String s) return s.codePointCount(0, s.length());
        if (v instanceof Collection<?> c) return c.size();
        if (v instanceof TdlTuple t) return t.size();
        if (v instanceof Map<?, ?> m) return m.size();
        if (v instanceof RangeValue r) return r.length();
        if (v instanceof TdlInstance i) {
            Object m = i.cls.lookup("__len__");
            if (m != Scope.MISSING) {
                Object r = calls.call(m, List.of(i), null, (String) null);
                if (!Ops.isInt(r)) throw new TdlError(ErrorKind.TYPE_ERROR, "__len__ should return an int");
                return Ops.toLong(r);
            }
        }
        TypeHooks h = in.hooksFor(v);
        if (h != null) {
            long n = h.length(in, v);
            if (n >= 0) return n;
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, "object of type '" + typeName(v) + "' has no len()");
    }

    // ---- equality and ordering ----

    boolean equalsValues(Object a, Object b) {
        if (a == b) return true;
        Object r = compare(Operator.EQ, a, b);
        return r instanceof Boolean bb ? bb : truth(r);
    }

    int compareSign(Operator op, Object a, Object b) {
        if (in.hooksFor(a) == null && in.hooksFor(b) == null && !(a instanceof TdlInstance) && !(b instanceof TdlInstance)) {
            return Ops.compare(in, op, a, b);
        }
        if (truth(compare(Operator.LT, a, b))) return -1;
        if (truth(compare(Operator.GT, a, b))) return 1;
        return 0;
    }

    /** Every comparison operator of the language (LT ... IS_NOT). */
    Object compare(Operator op, Object a, Object b) {
        switch (op) {
            case IS: return isSame(a, b);
            case IS_NOT: return !isSame(a, b);
            case IN: return contains(b, a);
            case NOT_IN: return !contains(b, a);
            default: if (!op.isComparison()) throw new IllegalArgumentException("not a comparison: " + op);
        }
        if (in.hooksFor(a) != null || in.hooksFor(b) != null) {
            Object r = hooked(op, a, b);
            if (r != TypeHooks.UNSUPPORTED) return r;
            if (pastInt64(a, b)) return compare(op, plainNumber(a), plainNumber(b));
            if (op == Operator.EQ) return a == b;
            if (op == Operator.NE) return a != b;
            throw unsupportedCompare(op, a, b);
        }
        Object user = userOperator(op, a, b);
        if (user != TypeHooks.UNSUPPORTED) return user;
        if (op == Operator.EQ) return Ops.pyEquals(in, a, b); // identity for instances, as object.__eq__
        if (op == Operator.NE) return !Ops.pyEquals(in, a, b);
        if (a == null || b == null || a instanceof TdlInstance || b instanceof TdlInstance) throw unsupportedCompare(op, a, b);
        int c = Ops.compare(in, op, a, b);
        if (c == Integer.MIN_VALUE) return false;
        return switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case EQ, NE, IN, NOT_IN, IS, IS_NOT, ADD, SUB, MUL, TRUE_DIV, FLOOR_DIV, MOD, POW, MATMUL, AND, OR, XOR,
                    LSHIFT, RSHIFT, NEG, POS, INVERT, NOT, ABS -> throw new IllegalStateException(op.name());
        };
    }

    private TdlError unsupportedCompare(Operator op, Object a, Object b) {
        return new TdlError(ErrorKind.TYPE_ERROR, "'" + op.symbol() + "' not supported between instances of '" + typeName(a)
                + "' and '" + typeName(b) + "'");
    }

    /**
     * Operators a TDL class defines, in Python's order: the left operand's method ({@code __add__}),
     * then the right operand's reflected one ({@code __radd__}; for {@code a < b}, {@code b.__gt__(a)}),
     * the right one first when its class is a subclass of the left's. A method returning
     * NotImplemented passes the turn. Arithmetic is not reflected between operands of one class;
     * comparisons are. Without {@code __ne__}, != is the negation of {@code __eq__}.
     */
    private Object userOperator(Operator op, Object a, Object b) {
        TdlClass ca = a instanceof TdlInstance i ? i.cls : null, cb = b instanceof TdlInstance i ? i.cls : null;
        if (ca == null && cb == null) return TypeHooks.UNSUPPORTED;
        boolean reflect = op.isComparison() || ca != cb;
        boolean rightFirst = reflect && ca != null && cb != null && ca != cb && cb.isSubclassOf(ca);
        if (rightFirst) {
            Object r = method(b, op, op.reflected(), a);
            if (r != TypeHooks.UNSUPPORTED) return r;
        }
        Object r = method(a, op, op.dunder(), b);
        if (r != TypeHooks.UNSUPPORTED || !reflect || rightFirst) return r;
        return method(b, op, op.reflected(), a);
    }

    /** self.name(other) when self's class defines it and it does not return NotImplemented, else UNSUPPORTED. */
    private Object method(Object self, Operator op, String name, Object other) {
        if (name == null || !(self instanceof TdlInstance i)) return TypeHooks.UNSUPPORTED;
        Object m = i.cls.lookup(name);
        if (m == Scope.MISSING || m instanceof Builtin) {
            if (op != Operator.NE) return TypeHooks.UNSUPPORTED;
            Object eq = method(self, Operator.EQ, Operator.EQ.dunder(), other); // object.__ne__ inverts __eq__
            return eq == TypeHooks.UNSUPPORTED ? eq : !truth(eq);
        }
        Object r = calls.call(m, java.util.Arrays.asList(self, other), null, (String) null);
        return r == NotImplementedValue.NOT_IMPLEMENTED ? TypeHooks.UNSUPPORTED : r;
    }

    /** x op= y on a TDL instance: its in-place method ({@code __iadd__}) if it has one, else UNSUPPORTED. */
    Object inPlaceMethod(Operator op, Object a, Object b) {
        return method(a, op, op.inPlace(), b);
    }

    boolean isSame(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof Long || a instanceof Double || a instanceof Boolean || a instanceof String || a instanceof java.math.BigInteger) {
            return a.getClass() == b.getClass() && a.equals(b);
        }
        return false;
    }

    boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            if (!(item instanceof String x)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "'in <string>' requires string as left operand, not " + typeName(item));
            }
            return s.contains(x);
        }
        if (container instanceof Map<?, ?> m) return DictKeys.find(m, item) != Scope.MISSING;
        if (container instanceof RangeValue r) {
            if (item instanceof java.math.BigInteger) return false; // a range's bounds are 64-bit
            if (Ops.isInt(item)) return r.contains(Ops.toLong(item));
            if (item instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.2e18) return r.contains((long) (double) d);
            return false;
        }
        if (container instanceof ArrayList<?> l) {
            for (Object o : l) if (equalsValues(o, item)) return true;
            return false;
        }
        if (container instanceof TdlTuple t) {
            for (Object o : t.items()) if (equalsValues(o, item)) return true;
            return false;
        }
        if (container instanceof TdlInstance i) {
            Object m = i.cls.lookup("__contains__");
            if (m != Scope.MISSING) return truth(calls.call(m, java.util.Arrays.asList(i, item), null, (String) null));
        }
        TypeHooks h = in.hooksFor(container);
        if (h != null) {
            Object r = h.binary(in, Operator.IN, item, container);
            if (r != TypeHooks.UNSUPPORTED) return truth(r);
        }
        Iterator<Object> it = access.iterate(container);
        while (it.hasNext()) if (equalsValues(it.next(), item)) return true;
        return false;
    }

    // ---- arithmetic ----

    /** A binary arithmetic or bitwise operator (ADD ... RSHIFT). */
    Object binary(Operator op, Object a, Object b) {
        if (a instanceof String fmt && op == Operator.MOD) return PyFormat.percent(in, fmt, b);
        if (in.hooksFor(a) != null || in.hooksFor(b) != null) return hookedBinary(op, a, b);
        Object r = Ops.arith(in, op, a, b);
        if (r != TypeHooks.UNSUPPORTED) return r;
        r = userOperator(op, a, b);
        if (r != TypeHooks.UNSUPPORTED) return r;
        throw unsupported(op, a, b);
    }

    // kept out of binary() so that the plain-number path stays small enough for the JIT to inline
    private Object hookedBinary(Operator op, Object a, Object b) {
        Object r = hooked(op, a, b);
        if (r != TypeHooks.UNSUPPORTED) return r;
        // numpy 1.26 leaves these to Python: an integer numpy scalar repeats a sequence as the equal int
        // does ([0] * np.int64(3)), and an int past 64 bits computes as Python objects (np.int64(1) + 2**70)
        if (a instanceof NumpyScalar || b instanceof NumpyScalar) {
            r = Ops.arith(in, op, plainNumber(a), plainNumber(b));
            if (r != TypeHooks.UNSUPPORTED) return r;
        }
        throw unsupported(op, a, b);
    }

    /** A numpy scalar as the equal Python number; anything else as it is. */
    static Object plainNumber(Object v) {
        return v instanceof NumpyScalar s ? s.toPython() : v;
    }

    private static boolean pastInt64(Object a, Object b) {
        return a instanceof NumpyScalar && b instanceof java.math.BigInteger || b instanceof NumpyScalar && a instanceof java.math.BigInteger;
    }

    private TdlError unsupported(Operator op, Object a, Object b) {
        String hint = null;
        // str() helps only when the other side is a plain Python number; for an array or a tensor it would be wrong advice
        Object other = a instanceof String ? b : a;
        if (op == Operator.ADD && (a instanceof String || b instanceof String) && (other instanceof Number || other instanceof Boolean)) {
            hint = "convert with str() first, or use an f-string";
        }
        return new TdlError(ErrorKind.TYPE_ERROR, "unsupported operand type(s) for " + op.symbol() + ": '" + typeName(a) + "' and '"
                + typeName(b) + "'", hint);
    }

    /** The higher-priority operand's hooks first, then the other's; original operand order. */
    private Object hooked(Operator op, Object a, Object b) {
        TypeHooks ha = in.hooksFor(a), hb = in.hooksFor(b);
        TypeHooks first = ha, second = hb;
        if (ha == null || (hb != null && hb.priority() > ha.priority())) { first = hb; second = ha; }
        Object r = first.binary(in, op, a, b);
        if (r == TypeHooks.UNSUPPORTED && second != null && second != first) r = second.binary(in, op, a, b);
        return r;
    }

    /** NEG, POS, INVERT or ABS (abs()). */
    Object unary(Operator op, Object a) {
        TypeHooks h = in.hooksFor(a);
        if (h != null) {
            Object r = h.unary(in, op, a);
            if (r != TypeHooks.UNSUPPORTED) return r;
        } else if (Ints.isInt(a)) {
            Object r = Ints.unary(op, a);
            if (r != TypeHooks.UNSUPPORTED) return r;
        } else if (a instanceof Double d) {
            switch (op) {
                case NEG: return -d;
                case POS: return d;
                case ABS: return Math.abs(d);
                default: break;
            }
        } else if (a instanceof TdlInstance i && op.dunder() != null) {
            Object m = i.cls.lookup(op.dunder());
            if (m != Scope.MISSING) return calls.call(m, List.of(i), null, (String) null);
        }
        String shown = op == Operator.ABS ? "abs()" : "unary " + op.symbol();
        throw new TdlError(ErrorKind.TYPE_ERROR, "bad operand type for " + shown + ": '" + typeName(a) + "'");
    }

    // ---- numbers for formatting ----

    /** A plain number for a numeric format; hooked values convert through __float__ (or item). */
    Object toNumber(Object v, String what) {
        if (v instanceof Long || v instanceof Double || v instanceof java.math.BigInteger) return v;
        if (v instanceof Boolean b) return b ? 1L : 0L;
        if (v instanceof NumpyScalar s) return s.isFloat() ? (Object) s.doubleValue() : (Object) s.longValue();
        TypeHooks h = in.hooksFor(v);
        if (h != null || v instanceof TdlInstance) {
            for (String name : new String[] {"__float__", "item"}) {
                Object m;
                try {
                    m = access.getAttr(v, name);
                } catch (TdlError e) {
                    if (e.kind() != ErrorKind.ATTRIBUTE_ERROR) throw e;
                    continue;
                }
                Object r = calls.call(m, List.of(), null, (String) null);
                if (r instanceof Long || r instanceof Double) return r;
                if (r instanceof Boolean b) return b ? 1L : 0L;
            }
        }
        // int() and float() word it as Python does; %d and friends keep the format wording
        if (what.equals("int()")) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "int() argument must be a string, a bytes-like object or a real number, not '" + typeName(v) + "'");
        }
        if (what.equals("float()")) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "float() argument must be a string or a real number, not '" + typeName(v) + "'");
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, "a real number is required for format " + what + ", not " + typeName(v));
    }

    /** One replacement field of an f-string or str.format: conversion then format spec. */
    String formatValue(Object v, String conv, String spec) {
        // numpy scalars format as the Python number they hold: f"{np.float32(0.1)}" is 0.10000000149011612
        if (conv == null && v instanceof NumpyScalar s) v = s.toPython();
        TypeHooks hooks = conv == null ? in.hooksFor(v) : null;
        if (hooks != null) v = hooks.formatted(in, v, spec);
        if (conv != null) {
            switch (conv) {
                case "r": case "a": v = repr(v); break;
                case "s": v = str(v); break;
                default: throw new TdlError(ErrorKind.VALUE_ERROR, "Unknown conversion specifier " + conv);
            }
        }
        if (spec == null || spec.isEmpty()) return str(v);
        if (v instanceof TdlInstance i && i.cls.lookup("__format__") != Scope.MISSING) {
            return str(calls.call(i.cls.lookup("__format__"), List.of(i, spec), null, (String) null));
        }
        if ((in.hooksFor(v) != null || v instanceof TdlInstance) && PyFormat.isNumericSpec(spec)) {
            v = toNumber(v, "'" + spec + "'");
        }
        return PyFormat.format(in, v, spec);
    }

    // ---- forwarding ----

    Object getAttr(Object obj, String name) { return access.getAttr(obj, name); }

    Object getItem(Object obj, Object index) { return access.getItem(obj, index); }

    List<String> dir(Object v) { return access.dir(v); }

    Object call(Object f, List<Object> args, Map<String, Object> kwargs, SourcePos pos) {
        return calls.call(f, args, kwargs, (String) null);
    }

    static Map<Object, Object> newDict() { return new LinkedHashMap<>(); }
}
