package tdl.syntax.ast;

import java.util.List;
import tdl.syntax.SourcePos;
import tdl.vocab.Operator;

/** Statement nodes of the TDL AST. */
public sealed interface Stmt {
    SourcePos pos();

    record ExprStmt(SourcePos pos, Expr expr) implements Stmt {}

    /** t1 = t2 = value; targets are Name, Attribute, Subscript, TupleExpr/ListExpr (unpacking), Starred. */
    record Assign(SourcePos pos, List<Expr> targets, Expr value) implements Stmt {}

    /** target op= value, op is one of + - * / // % ** */
    record AugAssign(SourcePos pos, Expr target, Operator op, Expr value) implements Stmt {}

    /** if/elif chain: conditions.get(i) guards bodies.get(i); orElse may be empty. */
    record If(SourcePos pos, List<Expr> conditions, List<List<Stmt>> bodies, List<Stmt> orElse) implements Stmt {}

    record While(SourcePos pos, Expr condition, List<Stmt> body, List<Stmt> orElse) implements Stmt {}

    record For(SourcePos pos, Expr target, Expr iterable, List<Stmt> body, List<Stmt> orElse) implements Stmt {}

    record Break(SourcePos pos) implements Stmt {}

    record Continue(SourcePos pos) implements Stmt {}

    record Pass(SourcePos pos) implements Stmt {}

    record Return(SourcePos pos, Expr value) implements Stmt {}

    record FunctionDef(SourcePos pos, String name, List<Param> params, List<Stmt> body, List<Expr> decorators)
            implements Stmt {}

    record ClassDef(SourcePos pos, String name, List<Expr> bases, List<Stmt> body) implements Stmt {}

    /** raise [exc [from cause]]; exc null re-raises the error being handled. */
    record Raise(SourcePos pos, Expr exception, Expr cause) implements Stmt {}

    record Try(SourcePos pos, List<Stmt> body, List<Handler> handlers, List<Stmt> orElse, List<Stmt> finallyBody)
            implements Stmt {}

    /** except [type [as name]]: type null catches everything. */
    record Handler(SourcePos pos, Expr type, String name, List<Stmt> body) {}

    record Del(SourcePos pos, List<Expr> targets) implements Stmt {}

    /** import a.b.c [as x]; one per name in "import a, b". */
    record Import(SourcePos pos, String module, String alias) implements Stmt {}

    /** from a.b import x [as y], ...; names ["*"] for a star import. */
    record FromImport(SourcePos pos, String module, List<String> names, List<String> aliases) implements Stmt {}

    record Global(SourcePos pos, List<String> names) implements Stmt {}

    record Nonlocal(SourcePos pos, List<String> names) implements Stmt {}

    record Assert(SourcePos pos, Expr condition, Expr message) implements Stmt {}

    /** with expr [as target]: body — enough for ported scripts that open files or use contexts. */
    record With(SourcePos pos, Expr context, Expr target, List<Stmt> body) implements Stmt {}
}
