package tdl.interp;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.syntax.TdlError;
import tdl.syntax.ast.Param;

/** Calling values: TDL functions (Python argument binding), classes, bound methods, builtins, hooks. */
final class Calls {
    private final Interpreter in;

    Calls(Interpreter in) { this.in = in; }

    Object call(Object f, List<Object> args, Map<String, Object> kwargs, String nameHint) {
        if (f instanceof TdlFunction fn) return invoke(fn, args, kwargs);
        if (f instanceof BoundMethod bm) {
            List<Object> all = new ArrayList<>(args.size() + 1);
            all.add(bm.self());
            all.addAll(args);
            return call(bm.function(), all, kwargs, nameHint);
        }
        if (f instanceof TdlCallable c) {
            String name = f instanceof Builtin b ? b.name() : f instanceof BuiltinType t ? t.name()
                    : nameHint != null ? nameHint : in.typeName(f);
            return c.call(in, new Args(name, args, kwargs == null ? new LinkedHashMap<>() : kwargs));
        }
        if (f instanceof TdlClass cls) return instantiate(cls, args, kwargs);
        if (f instanceof TdlInstance i) {
            Object m = i.cls.lookup("__call__");
            if (m != Scope.MISSING) {
                List<Object> all = new ArrayList<>(args.size() + 1);
                all.add(i);
                all.addAll(args);
                return call(m, all, kwargs, nameHint);
            }
        }
        TypeHooks h = in.hooksFor(f);
        if (h != null) {
            Object r = h.call(in, f, new Args(nameHint != null ? nameHint : h.typeName(f), args,
                    kwargs == null ? new LinkedHashMap<>() : kwargs));
            if (r != TypeHooks.UNSUPPORTED) return r;
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, "'" + in.typeName(f) + "' object is not callable");
    }

    Object instantiate(TdlClass cls, List<Object> args, Map<String, Object> kwargs) {
        TdlInstance self = new TdlInstance(cls);
        if (cls.exception) self.attrs.put("args", new TdlTuple(args));
        Object init = cls.lookup("__init__");
        if (init == Scope.MISSING || (init instanceof Builtin && !cls.exception && cls.lookup("__init__") == in.exceptions.object.attrs.get("__init__"))) {
            if (!args.isEmpty() || (kwargs != null && !kwargs.isEmpty())) {
                throw new TdlError(ErrorKind.TYPE_ERROR, cls.name + "() takes no arguments",
                        "define __init__(self, ...) in class " + cls.name + " to accept arguments");
            }
            return self;
        }
        List<Object> all = new ArrayList<>(args.size() + 1);
        all.add(self);
        all.addAll(args);
        Object r = call(init, all, kwargs, cls.name + ".__init__");
        if (r != null) throw new TdlError(ErrorKind.TYPE_ERROR, "__init__() should return None, not '" + in.typeName(r) + "'");
        return self;
    }

    /** Binds arguments Python's way and runs the body in a fresh local scope. */
    Object invoke(TdlFunction f, List<Object> args, Map<String, Object> kwargs) {
        in.checkInterrupt();
        Scope scope = new Scope(new java.util.HashMap<>(), f.globals, f.closure, false);
        bind(f, args, kwargs, scope);
        if (++in.depth > in.recursionLimit) {
            in.depth--;
            throw new TdlError(ErrorKind.RECURSION_ERROR, "maximum recursion depth exceeded in " + f.name + "()",
                    "a function calls itself without reaching its base case");
        }
        in.frames.add(new Object[] {f, args.isEmpty() ? null : args.get(0)});
        try {
            return in.executor.runFunction(f, scope);
        } catch (TdlError e) {
            e.leftFunction(f.name);
            throw e;
        } finally {
            in.frames.remove(in.frames.size() - 1);
            in.depth--;
        }
    }

    private void bind(TdlFunction f, List<Object> args, Map<String, Object> kwargs, Scope scope) {
        List<Param> params = f.params;
        int nPositional = 0, required = 0;
        Param star = null, doubleStar = null;
        boolean afterStar = false;
        for (Param p : params) {
            if (p.star()) { star = p; afterStar = true; continue; }
            if (p.doubleStar()) { doubleStar = p; continue; }
            if (!afterStar) {
                nPositional++;
                if (p.defaultValue() == null) required++;
            }
        }
        Map<String, Object> vars = scope.vars;
        int i = 0, k = 0;
        for (Param p : params) {
            if (p.star() || p.doubleStar()) continue;
            if (k >= nPositional) break;
            if (i < args.size()) vars.put(p.name(), args.get(i++));
            k++;
        }
        if (i < args.size()) {
            if (star == null) {
                String takes = required == nPositional ? String.valueOf(nPositional) : "from " + required + " to " + nPositional;
                throw new TdlError(ErrorKind.TYPE_ERROR, f.name + "() takes " + takes + " positional argument"
                        + (nPositional == 1 && required == nPositional ? "" : "s") + " but " + args.size()
                        + (args.size() == 1 ? " was" : " were") + " given");
            }
        }
        if (star != null) vars.put(star.name(), new TdlTuple(i < args.size() ? args.subList(i, args.size()) : List.of()));
        Map<Object, Object> extra = doubleStar != null ? new LinkedHashMap<>() : null;
        if (kwargs != null) {
            for (Map.Entry<String, Object> e : kwargs.entrySet()) {
                Param target = null;
                for (Param p : params) if (!p.star() && !p.doubleStar() && p.name().equals(e.getKey())) target = p;
                if (target == null) {
                    if (extra == null) {
                        List<String> names = new ArrayList<>();
                        for (Param p : params) names.add(p.name());
                        throw new TdlError(ErrorKind.TYPE_ERROR, f.name + "() got an unexpected keyword argument '" + e.getKey() + "'",
                                Access.hint(e.getKey(), names));
                    }
                    extra.put(e.getKey(), e.getValue());
                    continue;
                }
                if (vars.containsKey(target.name())) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, f.name + "() got multiple values for argument '" + e.getKey() + "'");
                }
                vars.put(target.name(), e.getValue());
            }
        }
        if (doubleStar != null) vars.put(doubleStar.name(), extra);
        List<String> missing = new ArrayList<>();
        List<String> missingKw = new ArrayList<>();
        afterStar = false;
        for (int p = 0; p < params.size(); p++) {
            Param prm = params.get(p);
            if (prm.star()) { afterStar = true; continue; }
            if (prm.doubleStar() || vars.containsKey(prm.name())) continue;
            if (f.defaults[p] != TdlFunction.NO_DEFAULT) vars.put(prm.name(), f.defaults[p]);
            else (afterStar ? missingKw : missing).add("'" + prm.name() + "'");
        }
        if (!missing.isEmpty()) throw missingError(f.name, missing, "positional");
        if (!missingKw.isEmpty()) throw missingError(f.name, missingKw, "keyword-only");
    }

    private static TdlError missingError(String fn, List<String> names, String what) {
        String list;
        if (names.size() == 1) list = names.get(0);
        else list = String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return new TdlError(ErrorKind.TYPE_ERROR, fn + "() missing " + names.size() + " required " + what + " argument"
                + (names.size() == 1 ? "" : "s") + ": " + list);
    }
}
