package tdl.interp;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import tdl.syntax.TdlError;

/** Attributes, subscripts and iteration of every kind of value. */
final class Access {
    private final Interpreter in;

    Access(Interpreter in) { this.in = in; }

    // ---- attributes ----

    Object getAttr(Object obj, String name) {
        if (obj instanceof TdlInstance i) {
            Object v = i.attrs.getOrDefault(name, Scope.MISSING);
            if (v != Scope.MISSING) return v;
            if (name.equals("__class__")) return i.cls;
            if (name.equals("__dict__")) return i.attrs;
            v = i.cls.lookup(name);
            if (v instanceof Property p) return p.get(in, i, name);
            if (v instanceof MethodDescriptor d) return d.bindTo(i.cls);
            if (v != Scope.MISSING) return bind(v, i);
            Object ga = i.cls.lookup("__getattr__");
            if (ga != Scope.MISSING) return in.protocol.call(ga, java.util.Arrays.asList(i, name), null, null);
            throw noAttribute(obj, name);
        }
        if (obj instanceof TdlClass c) {
            Object v = c.lookup(name);
            if (v instanceof MethodDescriptor d) return d.bindTo(c);
            if (v != Scope.MISSING) return v;
            if (name.equals("__name__")) return c.name;
            if (name.equals("__bases__")) return c.base == null ? TdlTuple.of() : TdlTuple.of(c.base);
            throw new TdlError(ErrorKind.ATTRIBUTE_ERROR, "type object '" + c.name + "' has no attribute '" + name + "'",
                    hint(name, dir(obj)));
        }
        if (obj instanceof SuperProxy sp) {
            Object v = sp.start() == null ? Scope.MISSING : sp.start().lookup(name);
            if (v instanceof MethodDescriptor d) {
                Object self = sp.self();
                return d.bindTo(self instanceof TdlInstance i ? i.cls : self instanceof TdlClass c ? c : sp.start());
            }
            if (v != Scope.MISSING) return bind(v, sp.self());
            throw new TdlError(ErrorKind.ATTRIBUTE_ERROR, "'super' object has no attribute '" + name + "'");
        }
        if (obj instanceof TdlModule m) {
            Object v = m.members().getOrDefault(name, Scope.MISSING);
            if (v != Scope.MISSING) return v;
            TdlModule sub = in.modules.get(m.name() + "." + name);
            if (sub != null) return sub;
            if (name.equals("__name__")) return m.name();
            throw new TdlError(ErrorKind.ATTRIBUTE_ERROR, "module '" + m.name() + "' has no attribute '" + name + "'",
                    hint(name, dir(obj)));
        }
        if (obj instanceof TdlFunction f) {
            if (name.equals("__name__")) return f.name;
            if (name.equals("__doc__") && !f.attributes.containsKey(name)) return f.doc;
            Object v = f.attributes.getOrDefault(name, Scope.MISSING);
            if (v != Scope.MISSING) return v;
        }
        if (obj instanceof Property p) {
            Object v = p.attribute(name);
            if (v != Scope.MISSING) return v;
            throw noAttribute(obj, name);
        }
        if (obj instanceof BuiltinType t && name.equals("__name__")) return t.name();
        if (obj instanceof Builtin b && name.equals("__name__")) return b.name();
        TypeHooks h = in.hooksFor(obj);
        if (h != null) {
            Object v = h.getAttr(in, obj, name);
            if (v != TypeHooks.UNSUPPORTED) return BuiltinMethod.named(h.typeName(obj), name, v);
            throw noAttribute(obj, name);
        }
        Object method = Methods.lookup(in, obj, name);
        if (method != null) return method;
        throw noAttribute(obj, name);
    }

    private static Object bind(Object v, Object self) {
        if (v instanceof TdlFunction || v instanceof Builtin) return new BoundMethod(self, v);
        return v;
    }

    private TdlError noAttribute(Object obj, String name) {
        if (obj instanceof BuiltinType t) { // Python: type object 'str' has no attribute 'foo'
            return new TdlError(ErrorKind.ATTRIBUTE_ERROR, "type object '" + t.name() + "' has no attribute '" + name + "'",
                    hint(name, dir(obj)));
        }
        String hint = hint(name, dir(obj));
        return new TdlError(ErrorKind.ATTRIBUTE_ERROR, "'" + in.typeName(obj) + "' object has no attribute '" + name + "'", hint);
    }

    static String hint(String name, Iterable<String> candidates) {
        String best = Names.closest(name, candidates);
        return best == null ? null : "did you mean '" + best + "'?";
    }

