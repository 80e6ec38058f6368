package tdl.session;

import tdl.graph.Variable;
import tdl.interp.Interpreter;
import tdl.interp.TdlModule;

/** How an interactive front door (the REPL, the Jupyter kernel) shows a value. */
public final class ValueText {
    private ValueText() {}

    /**
     * The echo of a bare expression's value: numpy-style repr for arrays, {@code pp} form for
     * symbolic variables, none (null) for None.
     */
    public static String echo(Interpreter interp, Object value) {
        if (value == null) return null;
        if (value instanceof Variable v) {
            TdlModule printing = interp.module("theano.printing");
            Object pp = printing == null ? null : printing.members().get("pp");
            if (pp != null) return interp.str(interp.callValue(pp, v));
        }
        return interp.repr(value);
    }
}
