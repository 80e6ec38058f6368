package tdl.interp;

import tdl.vocab.Operator;
import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.syntax.SourcePos;
import tdl.syntax.TdlError;
import tdl.syntax.ast.Expr;
import tdl.syntax.ast.Module;
import tdl.syntax.ast.Param;
import tdl.syntax.ast.Stmt;

/** Executes statements. break/continue/return unwind as {@link ControlSignal}s. */
final class Executor {
    private static final ControlSignal.Break BREAK = new ControlSignal.Break();
    private static final ControlSignal.Continue CONTINUE = new ControlSignal.Continue();

    private final Interpreter in;

    // attribute, item and call helpers held directly (built before us by the Interpreter), rather
    // than reached through in.protocol on every statement
    private final Access access;
    private final Calls calls;

    Executor(Interpreter in) {
        this.in = in;
        this.access = in.protocol.access;
        this.calls = in.protocol.calls;
    }

    private Evaluator ev() { return in.evaluator; }

    Object runModule(Module m, Scope sc, boolean wantLast) {
        // the statements before a last expression are module level too: a return among them is the
        // same SyntaxError (it escaped as a Java exception through Session.exec)
        try {
            return runBody(m.body(), sc, wantLast);
        } catch (ControlSignal.Return r) {
            throw new TdlError(ErrorKind.SYNTAX_ERROR, "'return' outside function", r.pos, null);
        } catch (ControlSignal.Break | ControlSignal.Continue b) {
            throw new TdlError(ErrorKind.SYNTAX_ERROR, "'break' or 'continue' outside loop");
        }
    }

    private Object runBody(List<Stmt> body, Scope sc, boolean wantLast) {
        int n = body.size();
        if (wantLast && n > 0 && body.get(n - 1) instanceof Stmt.ExprStmt last) {
            execBlock(body.subList(0, n - 1), sc);
            try {
                in.checkInterrupt();
                return ev().eval(last.expr(), sc);
            } catch (ControlSignal c) {
                throw c;
            } catch (RuntimeException | StackOverflowError t) {
                throw in.convert(t, last.pos()); // a time limit reached here still names the line
            }
        }
        execBlock(body, sc);
        return null;
    }

    Object runFunction(TdlFunction f, Scope sc) {
        if (f.lambdaBody != null) return ev().eval(f.lambdaBody, sc);
        try {
            execBlock(f.body, sc);
        } catch (ControlSignal.Return r) {
            return r.value;
        }
        return null;
    }

    void execBlock(List<Stmt> body, Scope sc) {
        for (Stmt s : body) exec(s, sc);
    }

    private void exec(Stmt s, Scope sc) {
        try {
            in.checkInterrupt();
            execInner(s, sc);
        } catch (ControlSignal c) {
            throw c;
        } catch (RuntimeException | StackOverflowError t) {
            throw in.convert(t, s.pos());
        }
    }

