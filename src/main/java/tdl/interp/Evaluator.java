package tdl.interp;

import tdl.vocab.Operator;
import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.syntax.SourcePos;
import tdl.syntax.TdlError;
import tdl.syntax.ast.Expr;

/**
 * Evaluates expressions. Every node that runs an operation (call, operator, subscript, attribute,
 * comparison) makes its position current while the operation runs, so library code can tag graph
 * nodes with it and errors without a position get it.
 */
final class Evaluator {
    private final Interpreter in;
    private final Protocol p;

    Evaluator(Interpreter in) {
        this.in = in;
        this.p = in.protocol;
    }

    Object eval(Expr e, Scope sc) {
        if (e instanceof Expr.Name n) return lookup(n, sc);
        if (e instanceof Expr.Literal l) return l.value();
        if (e instanceof Expr.Binary b) {
            Object l = eval(b.left(), sc), r = eval(b.right(), sc);
            return at(b.pos(), () -> p.binary(b.op(), l, r));
        }
        if (e instanceof Expr.Call c) return call(c, sc);
        if (e instanceof Expr.Attribute a) {
            Object obj = eval(a.object(), sc);
            return at(a.pos(), () -> p.access.getAttr(obj, a.name()));
        }
        if (e instanceof Expr.Subscript s) {
            Object obj = eval(s.object(), sc);
            Object idx = index(s.index(), sc);
            return at(s.pos(), () -> p.access.getItem(obj, idx));
        }
        if (e instanceof Expr.Compare c) return compare(c, sc);
        if (e instanceof Expr.Unary u) {
            Object v = eval(u.operand(), sc);
            return at(u.pos(), () -> p.unary(u.op(), v));
        }
        if (e instanceof Expr.Not n) return !truth(eval(n.operand(), sc), n.pos());
        if (e instanceof Expr.BoolOp b) {
            Object l = eval(b.left(), sc);
            boolean t = truth(l, b.pos());
            if (b.op().equals("and") ? !t : t) return l;
            return eval(b.right(), sc);
        }
        if (e instanceof Expr.IfExpr i) {
            return truth(eval(i.condition(), sc), i.pos()) ? eval(i.then(), sc) : eval(i.otherwise(), sc);
        }
        if (e instanceof Expr.TupleExpr t) return new TdlTuple(items(t.items(), sc));
        if (e instanceof Expr.ListExpr l) return items(l.items(), sc);
        if (e instanceof Expr.DictExpr d) return dict(d, sc);
        if (e instanceof Expr.FString f) return fstring(f, sc);
        if (e instanceof Expr.Lambda l) return in.executor.makeFunction("<lambda>", l.pos(), l.params(), null, l.body(), sc);
        if (e instanceof Expr.ListComp c) return listComp(c, sc);
        if (e instanceof Expr.DictComp c) return dictComp(c, sc);
        if (e instanceof Expr.Slice s) return slice(s, sc);
        if (e instanceof Expr.Starred s) {
            throw new TdlError(ErrorKind.SYNTAX_ERROR, "can't use starred expression here", s.pos(), null);
        }
        throw new TdlError(ErrorKind.INTERNAL_ERROR, "unknown expression " + e.getClass().getSimpleName(), e.pos(), null);
    }

    boolean truth(Object v, SourcePos pos) {
        if (v instanceof Boolean b) return b;
        try {
            return p.truth(v);
        } catch (RuntimeException | StackOverflowError t) {
            throw in.convert(t, pos);
        }
    }

    private Object lookup(Expr.Name n, Scope sc) {
        Object v = sc.lookup(n.id());
        if (v != Scope.MISSING) return v;
        v = in.builtins.getOrDefault(n.id(), Scope.MISSING);
        if (v != Scope.MISSING) return v;
        Set<String> names = sc.visibleNames();
        names.addAll(in.builtins.keySet());
        String hint = Access.hint(n.id(), names);
        throw new TdlError(ErrorKind.NAME_ERROR, "name '" + n.id() + "' is not defined", n.pos(), hint);
    }

    Object index(Expr e, Scope sc) {
        if (e instanceof Expr.Slice s) return slice(s, sc);
        if (e instanceof Expr.TupleExpr t) {
            List<Object> parts = new ArrayList<>(t.items().size());
            for (Expr x : t.items()) parts.add(index(x, sc));
            return new TdlTuple(parts);
        }
        return eval(e, sc);
    }

    private SliceValue slice(Expr.Slice s, Scope sc) {
        return new SliceValue(s.lo() == null ? null : eval(s.lo(), sc), s.hi() == null ? null : eval(s.hi(), sc),
                s.step() == null ? null : eval(s.step(), sc));
    }

