package tdl.syntax;

import org.antlr.v4.runtime.tree.ParseTree;

import tdl.vocab.ErrorKind;
import tdl.vocab.Operator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import tdl.syntax.ast.Expr;
import tdl.syntax.ast.Param;

/** Builds {@link Expr} records from expression parse trees. Positions follow {@link Expr}'s caret rules. */
final class ExprBuilder extends TDLBaseVisitor<Expr> {
    private final Positions positions;
    private final FStrings.FieldParser fields;

    ExprBuilder(Positions positions, FStrings.FieldParser fields) {
        this.positions = positions;
        this.fields = fields;
    }

    private SourcePos at(Token t) { return positions.at(t); }

    private SourcePos at(ParserRuleContext ctx) { return positions.at(ctx); }

    static TdlError error(String message, SourcePos at, String hint) {
        return new TdlError(ErrorKind.SYNTAX_ERROR, message, at, hint);
    }

    // ------------------------------------------------------------ lists of expressions

    /** One item stays itself; several, or a trailing comma, make a tuple positioned at the first item. */
    /** The innermost parse tree being built: where an expression too deep for the stack is reported. */
    private ParseTree deepest;

    @Override public Expr visit(ParseTree tree) {
        deepest = tree;
        return super.visit(tree);
    }

    /** Where the nesting became too deep, once the stack ran out while building. */
    ParseTree deepest() { return deepest; }

    private Expr tupleOrSingle(List<? extends ParserRuleContext> items, int commas) {
        if (items.size() == 1 && commas == 0) {
            Expr only = visit(items.get(0));
            if (only instanceof Expr.Starred s) {
                throw error("can't use starred expression here", s.pos(), "a *expression must be part of a list or tuple");
            }
            return only;
        }
        List<Expr> out = new ArrayList<>();
        for (ParserRuleContext item : items) out.add(visit(item));
        return new Expr.TupleExpr(at(items.get(0)), List.copyOf(out));
    }

    @Override public Expr visitTestList(TDLParser.TestListContext ctx) {
        return tupleOrSingle(ctx.test(), ctx.COMMA().size());
    }

    @Override public Expr visitTestListStar(TDLParser.TestListStarContext ctx) {
        return tupleOrSingle(ctx.testOrStar(), ctx.COMMA().size());
    }

    @Override public Expr visitExprList(TDLParser.ExprListContext ctx) {
        return tupleOrSingle(ctx.exprOrStar(), ctx.COMMA().size());
    }

    @Override public Expr visitPlainItem(TDLParser.PlainItemContext ctx) { return visit(ctx.test()); }

    @Override public Expr visitStarredItem(TDLParser.StarredItemContext ctx) { return visit(ctx.starExpr()); }

    @Override public Expr visitPlainTarget(TDLParser.PlainTargetContext ctx) { return visit(ctx.expr()); }

    @Override public Expr visitStarredTarget(TDLParser.StarredTargetContext ctx) { return visit(ctx.starExpr()); }

    @Override public Expr visitStarExpr(TDLParser.StarExprContext ctx) {
        return new Expr.Starred(at(ctx.STAR().getSymbol()), visit(ctx.expr()));
    }

    @Override public Expr visitFieldInput(TDLParser.FieldInputContext ctx) { return visit(ctx.testList()); }

    // ------------------------------------------------------------ lambda, ternary, boolean

    @Override public Expr visitCondTest(TDLParser.CondTestContext ctx) {
        if (ctx.IF() == null) return visit(ctx.orTest(0));
        return new Expr.IfExpr(at(ctx.IF().getSymbol()), visit(ctx.orTest(1)), visit(ctx.orTest(0)), visit(ctx.test()));
    }

    @Override public Expr visitLambdaTest(TDLParser.LambdaTestContext ctx) {
        List<Param> params = new ArrayList<>();
        if (ctx.lambdaParams() != null) {
            for (TDLParser.LambdaParamContext p : ctx.lambdaParams().lambdaParam()) params.add(lambdaParam(p));
        }
        checkParams(params);
        return new Expr.Lambda(at(ctx.LAMBDA().getSymbol()), List.copyOf(params), visit(ctx.test()));
    }