    private void execInner(Stmt s, Scope sc) {
        if (s instanceof Stmt.ExprStmt e) { ev().eval(e.expr(), sc); return; }
        if (s instanceof Stmt.Assign a) {
            Object v = ev().eval(a.value(), sc);
            for (Expr t : a.targets()) assign(t, v, sc);
            return;
        }
        if (s instanceof Stmt.AugAssign a) { augAssign(a, sc); return; }
        if (s instanceof Stmt.If i) {
            for (int k = 0; k < i.conditions().size(); k++) {
                Expr c = i.conditions().get(k);
                if (ev().truth(ev().eval(c, sc), c.pos())) { execBlock(i.bodies().get(k), sc); return; }
            }
            execBlock(i.orElse(), sc);
            return;
        }
        if (s instanceof Stmt.For f) { forLoop(f, sc); return; }
        if (s instanceof Stmt.While w) { whileLoop(w, sc); return; }
        if (s instanceof Stmt.Return r) throw new ControlSignal.Return(r.value() == null ? null : ev().eval(r.value(), sc), r.pos());
        if (s instanceof Stmt.Break) throw BREAK;
        if (s instanceof Stmt.Continue) throw CONTINUE;
        if (s instanceof Stmt.Pass) return;
        if (s instanceof Stmt.FunctionDef d) { functionDef(d, sc); return; }
        if (s instanceof Stmt.ClassDef c) { classDef(c, sc); return; }
        if (s instanceof Stmt.Try t) { tryStmt(t, sc); return; }
        if (s instanceof Stmt.Raise r) { raise(r, sc); return; }
        if (s instanceof Stmt.Del d) { for (Expr t : d.targets()) delete(t, sc); return; }
        if (s instanceof Stmt.Import i) { in.imports.importStmt(i, sc); return; }
        if (s instanceof Stmt.FromImport f) { in.imports.fromImport(f, sc); return; }
        if (s instanceof Stmt.Global g) { for (String n : g.names()) sc.declareGlobal(n); return; }
        if (s instanceof Stmt.Nonlocal nl) {
            if (sc.isModule()) throw new TdlError(ErrorKind.SYNTAX_ERROR, "nonlocal declaration not allowed at module level", nl.pos(), null);
            for (String n : nl.names()) sc.declareNonlocal(n);
            return;
        }
        if (s instanceof Stmt.Assert a) {
            if (!ev().truth(ev().eval(a.condition(), sc), a.pos())) {
                String msg = a.message() == null ? "" : in.str(ev().eval(a.message(), sc));
                throw new TdlError(ErrorKind.ASSERTION_ERROR, msg, a.condition().pos(), null);
            }
            return;
        }
        if (s instanceof Stmt.With w) { with(w, sc); return; }
        throw new TdlError(ErrorKind.INTERNAL_ERROR, "unknown statement " + s.getClass().getSimpleName());
    }

    // ---- assignment ----

    void assign(Expr target, Object value, Scope sc) {
        if (target instanceof Expr.Name n) { sc.assign(n.id(), value); return; }
        if (target instanceof Expr.Attribute a) {
            Object obj = ev().eval(a.object(), sc);
            SourcePos saved = in.currentPos;
            in.currentPos = a.pos();
            try {
                access.setAttr(obj, a.name(), value);
            } catch (RuntimeException t) {
                throw in.convert(t, a.pos());
            } finally {
                in.currentPos = saved;
            }
            return;
        }
        if (target instanceof Expr.Subscript s) {
            Object obj = ev().eval(s.object(), sc);
            Object idx = ev().index(s.index(), sc);
            setItem(obj, idx, value, s.pos());
            return;
        }
        List<Expr> targets = target instanceof Expr.TupleExpr t ? t.items()
                : target instanceof Expr.ListExpr l ? l.items() : null;
        if (targets == null) throw new TdlError(ErrorKind.SYNTAX_ERROR, "cannot assign to this expression", target.pos(), null);
        unpack(targets, value, sc, target.pos());
    }

    private void setItem(Object obj, Object idx, Object value, SourcePos pos) {
        SourcePos saved = in.currentPos;
        in.currentPos = pos;
        try {
            access.setItem(obj, idx, value);
        } catch (RuntimeException t) {
            throw in.convert(t, pos);
        } finally {
            in.currentPos = saved;
        }
    }

