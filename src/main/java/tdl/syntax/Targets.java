package tdl.syntax;

import java.util.List;
import tdl.syntax.ast.Expr;

/** Checks that an expression can be assigned to (or deleted), with Python's messages. */
final class Targets {
    private Targets() {}

    /** @param verb "assign" or "delete" */
    static void check(Expr target, String verb) {
        check(target, verb, false);
    }

    private static void check(Expr target, String verb, boolean inSequence) {
        if (target instanceof Expr.Name || target instanceof Expr.Attribute || target instanceof Expr.Subscript) return;
        if (target instanceof Expr.TupleExpr t) {
            sequence(t.items(), verb);
        } else if (target instanceof Expr.ListExpr l) {
            sequence(l.items(), verb);
        } else if (target instanceof Expr.Starred s) {
            if (!inSequence || verb.equals("delete")) {
                throw ExprBuilder.error("starred assignment target must be in a list or tuple", s.pos(), null);
            }
            check(s.value(), verb, false);
        } else {
            boolean compareLike = target instanceof Expr.Call || target instanceof Expr.Compare;
            throw ExprBuilder.error("cannot " + verb + " to " + describe(target), target.pos(), compareLike
                    ? "use '==' to compare; only names, attributes, items and tuples of them can be assigned"
                    : null);
        }
    }

    private static void sequence(List<Expr> items, String verb) {
        boolean starred = false;
        for (Expr item : items) {
            if (item instanceof Expr.Starred s) {
                if (starred) throw ExprBuilder.error("multiple starred expressions in assignment", s.pos(), null);
                starred = true;
            }
            check(item, verb, true);
        }
    }

    /** Only names, attributes and items can take an augmented assignment. */
    static void checkAugmented(Expr target) {
        if (target instanceof Expr.Name || target instanceof Expr.Attribute || target instanceof Expr.Subscript) return;
        throw ExprBuilder.error("'" + describe(target) + "' is an illegal expression for augmented assignment",
                target.pos(), null);
    }

    static String describe(Expr e) {
        if (e instanceof Expr.Literal l) {
            if (l.value() == null) return "None";
            if (l.value() instanceof Boolean b) return b ? "True" : "False";
            return "literal";
        }
        if (e instanceof Expr.FString) return "f-string expression";
        if (e instanceof Expr.Call) return "function call";
        if (e instanceof Expr.Compare) return "comparison";
        if (e instanceof Expr.IfExpr) return "conditional expression";
        if (e instanceof Expr.Lambda) return "lambda";
        if (e instanceof Expr.ListComp) return "list comprehension";
        if (e instanceof Expr.DictComp) return "dict comprehension";
        if (e instanceof Expr.DictExpr) return "dict literal";
        if (e instanceof Expr.TupleExpr) return "tuple";
        if (e instanceof Expr.ListExpr) return "list";
        return "expression";
    }
}