    private Param lambdaParam(TDLParser.LambdaParamContext p) {
        if (p instanceof TDLParser.PlainLambdaParamContext plain) {
            return new Param(at(plain.NAME().getSymbol()), plain.NAME().getText(),
                    plain.test() == null ? null : visit(plain.test()), false, false);
        }
        if (p instanceof TDLParser.StarLambdaParamContext star) {
            return new Param(at(star.NAME().getSymbol()), star.NAME().getText(), null, true, false);
        }
        TDLParser.DoubleStarLambdaParamContext dstar = (TDLParser.DoubleStarLambdaParamContext) p;
        return new Param(at(dstar.NAME().getSymbol()), dstar.NAME().getText(), null, false, true);
    }

    /** Python's rules on parameter order and uniqueness. */
    static void checkParams(List<Param> params) {
        Set<String> seen = new HashSet<>();
        boolean defaults = false;
        boolean star = false;
        boolean doubleStar = false;
        for (Param p : params) {
            if (!seen.add(p.name())) {
                throw error("duplicate argument '" + p.name() + "' in function definition", p.pos(), null);
            }
            if (doubleStar) {
                throw error("arguments cannot follow var-keyword argument", p.pos(), "put **" + "kwargs last");
            }
            if (p.doubleStar()) {
                doubleStar = true;
            } else if (p.star()) {
                if (star) throw error("* argument may appear only once", p.pos(), null);
                star = true;
            } else if (star) {
                throw error("parameters after *args are not supported", p.pos(), "move them before *args");
            } else if (p.defaultValue() != null) {
                defaults = true;
            } else if (defaults) {
                throw error("non-default argument follows default argument", p.pos(),
                        "give '" + p.name() + "' a default value or move it before the parameters that have one");
            }
        }
    }

    @Override public Expr visitOrTest(TDLParser.OrTestContext ctx) {
        Expr left = visit(ctx.andTest(0));
        for (int i = 1; i < ctx.andTest().size(); i++) {
            left = new Expr.BoolOp(at(ctx.OR(i - 1).getSymbol()), "or", left, visit(ctx.andTest(i)));
        }
        return left;
    }

    @Override public Expr visitAndTest(TDLParser.AndTestContext ctx) {
        Expr left = visit(ctx.notTest(0));
        for (int i = 1; i < ctx.notTest().size(); i++) {
            left = new Expr.BoolOp(at(ctx.AND(i - 1).getSymbol()), "and", left, visit(ctx.notTest(i)));
        }
        return left;
    }

    @Override public Expr visitNotExpr(TDLParser.NotExprContext ctx) {
        return new Expr.Not(at(ctx.NOT().getSymbol()), visit(ctx.notTest()));
    }

    @Override public Expr visitComparisonExpr(TDLParser.ComparisonExprContext ctx) { return visit(ctx.comparison()); }

    @Override public Expr visitComparison(TDLParser.ComparisonContext ctx) {
        if (ctx.compOp().isEmpty()) return visit(ctx.expr(0));
        List<Operator> ops = new ArrayList<>();
        for (TDLParser.CompOpContext op : ctx.compOp()) {
            if (op instanceof TDLParser.SimpleCompOpContext simple) ops.add(Operator.comparison(simple.op.getText()));
            else if (op instanceof TDLParser.NotInOpContext) ops.add(Operator.NOT_IN);
            else ops.add(Operator.IS_NOT);
        }
        List<Expr> operands = new ArrayList<>();
        for (TDLParser.ExprContext e : ctx.expr()) operands.add(visit(e));
        return new Expr.Compare(at(ctx.compOp(0)), List.copyOf(ops), List.copyOf(operands));
    }

    // ------------------------------------------------------------ arithmetic

    private Expr binary(Token op, TDLParser.ExprContext left, TDLParser.ExprContext right) {
        return new Expr.Binary(at(op), Operator.binary(op.getText()), visit(left), visit(right));
    }