    private void unpack(List<Expr> targets, Object value, Scope sc, SourcePos pos) {
        List<Object> items;
        try {
            items = access.toList(value);
        } catch (TdlError e) {
            if (e.kind() != ErrorKind.TYPE_ERROR) throw e;
            throw new TdlError(ErrorKind.TYPE_ERROR, "cannot unpack non-iterable " + in.typeName(value) + " object", pos, null);
        }
        int star = -1;
        for (int i = 0; i < targets.size(); i++) if (targets.get(i) instanceof Expr.Starred) star = i;
        int n = targets.size();
        if (star < 0) {
            if (items.size() != n) {
                String msg = items.size() > n ? "too many values to unpack (expected " + n + ", got " + items.size() + ")"
                        : "not enough values to unpack (expected " + n + ", got " + items.size() + ")";
                throw new TdlError(ErrorKind.VALUE_ERROR, msg, pos, null);
            }
            for (int i = 0; i < n; i++) assign(targets.get(i), items.get(i), sc);
            return;
        }
        if (items.size() < n - 1) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "not enough values to unpack (expected at least " + (n - 1) + ", got "
                    + items.size() + ")", pos, null);
        }
        int after = n - 1 - star;
        for (int i = 0; i < star; i++) assign(targets.get(i), items.get(i), sc);
        assign(((Expr.Starred) targets.get(star)).value(), new ArrayList<>(items.subList(star, items.size() - after)), sc);
        for (int i = 0; i < after; i++) assign(targets.get(star + 1 + i), items.get(items.size() - after + i), sc);
    }

    private void augAssign(Stmt.AugAssign a, Scope sc) {
        Expr t = a.target();
        if (t instanceof Expr.Name n) {
            Object old = ev().eval(n, sc);
            Object rhs = ev().eval(a.value(), sc);
            sc.assign(n.id(), inPlace(a.op(), old, rhs, a.pos()));
        } else if (t instanceof Expr.Attribute at) {
            Object obj = ev().eval(at.object(), sc);
            Object old;
            try {
                old = access.getAttr(obj, at.name());
            } catch (RuntimeException e) {
                throw in.convert(e, at.pos());
            }
            Object rhs = ev().eval(a.value(), sc);
            Object nv = inPlace(a.op(), old, rhs, a.pos());
            try {
                access.setAttr(obj, at.name(), nv);
            } catch (RuntimeException e) {
                throw in.convert(e, at.pos());
            }
        } else if (t instanceof Expr.Subscript s) {
            Object obj = ev().eval(s.object(), sc);
            Object idx = ev().index(s.index(), sc);
            Object old;
            try {
                old = access.getItem(obj, idx);
            } catch (RuntimeException e) {
                throw in.convert(e, s.pos());
            }
            Object rhs = ev().eval(a.value(), sc);
            setItem(obj, idx, inPlace(a.op(), old, rhs, a.pos()), s.pos());
        } else {
            throw new TdlError(ErrorKind.SYNTAX_ERROR, "illegal expression for augmented assignment", t.pos(), null);
        }
    }

    /**
     * x op= y, as Python: lists extend in place; a hooked value may handle it itself, a TDL instance
     * through its in-place method ({@code __iadd__}); otherwise, or when that returns
     * NotImplemented, x = x op y.
     */
    @SuppressWarnings("unchecked")
    private Object inPlace(Operator op, Object old, Object rhs, SourcePos pos) {
        SourcePos saved = in.currentPos;
        in.currentPos = pos;
        try {
            if (op == Operator.ADD && old instanceof ArrayList<?> l) {
                ((ArrayList<Object>) l).addAll(access.toList(rhs));
                return l;
            }
            TypeHooks h = in.hooksFor(old);
            Object r = h != null ? h.inPlace(in, op, old, rhs) : in.protocol.inPlaceMethod(op, old, rhs);
            if (r != TypeHooks.UNSUPPORTED) return r;
            return in.protocol.binary(op, old, rhs);
        } catch (RuntimeException | StackOverflowError t) {
            throw in.convert(t, pos);
        } finally {
            in.currentPos = saved;
        }
    }

    private void delete(Expr t, Scope sc) {
        if (t instanceof Expr.Name n) {
            if (!sc.delete(n.id())) throw new TdlError(ErrorKind.NAME_ERROR, "name '" + n.id() + "' is not defined", n.pos(), null);
        } else if (t instanceof Expr.Subscript s) {
            Object obj = ev().eval(s.object(), sc);
            Object idx = ev().index(s.index(), sc);
            try {
                access.delItem(obj, idx);
            } catch (RuntimeException e) {
                throw in.convert(e, s.pos());
            }
        } else if (t instanceof Expr.Attribute a) {
            Object obj = ev().eval(a.object(), sc);
            try {
                access.delAttr(obj, a.name());
            } catch (RuntimeException e) {
                throw in.convert(e, a.pos());
            }
        } else if (t instanceof Expr.TupleExpr tu) {
            for (Expr x : tu.items()) delete(x, sc);
        } else if (t instanceof Expr.ListExpr l) {
            for (Expr x : l.items()) delete(x, sc);
        } else {
            throw new TdlError(ErrorKind.SYNTAX_ERROR, "cannot delete this expression", t.pos(), null);
        }
    }

    // ---- loops ----

    private void forLoop(Stmt.For f, Scope sc) {
        Object iterable = ev().eval(f.iterable(), sc);
        Iterator<Object> it;
        try {
            it = access.iterate(iterable);
        } catch (RuntimeException e) {
            throw in.convert(e, f.iterable().pos());
        }
        while (true) {
            in.checkInterrupt();
            Object item;
            try {
                if (!it.hasNext()) break;
                item = it.next();
            } catch (RuntimeException e) {
                throw in.convert(e, f.iterable().pos());
            }
            assign(f.target(), item, sc);
            try {
                execBlock(f.body(), sc);
            } catch (ControlSignal.Break b) {
                return;
            } catch (ControlSignal.Continue c) {
                // next item
            }
        }
        execBlock(f.orElse(), sc);
    }

    private void whileLoop(Stmt.While w, Scope sc) {
        while (true) {
            in.checkInterrupt();
            if (!ev().truth(ev().eval(w.condition(), sc), w.condition().pos())) break;
            try {
                execBlock(w.body(), sc);
            } catch (ControlSignal.Break b) {
                return;
            } catch (ControlSignal.Continue c) {
                // re-test the condition
            }
        }
        execBlock(w.orElse(), sc);
    }

    // ---- definitions ----

    TdlFunction makeFunction(String name, SourcePos pos, List<Param> params, List<Stmt> body, Expr lambdaBody, Scope sc) {
        Object[] defaults = new Object[params.size()];
        for (int i = 0; i < params.size(); i++) {
            Expr d = params.get(i).defaultValue();
            defaults[i] = d == null ? TdlFunction.NO_DEFAULT : ev().eval(d, sc);
        }
        return new TdlFunction(name, pos, params, defaults, body, lambdaBody, sc.closureScope(), sc.globals);
    }

    private void functionDef(Stmt.FunctionDef d, Scope sc) {
        Object f = makeFunction(d.name(), d.pos(), d.params(), d.body(), null, sc);
        List<Expr> decorators = d.decorators() == null ? List.of() : d.decorators();
        for (int i = decorators.size() - 1; i >= 0; i--) {
            Object dec = ev().eval(decorators.get(i), sc);
            try {
                f = calls.call(dec, List.of(f), null, (String) null);
            } catch (RuntimeException e) {
                throw in.convert(e, decorators.get(i).pos());
            }
        }
        sc.assign(d.name(), f);
    }

    private void classDef(Stmt.ClassDef c, Scope sc) {
        TdlClass base = in.exceptions.object;
        if (c.bases().size() > 1) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "multiple inheritance is not supported", c.bases().get(1).pos(),
                    "derive from one base class");
        }
        if (c.bases().size() == 1) {
            Object b = ev().eval(c.bases().get(0), sc);
            if (!(b instanceof TdlClass tc)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "a class can only derive from a class, not " + in.typeName(b),
                        c.bases().get(0).pos(), null);
            }
            base = tc;
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("__doc__", Docstrings.of(c.body())); // Python's class __doc__: its own docstring, never the base's
        Scope body = new Scope(attrs, sc.globals, sc.closureScope(), true);
        execBlock(c.body(), body);
        TdlClass cls = new TdlClass(c.name(), base, attrs);
        for (Object v : attrs.values()) {
            Object fn = v instanceof MethodDescriptor d ? d.function() : v; // super() inside a classmethod too
            if (fn instanceof TdlFunction f && f.owner == null) f.owner = cls;
        }
        sc.assign(c.name(), cls);
    }

    // ---- exceptions ----

    private void tryStmt(Stmt.Try t, Scope sc) {
        boolean ok = false;
        try {
            try {
                execBlock(t.body(), sc);
                ok = true;
            } catch (ControlSignal c) {
                throw c;
            } catch (RuntimeException | StackOverflowError x) {
                TdlError e = (TdlError) in.convert(x, t.pos());
                Stmt.Handler h = match(t.handlers(), e, sc);
                if (h == null) throw e;
                if (h.name() != null) sc.assign(h.name(), in.exceptions.instanceOf(e));
                in.handling.add(e);
                try {
                    execBlock(h.body(), sc);
                } finally {
                    in.handling.remove(in.handling.size() - 1);
                }
            }
            if (ok) execBlock(t.orElse(), sc);
        } finally {
            if (t.finallyBody() != null && !t.finallyBody().isEmpty()) execBlock(t.finallyBody(), sc);
        }
    }

    private Stmt.Handler match(List<Stmt.Handler> handlers, TdlError e, Scope sc) {
        TdlClass cls = in.exceptions.classOf(e);
        for (Stmt.Handler h : handlers) {
            if (h.type() == null) return h;
            Object type = ev().eval(h.type(), sc);
            List<Object> types = type instanceof TdlTuple tu ? tu.items() : List.of(type);
            for (Object ty : types) {
                if (!(ty instanceof TdlClass tc) || !tc.exception) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "catching classes that do not inherit from BaseException is not allowed",
                            h.type().pos(), null);
                }
                if (cls.isSubclassOf(tc)) return h;
            }
        }
        return null;
    }

    private void raise(Stmt.Raise r, Scope sc) {
        if (r.exception() == null) {
            if (in.handling.isEmpty()) throw new TdlError(ErrorKind.RUNTIME_ERROR, "No active exception to reraise", r.pos(), null);
            throw in.handling.get(in.handling.size() - 1);
        }
        Object v = ev().eval(r.exception(), sc);
        if (r.cause() != null) ev().eval(r.cause(), sc);
        if (v instanceof TdlClass c && c.exception) v = calls.instantiate(c, List.of(), null);
        if (v instanceof TdlInstance i && i.cls.exception) throw Exceptions.toError(in, i, r.exception().pos());
        throw new TdlError(ErrorKind.TYPE_ERROR, "exceptions must derive from BaseException", r.exception().pos(), null);
    }

    private void with(Stmt.With w, Scope sc) {
        Object ctx = ev().eval(w.context(), sc);
        Object enter = optionalAttr(ctx, "__enter__");
        Object exit = optionalAttr(ctx, "__exit__");
        Object bound = ctx;
        if (enter != null) bound = calls.call(enter, List.of(), null, (String) null);
        if (w.target() != null) assign(w.target(), bound, sc);
        boolean ok = false;
        try {
            execBlock(w.body(), sc);
            ok = true;
        } catch (TdlError e) {
            if (exit != null) {
                TdlInstance inst = in.exceptions.instanceOf(e);
                Object suppress = calls.call(exit, java.util.Arrays.asList(inst.cls, inst, null), null, (String) null);
                if (in.truth(suppress)) return;
            }
            throw e;
        } finally {
            if (ok && exit != null) calls.call(exit, java.util.Arrays.asList(null, null, null), null, (String) null);
        }
    }

    private Object optionalAttr(Object obj, String name) {
        if (!(obj instanceof TdlInstance) && in.hooksFor(obj) == null) return null;
        try {
            return access.getAttr(obj, name);
        } catch (TdlError e) {
            if (e.kind() == ErrorKind.ATTRIBUTE_ERROR) return null;
            throw e;
        }
    }
}