    private ArrayList<Object> items(List<Expr> exprs, Scope sc) {
        ArrayList<Object> out = new ArrayList<>(exprs.size());
        for (Expr x : exprs) {
            if (x instanceof Expr.Starred s) {
                Object v = eval(s.value(), sc);
                try {
                    out.addAll(p.access.toList(v));
                } catch (RuntimeException t) {
                    throw in.convert(t, s.pos());
                }
            } else out.add(eval(x, sc));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Object dict(Expr.DictExpr d, Scope sc) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < d.keys().size(); i++) {
            Expr k = d.keys().get(i);
            if (k == null) {
                Object v = eval(d.values().get(i), sc);
                if (!(v instanceof Map<?, ?> src)) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "'" + in.typeName(v) + "' object is not a mapping", d.pos(), null);
                }
                for (Map.Entry<?, ?> en : src.entrySet()) DictKeys.put(m, en.getKey(), en.getValue());
                continue;
            }
            Object key = eval(k, sc);
            Object v = eval(d.values().get(i), sc);
            try {
                DictKeys.put(m, key, v);
            } catch (TdlError t) {
                throw t.at(k.pos());
            }
        }
        return m;
    }

    /**
     * Runs one step that may call into builtins or hooks: graph nodes built meanwhile record
     * {@code pos} as their origin, and anything thrown comes out as a TdlError positioned there.
     */
    private <T> T at(SourcePos pos, java.util.function.Supplier<T> step) {
        SourcePos saved = in.currentPos;
        in.currentPos = pos;
        try {
            return step.get();
        } catch (RuntimeException | StackOverflowError t) {
            throw in.convert(t, pos);
        } finally {
            in.currentPos = saved;
        }
    }

    private String fstring(Expr.FString f, Scope sc) {
        StringBuilder sb = new StringBuilder();
        for (Object part : f.parts()) {
            if (part instanceof String s) { sb.append(s); continue; }
            Expr.FormatField ff = (Expr.FormatField) part;
            Object v = eval(ff.value(), sc);
            String spec = ff.spec();
            if (spec != null && spec.contains("{")) spec = nestedSpec(spec, sc, f.pos());
            String fspec = spec;
            sb.append(at(ff.value().pos(), () -> p.formatValue(v, ff.conversion(), fspec)));
        }
        return sb.toString();
    }

    /** {x:{width}.{prec}f}: the nested fields may only be names (looked up in scope). */
    private String nestedSpec(String spec, Scope sc, SourcePos pos) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i);
            if (c == '{') {
                int close = spec.indexOf('}', i);
                String name = spec.substring(i + 1, close).trim();
                sb.append(p.str(lookup(new Expr.Name(pos, name), sc)));
                i = close + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private Object compare(Expr.Compare c, Scope sc) {
        Object left = eval(c.operands().get(0), sc);
        int n = c.ops().size();
        Object result = null;
        for (int i = 0; i < n; i++) {
            Object right = eval(c.operands().get(i + 1), sc);
            Object l = left, r = right;
            Operator op = c.ops().get(i);
            result = at(c.pos(), () -> p.compare(op, l, r));
            if (i < n - 1 && !truth(result, c.pos())) return result;
            left = right;
        }
        return result;
    }

    private Object call(Expr.Call c, Scope sc) {
        Object f = eval(c.function(), sc);
        List<Object> args = new ArrayList<>(c.args().size());
        Map<String, Object> kwargs = null;
        for (Expr.Argument a : c.args()) {
            Object v = eval(a.value(), sc);
            if (a.star()) {
                try {
                    args.addAll(p.access.toList(v));
                } catch (RuntimeException t) {
                    throw in.convert(t, a.value().pos());
                }
            } else if (a.doubleStar()) {
                if (!(v instanceof Map<?, ?> m)) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "argument after ** must be a mapping, not " + in.typeName(v),
                            a.value().pos(), null);
                }
                if (kwargs == null) kwargs = new LinkedHashMap<>();
                for (Map.Entry<?, ?> en : m.entrySet()) {
                    if (!(en.getKey() instanceof String k)) {
                        throw new TdlError(ErrorKind.TYPE_ERROR, "keywords must be strings", a.value().pos(), null);
                    }
                    kwargs.put(k, en.getValue());
                }
            } else if (a.name() != null) {
                if (kwargs == null) kwargs = new LinkedHashMap<>();
                if (kwargs.containsKey(a.name())) {
                    throw new TdlError(ErrorKind.SYNTAX_ERROR, "keyword argument repeated: " + a.name(), a.value().pos(), null);
                }
                kwargs.put(a.name(), v);
            } else args.add(v);
        }
        String name = c.function() instanceof Expr.Name n ? n.id()
                : c.function() instanceof Expr.Attribute at ? at.name() : null;
        Map<String, Object> kw = kwargs;
        return at(c.pos(), () -> p.calls.call(f, args, kw, name));
    }

    // ---- comprehensions: the loop variables live in their own scope ----

    private Object listComp(Expr.ListComp c, Scope sc) {
        ArrayList<Object> out = new ArrayList<>();
        Scope inner = new Scope(new HashMap<>(), sc.globals, sc.isModule() ? null : sc, false);
        comprehend(c.clauses(), 0, inner, () -> out.add(eval(c.element(), inner)), c.pos());
        return out;
    }

    private Object dictComp(Expr.DictComp c, Scope sc) {
        Map<Object, Object> out = new LinkedHashMap<>();
        Scope inner = new Scope(new HashMap<>(), sc.globals, sc.isModule() ? null : sc, false);
        comprehend(c.clauses(), 0, inner, () -> DictKeys.put(out, eval(c.key(), inner), eval(c.value(), inner)), c.pos());
        return out;
    }

    private void comprehend(List<Expr.CompFor> clauses, int k, Scope sc, Runnable body, SourcePos pos) {
        if (k == clauses.size()) { body.run(); return; }
        Expr.CompFor cf = clauses.get(k);
        Object iterable = eval(cf.iterable(), sc);
        Iterator<Object> it;
        try {
            it = p.access.iterate(iterable);
        } catch (RuntimeException t) {
            throw in.convert(t, cf.iterable().pos());
        }
        outer:
        while (it.hasNext()) {
            in.checkInterrupt();
            in.executor.assign(cf.target(), it.next(), sc);
            for (Expr cond : cf.conditions()) if (!truth(eval(cond, sc), cond.pos())) continue outer;
            comprehend(clauses, k + 1, sc, body, pos);
        }
    }
}
