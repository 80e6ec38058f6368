package tdl.syntax.ast;

import java.util.List;
import tdl.syntax.SourcePos;
import tdl.vocab.Operator;

/** Expression nodes of the TDL AST. Positions point at the spot a caret should mark. */
public sealed interface Expr {
    SourcePos pos();

    /** A literal: Long, Double, String, Boolean or null (None). */
    record Literal(SourcePos pos, Object value) implements Expr {}

    /** f-string: parts are String pieces or {@link FormatField}s. */
    record FString(SourcePos pos, List<Object> parts) implements Expr {}

    /** {expr!conv:spec} inside an f-string; conversion and spec may be null. */
    record FormatField(Expr value, String conversion, String spec) {}

    record Name(SourcePos pos, String id) implements Expr {}

    record Attribute(SourcePos pos, Expr object, String name) implements Expr {}

    /** obj[index]; a multi-dimensional index is a {@link TupleExpr} of indices and {@link Slice}s. */
    record Subscript(SourcePos pos, Expr object, Expr index) implements Expr {}

    /** lo:hi:step inside a subscript; each part may be null. */
    record Slice(SourcePos pos, Expr lo, Expr hi, Expr step) implements Expr {}

    record Call(SourcePos pos, Expr function, List<Argument> args) implements Expr {}

    /** One call argument: positional (name null), keyword (name set), *seq (star) or **map (doubleStar). */
    record Argument(String name, Expr value, boolean star, boolean doubleStar) {}

    /** op is a binary arithmetic or bitwise operator (ADD ... RSHIFT). */
    record Binary(SourcePos pos, Operator op, Expr left, Expr right) implements Expr {}

    /** op is NEG, POS or INVERT. */
    record Unary(SourcePos pos, Operator op, Expr operand) implements Expr {}

    record Not(SourcePos pos, Expr operand) implements Expr {}

    /** op is "and" or "or"; evaluation short-circuits and yields an operand, as in Python. */
    record BoolOp(SourcePos pos, String op, Expr left, Expr right) implements Expr {}

    /** a < b <= c: ops are comparisons (LT ... IS_NOT); operands has ops.size()+1 items. */
    record Compare(SourcePos pos, List<Operator> ops, List<Expr> operands) implements Expr {}

    record IfExpr(SourcePos pos, Expr condition, Expr then, Expr otherwise) implements Expr {}

    record Lambda(SourcePos pos, List<Param> params, Expr body) implements Expr {}

    record ListExpr(SourcePos pos, List<Expr> items) implements Expr {}

    record TupleExpr(SourcePos pos, List<Expr> items) implements Expr {}

    /** {k: v, ...}; a null key means **value was spliced in. */
    record DictExpr(SourcePos pos, List<Expr> keys, List<Expr> values) implements Expr {}

    /** [elt for ...] and generator expressions (which evaluate eagerly to a list). */
    record ListComp(SourcePos pos, Expr element, List<CompFor> clauses) implements Expr {}

    record DictComp(SourcePos pos, Expr key, Expr value, List<CompFor> clauses) implements Expr {}

    record CompFor(Expr target, Expr iterable, List<Expr> conditions) {}

    /** *x in a list/tuple display or as an assignment target. */
    record Starred(SourcePos pos, Expr value) implements Expr {}
}
