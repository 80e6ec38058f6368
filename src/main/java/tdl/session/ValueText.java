package tdl.session;

import java.util.List;
import java.util.Map;
import tdl.graph.Variable;
import tdl.interp.Interpreter;
import tdl.interp.TdlModule;

/** How an interactive front door (the REPL, the Jupyter kernel) shows a value and names its type. */
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

    /** The type name shown beside a value (:vars, help): int, list, ndarray, TensorVariable ... */
    public static String typeName(Interpreter interp, Object v) {
        if (v == null) return "NoneType";
        if (v instanceof Long) return "int";
        if (v instanceof Double) return "float";
        if (v instanceof Boolean) return "bool";
        if (v instanceof String) return "str";
        if (v instanceof List<?>) return "list";
        if (v instanceof Map<?, ?>) return "dict";
        if (v instanceof tdl.interp.TdlTuple) return "tuple";
        if (v instanceof tdl.interp.TdlFunction) return "function";
        if (v instanceof tdl.interp.TdlCallable) return "builtin_function";
        var hooks = interp.hooksFor(v);
        if (hooks != null) return hooks.typeName(v);
        String simple = v.getClass().getSimpleName();
        return simple.startsWith("Tdl") ? simple.substring(3).toLowerCase() : simple;
    }
}
