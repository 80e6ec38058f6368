package tdl.syntax;

import java.util.List;
import java.util.stream.Collectors;
import tdl.syntax.ast.Expr;
import tdl.syntax.ast.Module;
import tdl.syntax.ast.Param;
import tdl.syntax.ast.Stmt;

/**
 * An s-expression dump of the AST without positions, one top-level statement per line. Meant for
 * tests and debugging: two trees print alike exactly when they have the same shape and values.
 * Examples: {@code (= x (+ 1 (* 2 3)))}, {@code (call (. np zeros) 3 (kw dtype 'int64'))}.
 */
public final class AstPrinter {
    private AstPrinter() {}

    public static String print(Module module) {
        return module.body().stream().map(AstPrinter::print).collect(Collectors.joining("\n"));
    }

    public static String print(Stmt s) {
        if (s instanceof Stmt.ExprStmt e) return print(e.expr());
        if (s instanceof Stmt.Assign a) return "(= " + exprs(a.targets()) + " " + print(a.value()) + ")";
        if (s instanceof Stmt.AugAssign a) return "(" + a.op().symbol() + "= " + print(a.target()) + " " + print(a.value()) + ")";
        if (s instanceof Stmt.If i) {
            StringBuilder sb = new StringBuilder("(if");
            for (int k = 0; k < i.conditions().size(); k++) {
                sb.append(' ').append(print(i.conditions().get(k))).append(' ').append(block(i.bodies().get(k)));
            }
            if (!i.orElse().isEmpty()) sb.append(" (else ").append(block(i.orElse())).append(')');
            return sb.append(')').toString();
        }
        if (s instanceof Stmt.While w) return "(while " + print(w.condition()) + " " + block(w.body()) + orElse(w.orElse()) + ")";
        if (s instanceof Stmt.For f) {
            return "(for " + print(f.target()) + " " + print(f.iterable()) + " " + block(f.body()) + orElse(f.orElse()) + ")";
        }
        if (s instanceof Stmt.Break) return "(break)";
        if (s instanceof Stmt.Continue) return "(continue)";
        if (s instanceof Stmt.Pass) return "(pass)";
        if (s instanceof Stmt.Return r) return r.value() == null ? "(return)" : "(return " + print(r.value()) + ")";
        if (s instanceof Stmt.FunctionDef f) {
            String decorators = f.decorators().isEmpty() ? "" : " (@ " + exprs(f.decorators()) + ")";
            return "(def " + f.name() + " " + params(f.params()) + " " + block(f.body()) + decorators + ")";
        }
        if (s instanceof Stmt.ClassDef c) {
            return "(class " + c.name() + " (" + exprs(c.bases()) + ") " + block(c.body()) + ")";
        }
        if (s instanceof Stmt.Raise r) {
            if (r.exception() == null) return "(raise)";
            return "(raise " + print(r.exception()) + (r.cause() == null ? "" : " (from " + print(r.cause()) + ")") + ")";
        }
        if (s instanceof Stmt.Try t) {
            StringBuilder sb = new StringBuilder("(try ").append(block(t.body()));
            for (Stmt.Handler h : t.handlers()) {
                sb.append(" (except");
                if (h.type() != null) sb.append(' ').append(print(h.type()));
                if (h.name() != null) sb.append(" (as ").append(h.name()).append(')');
                sb.append(' ').append(block(h.body())).append(')');
            }
            sb.append(orElse(t.orElse()));
            if (!t.finallyBody().isEmpty()) sb.append(" (finally ").append(block(t.finallyBody())).append(')');
            return sb.append(')').toString();
        }
        if (s instanceof Stmt.Del d) return "(del " + exprs(d.targets()) + ")";
        if (s instanceof Stmt.Import i) return "(import " + i.module() + (i.alias() == null ? "" : " (as " + i.alias() + ")") + ")";
        if (s instanceof Stmt.FromImport f) {
            StringBuilder sb = new StringBuilder("(from ").append(f.module()).append(" import");
            for (int k = 0; k < f.names().size(); k++) {
                String alias = f.aliases().get(k);
                sb.append(' ').append(alias == null ? f.names().get(k) : "(as " + f.names().get(k) + " " + alias + ")");
            }
            return sb.append(')').toString();
        }
        if (s instanceof Stmt.Global g) return "(global " + String.join(" ", g.names()) + ")";
        if (s instanceof Stmt.Nonlocal n) return "(nonlocal " + String.join(" ", n.names()) + ")";
        if (s instanceof Stmt.Assert a) {
            return "(assert " + print(a.condition()) + (a.message() == null ? "" : " " + print(a.message())) + ")";
        }
        Stmt.With w = (Stmt.With) s;
        return "(with " + print(w.context()) + (w.target() == null ? "" : " (as " + print(w.target()) + ")") + " "
                + block(w.body()) + ")";
    }

    private static String block(List<Stmt> body) {
        return "(" + body.stream().map(AstPrinter::print).collect(Collectors.joining(" ")) + ")";
    }

    private static String orElse(List<Stmt> body) {
        return body.isEmpty() ? "" : " (else " + block(body) + ")";
    }