    void setAttr(Object obj, String name, Object value) {
        if (obj instanceof TdlInstance i) {
            if (i.cls.lookup(name) instanceof Property p) { // a data descriptor wins over the instance's dict
                p.set(in, i, name, value);
                return;
            }
            Object sa = i.cls.lookup("__setattr__");
            if (sa != Scope.MISSING && !(sa instanceof Builtin)) {
                in.protocol.call(sa, java.util.Arrays.asList(i, name, value), null, null);
                return;
            }
            i.attrs.put(name, value);
            return;
        }
        if (obj instanceof TdlClass c) { c.attrs.put(name, value); return; }
        if (obj instanceof TdlModule m) { m.members().put(name, value); return; }
        if (obj instanceof TdlFunction f) { f.attributes.put(name, value); return; }
        TypeHooks h = in.hooksFor(obj);
        if (h != null && h.setAttr(in, obj, name, value) != TypeHooks.UNSUPPORTED) return;
        throw new TdlError(ErrorKind.ATTRIBUTE_ERROR, "'" + in.typeName(obj) + "' object has no attribute '" + name
                + "' that can be set");
    }

    void delAttr(Object obj, String name) {
        Map<String, Object> map = obj instanceof TdlInstance i ? i.attrs : obj instanceof TdlClass c ? c.attrs
                : obj instanceof TdlModule m ? m.members() : null;
        if (map == null || !map.containsKey(name)) throw noAttribute(obj, name);
        map.remove(name);
    }

    List<String> dir(Object v) {
        TreeSet<String> names = new TreeSet<>();
        if (v instanceof TdlInstance i) {
            names.addAll(i.attrs.keySet());
            for (TdlClass c = i.cls; c != null; c = c.base) names.addAll(c.attrs.keySet());
        } else if (v instanceof TdlClass c) {
            for (TdlClass k = c; k != null; k = k.base) names.addAll(k.attrs.keySet());
        } else if (v instanceof TdlModule m) {
            names.addAll(m.members().keySet());
            String prefix = m.name() + ".";
            for (String k : in.modules.keySet()) {
                if (k.startsWith(prefix) && k.indexOf('.', prefix.length()) < 0) names.add(k.substring(prefix.length()));
            }
        } else {
            TypeHooks h = in.hooksFor(v);
            if (h != null) names.addAll(h.attributeNames(v));
            else names.addAll(Methods.names(v));
        }
        return new ArrayList<>(names);
    }

    // ---- subscripts ----

    Object getItem(Object obj, Object index) {
        if (obj instanceof ArrayList<?> l) {
            if (index instanceof SliceValue s) return new ArrayList<Object>(slice(l, s));
            return l.get(seqIndex(index, l.size(), "list"));
        }
        if (obj instanceof TdlTuple t) {
            if (index instanceof SliceValue s) return new TdlTuple(slice(t.items(), s));
            return t.get(seqIndex(index, t.size(), "tuple"));
        }
        if (obj instanceof String str) {
            if (index instanceof SliceValue s) {
                StringBuilder sb = new StringBuilder();
                for (Object c : slice(chars(str), s)) sb.append(c);
                return sb.toString();
            }
            List<Object> cs = chars(str);
            return cs.get(seqIndex(index, cs.size(), "string"));
        }
        if (obj instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> map = (Map<Object, Object>) m;
            return DictKeys.get(map, index, in);
        }
        if (obj instanceof RangeValue r) {
            if (index instanceof SliceValue s) {
                long[] ix = sliceIndices(s, r.length());
                return new RangeValue(r.get(ix[0]), r.get(ix[0]) + ix[3] * r.step() * ix[2], r.step() * ix[2]);
            }
            return r.get(seqIndex(index, (int) r.length(), "range object"));
        }
        if (obj instanceof TdlInstance i) {
            Object m = i.cls.lookup("__getitem__");
            if (m != Scope.MISSING) return in.protocol.call(m, java.util.Arrays.asList(i, index), null, null);
        }
        TypeHooks h = in.hooksFor(obj);
        if (h != null) {
            Object r = h.getItem(in, obj, index);
            if (r != TypeHooks.UNSUPPORTED) return r;
        }
        if (obj instanceof TdlClass || obj instanceof BuiltinType) return obj; // list[int] style annotations
        throw new TdlError(ErrorKind.TYPE_ERROR, "'" + in.typeName(obj) + "' object is not subscriptable");
    }

    @SuppressWarnings("unchecked")
    void setItem(Object obj, Object index, Object value) {
        if (obj instanceof ArrayList<?> l0) {
            ArrayList<Object> l = (ArrayList<Object>) l0;
            if (index instanceof SliceValue s) { assignSlice(l, s, value); return; }
            l.set(seqIndex(index, l.size(), "list assignment"), value);
            return;
        }
        if (obj instanceof Map<?, ?> m) { DictKeys.put((Map<Object, Object>) m, index, value); return; }
        if (obj instanceof TdlInstance i) {
            Object m = i.cls.lookup("__setitem__");
            if (m != Scope.MISSING) {
                in.protocol.call(m, java.util.Arrays.asList(i, index, value), null, null);
                return;
            }
        }
        TypeHooks h = in.hooksFor(obj);
        if (h != null && h.setItem(in, obj, index, value) != TypeHooks.UNSUPPORTED) return;
        throw new TdlError(ErrorKind.TYPE_ERROR, "'" + in.typeName(obj) + "' object does not support item assignment");
    }

