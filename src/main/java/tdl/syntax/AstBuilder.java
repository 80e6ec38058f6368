package tdl.syntax;

import tdl.vocab.Operator;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import tdl.syntax.ast.Expr;
import tdl.syntax.ast.Param;
import tdl.syntax.ast.Stmt;

/**
 * Builds {@link Stmt} records from statement parse trees; expressions are delegated to
 * {@link ExprBuilder}. One source statement can give several records ({@code import a, b}; {@code x; y}).
 */
final class AstBuilder extends TDLBaseVisitor<List<Stmt>> {
    private final Positions positions;
    private final ExprBuilder exprs;

    AstBuilder(Positions positions, ExprBuilder exprs) {
        this.positions = positions;
        this.exprs = exprs;
    }

    private SourcePos at(Token t) { return positions.at(t); }

    private SourcePos at(ParserRuleContext ctx) { return positions.at(ctx); }

    private Expr expr(ParserRuleContext ctx) { return ctx == null ? null : exprs.visit(ctx); }

    private static List<Stmt> one(Stmt s) { return List.of(s); }

    List<Stmt> statements(List<TDLParser.StmtContext> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (TDLParser.StmtContext s : stmts) out.addAll(visit(s));
        return List.copyOf(out);
    }

    @Override public List<Stmt> visitSimpleLine(TDLParser.SimpleLineContext ctx) { return visit(ctx.simpleStmts()); }

    @Override public List<Stmt> visitCompoundLine(TDLParser.CompoundLineContext ctx) { return visit(ctx.compoundStmt()); }

    @Override public List<Stmt> visitSimpleStmts(TDLParser.SimpleStmtsContext ctx) {
        List<Stmt> out = new ArrayList<>();
        for (TDLParser.SimpleStmtContext s : ctx.simpleStmt()) out.addAll(visit(s));
        return out;
    }

    @Override public List<Stmt> visitInlineSuite(TDLParser.InlineSuiteContext ctx) {
        return List.copyOf(visit(ctx.simpleStmts()));
    }

    @Override public List<Stmt> visitBlockSuite(TDLParser.BlockSuiteContext ctx) { return statements(ctx.stmt()); }

    private List<Stmt> suite(TDLParser.SuiteContext ctx) { return ctx == null ? List.of() : visit(ctx); }

    // ------------------------------------------------------------ simple statements

    @Override public List<Stmt> visitExprOrAssignStmt(TDLParser.ExprOrAssignStmtContext ctx) {
        List<TDLParser.TestListStarContext> parts = ctx.testListStar();
        if (ctx.augOp != null) {
            Expr target = expr(parts.get(0));
            Targets.checkAugmented(target);
            String op = ctx.augOp.getText();
            if (op.equals("@=") || op.equals("<<=") || op.equals(">>=")) {
                // numpy changes the array in place for these; TDL would rebind, which aliases would not see
                String bare = op.substring(0, op.length() - 1);
                throw ExprBuilder.error("'" + op + "' is not supported in TDL", at(ctx.augOp),
                        "write a = a " + bare + " b (a new value; other names for a keep the old one)");
            }
            return one(new Stmt.AugAssign(at(ctx.augOp), target, Operator.binary(op.substring(0, op.length() - 1)), expr(ctx.testList())));
        }
        SourcePos pos = at(ctx);
        if (parts.size() == 1) return one(new Stmt.ExprStmt(pos, expr(parts.get(0))));
        List<Expr> targets = new ArrayList<>();
        for (int i = 0; i < parts.size() - 1; i++) {
            Expr target = expr(parts.get(i));
            Targets.check(target, "assign");
            targets.add(target);
        }
        return one(new Stmt.Assign(pos, List.copyOf(targets), expr(parts.get(parts.size() - 1))));
    }

    @Override public List<Stmt> visitDelStmt(TDLParser.DelStmtContext ctx) {
        List<Expr> targets = new ArrayList<>();
        for (TDLParser.ExprOrStarContext e : ctx.exprList().exprOrStar()) {
            Expr target = expr(e);
            Targets.check(target, "delete");
            targets.add(target);
        }
        return one(new Stmt.Del(at(ctx), List.copyOf(targets)));
    }