    private static String params(List<Param> params) {
        return "(" + params.stream().map(p -> (p.star() ? "*" : p.doubleStar() ? "**" : "") + p.name()
                + (p.defaultValue() == null ? "" : "=" + print(p.defaultValue()))).collect(Collectors.joining(" ")) + ")";
    }

    private static String exprs(List<Expr> items) {
        return items.stream().map(AstPrinter::print).collect(Collectors.joining(" "));
    }

    public static String print(Expr e) {
        if (e == null) return "_";
        if (e instanceof Expr.Literal l) return literal(l.value());
        if (e instanceof Expr.Name n) return n.id();
        if (e instanceof Expr.FString f) {
            StringBuilder sb = new StringBuilder("(f");
            for (Object part : f.parts()) {
                sb.append(' ');
                if (part instanceof Expr.FormatField field) {
                    sb.append("{").append(print(field.value()));
                    if (field.conversion() != null) sb.append(" !").append(field.conversion());
                    if (field.spec() != null) sb.append(" :").append(field.spec());
                    sb.append("}");
                } else {
                    sb.append(literal(part));
                }
            }
            return sb.append(')').toString();
        }
        if (e instanceof Expr.Attribute a) return "(. " + print(a.object()) + " " + a.name() + ")";
        if (e instanceof Expr.Subscript s) return "(sub " + print(s.object()) + " " + print(s.index()) + ")";
        if (e instanceof Expr.Slice s) return "(slice " + print(s.lo()) + " " + print(s.hi()) + " " + print(s.step()) + ")";
        if (e instanceof Expr.Call c) {
            StringBuilder sb = new StringBuilder("(call ").append(print(c.function()));
            for (Expr.Argument a : c.args()) {
                sb.append(' ');
                if (a.name() != null) sb.append("(kw ").append(a.name()).append(' ').append(print(a.value())).append(')');
                else if (a.star()) sb.append("(* ").append(print(a.value())).append(')');
                else if (a.doubleStar()) sb.append("(** ").append(print(a.value())).append(')');
                else sb.append(print(a.value()));
            }
            return sb.append(')').toString();
        }
        if (e instanceof Expr.Binary b) return "(" + b.op().symbol() + " " + print(b.left()) + " " + print(b.right()) + ")";
        if (e instanceof Expr.Unary u) return "(" + u.op().symbol() + " " + print(u.operand()) + ")";
        if (e instanceof Expr.Not n) return "(not " + print(n.operand()) + ")";
        if (e instanceof Expr.BoolOp b) return "(" + b.op() + " " + print(b.left()) + " " + print(b.right()) + ")";
        if (e instanceof Expr.Compare c) {
            StringBuilder sb = new StringBuilder("(cmp ").append(print(c.operands().get(0)));
            for (int k = 0; k < c.ops().size(); k++) {
                sb.append(' ').append(c.ops().get(k).symbol().replace(' ', '_')).append(' ').append(print(c.operands().get(k + 1)));
            }
            return sb.append(')').toString();
        }
        if (e instanceof Expr.IfExpr i) {
            return "(ifexp " + print(i.condition()) + " " + print(i.then()) + " " + print(i.otherwise()) + ")";
        }
        if (e instanceof Expr.Lambda l) return "(lambda " + params(l.params()) + " " + print(l.body()) + ")";
        if (e instanceof Expr.ListExpr l) return "(list" + prefixed(l.items()) + ")";
        if (e instanceof Expr.TupleExpr t) return "(tuple" + prefixed(t.items()) + ")";
        if (e instanceof Expr.DictExpr d) {
            StringBuilder sb = new StringBuilder("(dict");
            for (int k = 0; k < d.keys().size(); k++) {
                Expr key = d.keys().get(k);
                sb.append(key == null ? " (** " : " (" + print(key) + " ").append(print(d.values().get(k))).append(')');
            }
            return sb.append(')').toString();
        }
        if (e instanceof Expr.ListComp c) return "(listcomp " + print(c.element()) + clauses(c.clauses()) + ")";
        if (e instanceof Expr.DictComp c) {
            return "(dictcomp " + print(c.key()) + " " + print(c.value()) + clauses(c.clauses()) + ")";
        }
        Expr.Starred s = (Expr.Starred) e;
        return "(* " + print(s.value()) + ")";
    }

    private static String prefixed(List<Expr> items) {
        return items.stream().map(i -> " " + print(i)).collect(Collectors.joining());
    }

    private static String clauses(List<Expr.CompFor> clauses) {
        StringBuilder sb = new StringBuilder();
        for (Expr.CompFor c : clauses) {
            sb.append(" (for ").append(print(c.target())).append(' ').append(print(c.iterable()));
            for (Expr cond : c.conditions()) sb.append(" (if ").append(print(cond)).append(')');
            sb.append(')');
        }
        return sb.toString();
    }

    private static String literal(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v == tdl.vocab.EllipsisValue.ELLIPSIS) return "...";
        if (v instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\t", "\\t") + "'";
        }
        return v.toString();
    }
}