    @Override public Expr visitPowerExpr(TDLParser.PowerExprContext ctx) {
        return binary(ctx.POWER().getSymbol(), ctx.expr(0), ctx.expr(1));
    }

    @Override public Expr visitUnaryExpr(TDLParser.UnaryExprContext ctx) {
        return new Expr.Unary(at(ctx.op), Operator.unary(ctx.op.getText()), visit(ctx.expr()));
    }

    @Override public Expr visitMulExpr(TDLParser.MulExprContext ctx) { return binary(ctx.op, ctx.expr(0), ctx.expr(1)); }

    @Override public Expr visitAddExpr(TDLParser.AddExprContext ctx) { return binary(ctx.op, ctx.expr(0), ctx.expr(1)); }

    @Override public Expr visitShiftExpr(TDLParser.ShiftExprContext ctx) { return binary(ctx.op, ctx.expr(0), ctx.expr(1)); }

    @Override public Expr visitBitAndExpr(TDLParser.BitAndExprContext ctx) { return binary(ctx.op, ctx.expr(0), ctx.expr(1)); }

    @Override public Expr visitBitXorExpr(TDLParser.BitXorExprContext ctx) { return binary(ctx.op, ctx.expr(0), ctx.expr(1)); }

    @Override public Expr visitBitOrExpr(TDLParser.BitOrExprContext ctx) { return binary(ctx.op, ctx.expr(0), ctx.expr(1)); }

    @Override public Expr visitPrimaryExpr(TDLParser.PrimaryExprContext ctx) { return visit(ctx.primary()); }

    // ------------------------------------------------------------ primaries

    @Override public Expr visitAtomRef(TDLParser.AtomRefContext ctx) { return visit(ctx.atom()); }

    @Override public Expr visitAttributeRef(TDLParser.AttributeRefContext ctx) {
        return new Expr.Attribute(at(ctx.NAME().getSymbol()), visit(ctx.primary()), ctx.NAME().getText());
    }

    @Override public Expr visitSubscriptRef(TDLParser.SubscriptRefContext ctx) {
        TDLParser.SubscriptListContext list = ctx.subscriptList();
        return new Expr.Subscript(at(ctx.LBRACK().getSymbol()), visit(ctx.primary()),
                tupleOrSingle(list.subscript(), list.COMMA().size()));
    }

    @Override public Expr visitIndexOrSliceSubscript(TDLParser.IndexOrSliceSubscriptContext ctx) {
        if (ctx.sliceRest() == null) return visit(ctx.test());
        return slice(ctx, visit(ctx.test()), ctx.sliceRest());
    }

    @Override public Expr visitOpenSliceSubscript(TDLParser.OpenSliceSubscriptContext ctx) {
        return slice(ctx, null, ctx.sliceRest());
    }

    private Expr slice(ParserRuleContext ctx, Expr lo, TDLParser.SliceRestContext rest) {
        return new Expr.Slice(at(ctx), lo, optional(rest.hi), optional(rest.step));
    }

    private Expr optional(ParserRuleContext ctx) {
        return ctx == null ? null : visit(ctx);
    }

    @Override public Expr visitCallRef(TDLParser.CallRefContext ctx) {
        List<Expr.Argument> args = new ArrayList<>();
        if (ctx.argList() != null) args = arguments(ctx.argList());
        return new Expr.Call(at(ctx.primary()), visit(ctx.primary()), List.copyOf(args));
    }