    @SuppressWarnings("unchecked")
    void delItem(Object obj, Object index) {
        if (obj instanceof ArrayList<?> l0) {
            ArrayList<Object> l = (ArrayList<Object>) l0;
            if (index instanceof SliceValue s) {
                long[] ix = sliceIndices(s, l.size());
                List<Integer> drop = new ArrayList<>();
                for (long k = 0, p = ix[0]; k < ix[3]; k++, p += ix[2]) drop.add((int) p);
                Collections.sort(drop, Collections.reverseOrder());
                for (int p : drop) l.remove(p);
                return;
            }
            l.remove(seqIndex(index, l.size(), "list assignment"));
            return;
        }
        if (obj instanceof Map<?, ?> m) {
            Object k = DictKeys.find(m, index);
            if (k == Scope.MISSING) throw new MissingKeyError(in, index);
            ((Map<Object, Object>) m).remove(k);
            return;
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, "'" + in.typeName(obj) + "' object does not support item deletion");
    }

    private void assignSlice(ArrayList<Object> l, SliceValue s, Object value) {
        List<Object> items = in.protocol.access.toList(value);
        long[] ix = sliceIndices(s, l.size());
        if (ix[2] == 1) {
            int lo = (int) ix[0], hi = (int) Math.max(ix[0], ix[1]);
            l.subList(lo, hi).clear();
            l.addAll(lo, items);
            return;
        }
        if (items.size() != ix[3]) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "attempt to assign sequence of size " + items.size()
                    + " to extended slice of size " + ix[3]);
        }
        for (int k = 0; k < ix[3]; k++) l.set((int) (ix[0] + k * ix[2]), items.get(k));
    }

    static List<Object> chars(String s) {
        List<Object> out = new ArrayList<>(s.length());
        s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        return out;
    }

    int seqIndex(Object index, int size, String what) {
        long i;
        if (index instanceof java.math.BigInteger) throw new TdlError(ErrorKind.INDEX_ERROR, "cannot fit 'int' into an index-sized integer");
        if (Ops.isInt(index)) i = Ops.toLong(index);
        else {
            Object n = index instanceof TdlInstance || in.hooksFor(index) != null ? indexOf(index) : null;
            if (n == null) {
                throw new TdlError(ErrorKind.TYPE_ERROR, what.split(" ")[0] + " indices must be integers or slices, not "
                        + in.typeName(index));
            }
            i = (Long) n;
        }
        long j = i < 0 ? i + size : i;
        if (j < 0 || j >= size) throw new TdlError(ErrorKind.INDEX_ERROR, what + " index out of range",
                "valid indices are " + (-size) + " to " + (size - 1));
        return (int) j;
    }

    /** An integer from a hooked scalar (a size-1 int array), or null. */
    private Object indexOf(Object v) {
        if (v instanceof NumpyScalar s) return s.isIndex() ? (Object) s.longValue() : null; // a float has no __index__
        Object r;
        try {
            r = in.protocol.toNumber(v, "index");
        } catch (TdlError e) {
            return null;
        }
        if (r instanceof Long) return r;
        if (r instanceof Double d && d == Math.rint(d)) return (long) (double) d;
        return null;
    }

    /** start, stop, step, count of a slice over a sequence of the given length (Python's slice.indices). */
    long[] sliceIndices(SliceValue s, long len) {
        long step = s.step() == null ? 1 : sliceBound(s.step());
        if (step == 0) throw new TdlError(ErrorKind.VALUE_ERROR, "slice step cannot be zero");
        long lo, hi;
        if (step > 0) {
            lo = s.lo() == null ? 0 : clamp(sliceBound(s.lo()), len, 0, len);
            hi = s.hi() == null ? len : clamp(sliceBound(s.hi()), len, 0, len);
        } else {
            lo = s.lo() == null ? len - 1 : clamp(sliceBound(s.lo()), len, -1, len - 1);
            hi = s.hi() == null ? -1 : clamp(sliceBound(s.hi()), len, -1, len - 1);
        }
        long count = step > 0 ? (hi > lo ? (hi - lo + step - 1) / step : 0) : (lo > hi ? (lo - hi - step - 1) / (-step) : 0);
        return new long[] {lo, hi, step, count};
    }

    private long sliceBound(Object v) {
        // a bound past 64 bits is clamped as Python clamps it; a quarter of the long range keeps the arithmetic exact
        if (v instanceof java.math.BigInteger b) return b.signum() > 0 ? Long.MAX_VALUE / 4 : Long.MIN_VALUE / 4;
        if (Ops.isInt(v)) return Ops.toLong(v);
        Object n = indexOf(v);
        if (n != null) return (Long) n;
        throw new TdlError(ErrorKind.TYPE_ERROR, "slice indices must be integers or None, not " + in.typeName(v));
    }

    private static long clamp(long i, long len, long min, long max) {
        if (i < 0) i += len;
        return Math.max(min, Math.min(max, i));
    }

    private List<Object> slice(List<?> items, SliceValue s) {
        long[] ix = sliceIndices(s, items.size());
        List<Object> out = new ArrayList<>((int) ix[3]);
        for (long k = 0, p = ix[0]; k < ix[3]; k++, p += ix[2]) out.add(items.get((int) p));
        return out;
    }

    // ---- iteration ----

    /** Built-ins that walk a sequence look at the interrupt flag once per this many items (plus one). */
    private static final int CHECK_EVERY = 4095;

    @SuppressWarnings("unchecked")
    Iterator<Object> iterate(Object v) {
        if (v instanceof ArrayList<?> l) {
            // live, index-based: appending while iterating is seen, as in Python
            ArrayList<Object> list = (ArrayList<Object>) l;
            return new Iterator<>() {
                int i;
                public boolean hasNext() { return i < list.size(); }
                public Object next() {
                    if ((i & CHECK_EVERY) == CHECK_EVERY) in.checkInterrupt(); // sum/max/list() of a huge list
                    return list.get(i++);
                }
            };
        }
        if (v instanceof TdlTuple t) return t.items().iterator();
        if (v instanceof String s) return chars(s).iterator();
        if (v instanceof Map<?, ?> m) return new ArrayList<Object>(m.keySet()).iterator();
        if (v instanceof RangeValue r) {
            return new Iterator<>() {
                long i;
                final long n = r.length();
                public boolean hasNext() { return i < n; }
                public Object next() {
                    if ((i & CHECK_EVERY) == CHECK_EVERY) in.checkInterrupt(); // sum(range(10**12)) must stop
                    return r.get(i++);
                }
            };
        }
        if (v instanceof TdlIterator it) return it.it();
        if (v instanceof TdlInstance i) {
            Object m = i.cls.lookup("__iter__");
            if (m != Scope.MISSING) {
                Object r = in.protocol.call(m, List.of(i), null, null);
                if (r == i) return nextProtocol(i);
                return iterate(r);
            }
            if (i.cls.lookup("__getitem__") != Scope.MISSING) return indexProtocol(i);
        }
        TypeHooks h = in.hooksFor(v);
        if (h != null) {
            Iterable<Object> items = h.iterate(in, v);
            if (items != null) return items.iterator();
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, "'" + in.typeName(v) + "' object is not iterable");
    }

    private Iterator<Object> nextProtocol(TdlInstance i) {
        Object m = i.cls.lookup("__next__");
        if (m == Scope.MISSING) throw new TdlError(ErrorKind.TYPE_ERROR, "iter() returned non-iterator of type '" + i.cls.name + "'");
        return new Iterator<>() {
            Object pending = Scope.MISSING;
            boolean done;
            public boolean hasNext() {
                if (done) return false;
                if (pending != Scope.MISSING) return true;
                try {
                    pending = in.protocol.call(m, List.of(i), null, null);
                    return true;
                } catch (TdlError e) {
                    if (e.kind() != ErrorKind.STOP_ITERATION) throw e;
                    done = true;
                    return false;
                }
            }
            public Object next() {
                if (!hasNext()) throw new NoSuchElementException();
                Object r = pending;
                pending = Scope.MISSING;
                return r;
            }
        };
    }

    private Iterator<Object> indexProtocol(TdlInstance i) {
        List<Object> items = new ArrayList<>();
        for (long k = 0; ; k++) {
            try {
                items.add(getItem(i, k));
            } catch (TdlError e) {
                if (e.kind() == ErrorKind.INDEX_ERROR || e.kind() == ErrorKind.STOP_ITERATION) break;
                throw e;
            }
        }
        return items.iterator();
    }

    /** All items of an iterable, as a new list. */
    List<Object> toList(Object v) {
        if (v instanceof ArrayList<?> l) return new ArrayList<Object>(l);
        if (v instanceof TdlTuple t) return new ArrayList<>(t.items());
        // list(range(10**10)) is refused before it fills the heap: a boxed int and its reference per item
        List<Object> out = v instanceof RangeValue r ? new ArrayList<>(tdl.graph.Memory.repeated(r.length(), 1, 20, "list")) : new ArrayList<>();
        Iterator<Object> it = iterate(v);
        while (it.hasNext()) out.add(it.next());
        return out;
    }
}