    @Override public List<Stmt> visitPassStmt(TDLParser.PassStmtContext ctx) { return one(new Stmt.Pass(at(ctx))); }

    @Override public List<Stmt> visitBreakStmt(TDLParser.BreakStmtContext ctx) { return one(new Stmt.Break(at(ctx))); }

    @Override public List<Stmt> visitContinueStmt(TDLParser.ContinueStmtContext ctx) {
        return one(new Stmt.Continue(at(ctx)));
    }

    @Override public List<Stmt> visitReturnStmt(TDLParser.ReturnStmtContext ctx) {
        return one(new Stmt.Return(at(ctx), expr(ctx.testListStar())));
    }

    @Override public List<Stmt> visitRaiseStmt(TDLParser.RaiseStmtContext ctx) {
        return one(new Stmt.Raise(at(ctx), expr(ctx.test(0)), expr(ctx.test(1))));
    }

    @Override public List<Stmt> visitImportStmt(TDLParser.ImportStmtContext ctx) {
        List<Stmt> out = new ArrayList<>();
        for (TDLParser.DottedAsNameContext d : ctx.dottedAsName()) {
            out.add(new Stmt.Import(at(d), d.dottedName().getText(), d.NAME() == null ? null : d.NAME().getText()));
        }
        return out;
    }

    @Override public List<Stmt> visitFromImportStmt(TDLParser.FromImportStmtContext ctx) {
        List<String> names = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        TDLParser.ImportTargetsContext targets = ctx.importTargets();
        List<TDLParser.ImportAsNameContext> items = List.of();
        if (targets instanceof TDLParser.StarImportContext) {
            names.add("*");
            aliases.add(null);
        } else if (targets instanceof TDLParser.ParenImportContext paren) {
            items = paren.importAsName();
        } else {
            items = ((TDLParser.PlainImportContext) targets).importAsName();
        }
        for (TDLParser.ImportAsNameContext item : items) {
            names.add(item.NAME(0).getText());
            aliases.add(item.NAME().size() > 1 ? item.NAME(1).getText() : null);
        }
        return one(new Stmt.FromImport(at(ctx.dottedName()), ctx.dottedName().getText(), List.copyOf(names),
                java.util.Collections.unmodifiableList(aliases)));
    }

    private static List<String> names(List<TerminalNode> nodes) {
        List<String> out = new ArrayList<>();
        for (TerminalNode n : nodes) out.add(n.getText());
        return List.copyOf(out);
    }

    @Override public List<Stmt> visitGlobalStmt(TDLParser.GlobalStmtContext ctx) {
        return one(new Stmt.Global(at(ctx), names(ctx.NAME())));
    }

    @Override public List<Stmt> visitNonlocalStmt(TDLParser.NonlocalStmtContext ctx) {
        return one(new Stmt.Nonlocal(at(ctx), names(ctx.NAME())));
    }

    @Override public List<Stmt> visitAssertStmt(TDLParser.AssertStmtContext ctx) {
        return one(new Stmt.Assert(at(ctx), expr(ctx.test(0)), expr(ctx.test(1))));
    }

    // ------------------------------------------------------------ compound statements

    @Override public List<Stmt> visitIfStmt(TDLParser.IfStmtContext ctx) {
        List<Expr> conditions = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        for (int i = 0; i < ctx.test().size(); i++) {
            conditions.add(expr(ctx.test(i)));
            bodies.add(suite(ctx.suite(i)));
        }
        List<Stmt> orElse = ctx.ELSE() == null ? List.of() : suite(ctx.suite(ctx.test().size()));
        return one(new Stmt.If(at(ctx), List.copyOf(conditions), List.copyOf(bodies), orElse));
    }

    @Override public List<Stmt> visitWhileStmt(TDLParser.WhileStmtContext ctx) {
        return one(new Stmt.While(at(ctx), expr(ctx.test()), suite(ctx.suite(0)), suite(ctx.suite(1))));
    }

    @Override public List<Stmt> visitForStmt(TDLParser.ForStmtContext ctx) {
        Expr target = expr(ctx.exprList());
        Targets.check(target, "assign");
        return one(new Stmt.For(at(ctx), target, expr(ctx.testList()), suite(ctx.suite(0)), suite(ctx.suite(1))));
    }

