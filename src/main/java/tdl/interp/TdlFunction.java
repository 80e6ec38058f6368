package tdl.interp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tdl.syntax.SourcePos;
import tdl.syntax.ast.Expr;
import tdl.syntax.ast.Param;
import tdl.syntax.ast.Stmt;

/** A function written in TDL (def or lambda): parameters, defaults evaluated at def time, closure. */
public final class TdlFunction {
    final String name;
    final SourcePos pos;
    final List<Param> params;
    final Object[] defaults;          // one per param, null entry = no default (use NO_DEFAULT check)
    final List<Stmt> body;            // null for a lambda
    final Expr lambdaBody;            // null for a def
    final Scope closure;              // enclosing function scope or null
    final Map<String, Object> globals;
    /** The class whose body defined this function (for zero-argument super()). */
    TdlClass owner;
    final Map<String, Object> attributes = new HashMap<>();
    /** The docstring (__doc__): the string literal the body starts with, or null. */
    final String doc;

    static final Object NO_DEFAULT = new Object();

    TdlFunction(String name, SourcePos pos, List<Param> params, Object[] defaults, List<Stmt> body,
                Expr lambdaBody, Scope closure, Map<String, Object> globals) {
        this.name = name;
        this.pos = pos;
        this.params = params;
        this.defaults = defaults;
        this.body = body;
        this.lambdaBody = lambdaBody;
        this.closure = closure;
        this.globals = globals;
        this.doc = Docstrings.of(body);
    }

    public String name() { return name; }

    /** Whether a call with {@code n} positional arguments (and no keywords) binds: no missing and no extra ones. */
    public boolean acceptsPositional(int n) {
        int positional = 0, required = 0;
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (p.star()) return n >= required;
            if (p.doubleStar()) continue;
            positional++;
            if (defaults[i] == NO_DEFAULT) required++;
        }
        return n >= required && n <= positional;
    }

    @Override
    public String toString() { return "<function " + name + ">"; }
}
