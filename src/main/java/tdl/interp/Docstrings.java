package tdl.interp;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import tdl.syntax.ast.Expr;
import tdl.syntax.ast.Param;
import tdl.syntax.ast.Stmt;

/**
 * Python's docstrings and help() text of script functions and classes: a docstring is the string
 * literal a def or class body starts with; it is the value's {@code __doc__}.
 */
public final class Docstrings {
    private Docstrings() {}

    /** The docstring a body starts with, with Python's cleandoc indentation removed; null without one. */
    static String of(List<Stmt> body) {
        if (body == null || body.isEmpty()) return null;
        if (body.get(0) instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Literal l && l.value() instanceof String s) {
            return clean(s);
        }
        return null;
    }

    /** inspect.cleandoc: the first line stripped, the common indentation of the rest removed, blank edges dropped. */
    static String clean(String doc) {
        String[] lines = doc.replace("\t", "        ").split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            if (!l.isBlank()) indent = Math.min(indent, l.length() - l.stripLeading().length());
        }
        StringBuilder out = new StringBuilder(lines[0].strip());
        for (int i = 1; i < lines.length; i++) {
            out.append('\n').append(lines[i].isBlank() ? "" : lines[i].substring(Math.min(indent, lines[i].length())).stripTrailing());
        }
        return out.toString().strip();
    }

    /** The docstring of a script function, class or bound method, else null. */
    public static String doc(Object value) {
        if (value instanceof BoundMethod m) return doc(m.function());
        if (value instanceof TdlFunction f) return f.doc;
        if (value instanceof TdlClass c) return c.attrs.get("__doc__") instanceof String s ? s : null;
        return null;
    }

    /** A script function's signature as help() shows it: {@code name(a, b=1, *args, **kwargs)}. */
    public static String signature(Runtime rt, TdlFunction f) {
        StringJoiner params = new StringJoiner(", ", f.name + "(", ")");
        for (int i = 0; i < f.params.size(); i++) {
            Param p = f.params.get(i);
            if (p.star()) params.add("*" + p.name());
            else if (p.doubleStar()) params.add("**" + p.name());
            else if (f.defaults != null && f.defaults[i] != TdlFunction.NO_DEFAULT) params.add(p.name() + "=" + rt.repr(f.defaults[i]));
            else params.add(p.name());
        }
        return params.toString();
    }

    /**
     * What Python's help() prints for a script value (function, bound method, class, instance), or
     * null for anything else: the signature, then the docstring indented; a class lists its methods.
     */
    public static String help(Runtime rt, Object value) {
        if (value instanceof BoundMethod m) value = m.function();
        if (value instanceof TdlInstance i) value = i.cls;
        if (value instanceof TdlFunction f) return block(signature(rt, f), f.doc, "    ");
        if (!(value instanceof TdlClass c)) return null;
        StringBuilder out = new StringBuilder("class " + c.name + (c.base == null || c.base.name.equals("object") ? "" : "(" + c.base.name + ")"));
        String doc = doc(c);
        if (doc != null) out.append('\n').append(indent(doc, " |  "));
        boolean first = true;
        for (TdlClass k = c; k != null && !k.name.equals("object"); k = k.base) {
            for (Map.Entry<String, Object> e : k.attrs.entrySet()) {
                if (!(e.getValue() instanceof TdlFunction f)) continue;
                if (first) out.append("\n |\n |  Methods").append(k == c ? "" : " inherited from " + k.name).append(":");
                first = false;
                out.append("\n |\n").append(indent(block(signature(rt, f), f.doc, "    "), " |  "));
            }
        }
        return out.toString();
    }

    private static String block(String head, String doc, String pad) {
        return doc == null ? head : head + "\n" + indent(doc, pad);
    }

    private static String indent(String text, String pad) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) out.append('\n');
            out.append(line.isEmpty() ? pad.stripTrailing() : pad + line);
        }
        return out.toString();
    }
}