    @Override public List<Stmt> visitTryStmt(TDLParser.TryStmtContext ctx) {
        List<TDLParser.ExceptClauseContext> clauses = ctx.exceptClause();
        if (clauses.isEmpty() && ctx.FINALLY() == null) {
            Token after = ctx.ELSE() != null ? ctx.ELSE().getSymbol() : ctx.getStop();
            throw ExprBuilder.error("expected 'except' or 'finally' block", at(after), null);
        }
        if (clauses.isEmpty() && ctx.ELSE() != null) {
            throw ExprBuilder.error("expected 'except' before 'else'", at(ctx.ELSE().getSymbol()), null);
        }
        List<Stmt.Handler> handlers = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            TDLParser.ExceptClauseContext c = clauses.get(i);
            if (c.test() == null && i < clauses.size() - 1) {
                throw ExprBuilder.error("default 'except:' must be last", at(c), null);
            }
            handlers.add(new Stmt.Handler(at(c), expr(c.test()), c.NAME() == null ? null : c.NAME().getText(),
                    suite(c.suite())));
        }
        int next = 1;
        List<Stmt> orElse = ctx.ELSE() == null ? List.of() : suite(ctx.suite(next++));
        List<Stmt> finallyBody = ctx.FINALLY() == null ? List.of() : suite(ctx.suite(next));
        return one(new Stmt.Try(at(ctx), suite(ctx.suite(0)), List.copyOf(handlers), orElse, finallyBody));
    }

    @Override public List<Stmt> visitWithStmt(TDLParser.WithStmtContext ctx) {
        List<Stmt> body = suite(ctx.suite());
        List<TDLParser.WithItemContext> items = ctx.withItem();
        Stmt.With with = null;
        for (int i = items.size() - 1; i >= 0; i--) {
            TDLParser.WithItemContext item = items.get(i);
            Expr target = expr(item.expr());
            if (target != null) Targets.check(target, "assign");
            with = new Stmt.With(i == 0 ? at(ctx) : at(item), expr(item.test()), target, body);
            body = List.of(with);
        }
        return one(with);
    }

    @Override public List<Stmt> visitFuncDef(TDLParser.FuncDefContext ctx) {
        List<Expr> decorators = new ArrayList<>();
        for (TDLParser.DecoratorContext d : ctx.decorator()) decorators.add(expr(d.test()));
        List<Param> params = new ArrayList<>();
        if (ctx.paramList() != null) {
            for (TDLParser.ParamContext p : ctx.paramList().param()) params.add(param(p));
        }
        ExprBuilder.checkParams(params);
        return one(new Stmt.FunctionDef(at(ctx.DEF().getSymbol()), ctx.NAME().getText(), List.copyOf(params),
                suite(ctx.suite()), List.copyOf(decorators)));
    }

    private Param param(TDLParser.ParamContext p) {
        if (p instanceof TDLParser.PlainParamContext plain) {
            TDLParser.TestContext def = plain.ASSIGN() == null ? null : plain.test(plain.test().size() - 1);
            return new Param(at(plain.NAME().getSymbol()), plain.NAME().getText(), expr(def), false, false);
        }
        if (p instanceof TDLParser.StarParamContext star) {
            return new Param(at(star.NAME().getSymbol()), star.NAME().getText(), null, true, false);
        }
        TDLParser.DoubleStarParamContext dstar = (TDLParser.DoubleStarParamContext) p;
        return new Param(at(dstar.NAME().getSymbol()), dstar.NAME().getText(), null, false, true);
    }

    @Override public List<Stmt> visitClassDef(TDLParser.ClassDefContext ctx) {
        List<Expr> bases = new ArrayList<>();
        if (ctx.argList() != null) {
            for (Expr.Argument a : exprs.arguments(ctx.argList())) {
                if (a.name() != null || a.star() || a.doubleStar()) {
                    throw ExprBuilder.error("class keyword arguments and unpacking are not supported", a.value().pos(),
                            "list only the base classes: class C(Base):");
                }
                bases.add(a.value());
            }
        }
        return one(new Stmt.ClassDef(at(ctx.CLASS().getSymbol()), ctx.NAME().getText(), List.copyOf(bases),
                suite(ctx.suite())));
    }
}
