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

    @Override
    public String toString() { return "<function " + name + ">"; }
}