    List<Expr.Argument> arguments(TDLParser.ArgListContext list) {
        List<Expr.Argument> args = new ArrayList<>();
        Set<String> keywords = new HashSet<>();
        boolean seenKeyword = false;
        boolean seenDoubleStar = false;
        for (TDLParser.ArgumentContext a : list.argument()) {
            if (a instanceof TDLParser.PositionalArgContext gen && !gen.compFor().isEmpty()) {
                if (list.argument().size() > 1 || !list.COMMA().isEmpty()) {
                    throw error("Generator expression must be parenthesized", at(gen), "write f((x for x in xs), other)");
                }
                args.add(new Expr.Argument(null, comprehension(at(gen), gen.test(), gen.compFor()), false, false));
            } else if (a instanceof TDLParser.KeywordArgContext kw) {
                String name = kw.NAME().getText();
                if (!keywords.add(name)) throw error("keyword argument repeated: " + name, at(kw), null);
                seenKeyword = true;
                args.add(new Expr.Argument(name, visit(kw.test()), false, false));
            } else if (a instanceof TDLParser.StarArgContext star) {
                if (seenDoubleStar) {
                    throw error("iterable argument unpacking follows keyword argument unpacking", at(star), null);
                }
                args.add(new Expr.Argument(null, visit(star.test()), true, false));
            } else if (a instanceof TDLParser.DoubleStarArgContext dstar) {
                seenDoubleStar = true;
                args.add(new Expr.Argument(null, visit(dstar.test()), false, true));
            } else {
                TDLParser.PositionalArgContext pos = (TDLParser.PositionalArgContext) a;
                if (seenDoubleStar) {
                    throw error("positional argument follows keyword argument unpacking", at(pos), null);
                }
                if (seenKeyword) {
                    throw error("positional argument follows keyword argument", at(pos),
                            "put positional arguments before name=value arguments");
                }
                args.add(new Expr.Argument(null, visit(pos.test()), false, false));
            }
        }
        return args;
    }

    // ------------------------------------------------------------ atoms

    @Override public Expr visitNameAtom(TDLParser.NameAtomContext ctx) {
        return new Expr.Name(at(ctx.NAME().getSymbol()), ctx.NAME().getText());
    }

    @Override public Expr visitIntegerAtom(TDLParser.IntegerAtomContext ctx) {
        SourcePos pos = at(ctx.INTEGER().getSymbol());
        return new Expr.Literal(pos, Literals.integer(ctx.INTEGER().getText(), pos));
    }

    @Override public Expr visitFloatAtom(TDLParser.FloatAtomContext ctx) {
        return new Expr.Literal(at(ctx.FLOAT().getSymbol()), Literals.floating(ctx.FLOAT().getText()));
    }

    @Override public Expr visitNoneAtom(TDLParser.NoneAtomContext ctx) { return new Expr.Literal(at(ctx), null); }

    @Override public Expr visitEllipsisAtom(TDLParser.EllipsisAtomContext ctx) { return new Expr.Literal(at(ctx), tdl.vocab.EllipsisValue.ELLIPSIS); }

    @Override public Expr visitTrueAtom(TDLParser.TrueAtomContext ctx) { return new Expr.Literal(at(ctx), Boolean.TRUE); }

    @Override public Expr visitFalseAtom(TDLParser.FalseAtomContext ctx) { return new Expr.Literal(at(ctx), Boolean.FALSE); }

    @Override public Expr visitStringAtom(TDLParser.StringAtomContext ctx) {
        List<Object> parts = new ArrayList<>();
        boolean formatted = false;
        for (TerminalNode node : ctx.STRING()) {
            Token t = node.getSymbol();
            String text = t.getText();
            int prefix = Literals.prefixLength(text);
            int quote = Literals.quoteLength(text, prefix);
            String flags = text.substring(0, prefix).toLowerCase();
            boolean raw = flags.contains("r");
            String body = text.substring(prefix + quote, text.length() - quote);
            if (flags.contains("f")) {
                formatted = true;
                parts.addAll(FStrings.split(body, raw, t.getLine(), t.getCharPositionInLine() + prefix + quote,
                        positions, fields));
            } else {
                parts.add(raw ? body : Literals.unescape(body, at(t)));
            }
        }
        List<Object> merged = new ArrayList<>();
        for (Object part : parts) {
            int last = merged.size() - 1;
            if (part instanceof String s && last >= 0 && merged.get(last) instanceof String prev) {
                merged.set(last, prev + s);
            } else {
                merged.add(part);
            }
        }
        SourcePos pos = at(ctx);
        if (!formatted) return new Expr.Literal(pos, merged.isEmpty() ? "" : merged.get(0));
        return new Expr.FString(pos, List.copyOf(merged));
    }

    @Override public Expr visitParenAtom(TDLParser.ParenAtomContext ctx) {
        SourcePos pos = at(ctx.LPAREN().getSymbol());
        TDLParser.TestListCompContext items = ctx.testListComp();
        if (items == null) return new Expr.TupleExpr(pos, List.of());
        if (!items.compFor().isEmpty()) return comprehension(pos, items.testOrStar(0), items.compFor());
        return tupleOrSingleAt(pos, items);
    }

    private Expr tupleOrSingleAt(SourcePos pos, TDLParser.TestListCompContext items) {
        Expr e = tupleOrSingle(items.testOrStar(), items.COMMA().size());
        return e instanceof Expr.TupleExpr t ? new Expr.TupleExpr(pos, t.items()) : e;
    }

    @Override public Expr visitListAtom(TDLParser.ListAtomContext ctx) {
        SourcePos pos = at(ctx.LBRACK().getSymbol());
        TDLParser.TestListCompContext items = ctx.testListComp();
        if (items == null) return new Expr.ListExpr(pos, List.of());
        if (!items.compFor().isEmpty()) return comprehension(pos, items.testOrStar(0), items.compFor());
        List<Expr> out = new ArrayList<>();
        for (TDLParser.TestOrStarContext item : items.testOrStar()) out.add(visit(item));
        return new Expr.ListExpr(pos, List.copyOf(out));
    }

    private Expr comprehension(SourcePos pos, ParserRuleContext element, List<TDLParser.CompForContext> clauses) {
        Expr elt = visit(element);
        if (elt instanceof Expr.Starred s) {
            throw error("iterable unpacking cannot be used in comprehension", s.pos(), null);
        }
        return new Expr.ListComp(pos, elt, clauses(clauses));
    }

    private List<Expr.CompFor> clauses(List<TDLParser.CompForContext> clauses) {
        List<Expr.CompFor> out = new ArrayList<>();
        for (TDLParser.CompForContext c : clauses) {
            Expr target = visit(c.exprList());
            Targets.check(target, "assign");
            List<Expr> conditions = new ArrayList<>();
            for (int i = 1; i < c.orTest().size(); i++) conditions.add(visit(c.orTest(i)));
            out.add(new Expr.CompFor(target, visit(c.orTest(0)), List.copyOf(conditions)));
        }
        return List.copyOf(out);
    }

    @Override public Expr visitDictAtom(TDLParser.DictAtomContext ctx) {
        SourcePos pos = at(ctx.LBRACE().getSymbol());
        TDLParser.DictMakerContext maker = ctx.dictMaker();
        if (maker == null) return new Expr.DictExpr(pos, List.of(), List.of());
        for (TDLParser.DictItemContext item : maker.dictItem()) {
            if (item instanceof TDLParser.KeyValueItemContext kv && kv.value == null) {
                throw error("set literals are not supported", pos, "use a list [...] or a dict {key: value}");
            }
        }
        if (!maker.compFor().isEmpty()) {
            if (!(maker.dictItem(0) instanceof TDLParser.KeyValueItemContext kv)) {
                throw error("dict unpacking cannot be used in dict comprehension", pos, null);
            }
            return new Expr.DictComp(pos, visit(kv.key), visit(kv.value), clauses(maker.compFor()));
        }
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (TDLParser.DictItemContext item : maker.dictItem()) {
            if (item instanceof TDLParser.KeyValueItemContext kv) {
                keys.add(visit(kv.key));
                values.add(visit(kv.value));
            } else {
                keys.add(null);
                values.add(visit(((TDLParser.SpliceItemContext) item).expr()));
            }
        }
        return new Expr.DictExpr(pos, java.util.Collections.unmodifiableList(keys), List.copyOf(values));
    }
}
