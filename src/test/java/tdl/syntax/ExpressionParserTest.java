package tdl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.syntax.ast.Expr;
import tdl.syntax.ast.Stmt;

/** Expression forms, Python precedence, and literal values. */
class ExpressionParserTest {

    static String ast(String src) {
        return ParserTest.ast(src);
    }

    static Object literal(String src) {
        Stmt.ExprStmt s = (Stmt.ExprStmt) Parser.parse(new SourceText("t", src)).body().get(0);
        return ((Expr.Literal) s.expr()).value();
    }

    @Test void powerBindsTighterThanUnaryOnItsLeftAndIsRightAssociative() {
        assertEquals("(- (** 2 2))", ast("-2**2"));
        assertEquals("(** 2 (- 1))", ast("2**-1"));
        assertEquals("(** a (** b c))", ast("a**b**c"));
        assertEquals("(* (- a) b)", ast("-a * b"));
        assertEquals("(** (. x y) 2)", ast("x.y ** 2"));
    }

    @Test void arithmeticPrecedence() {
        assertEquals("(+ a (* b c))", ast("a + b * c"));
        assertEquals("(- (- a b) c)", ast("a - b - c"));
        assertEquals("(% (// (/ (* a b) c) d) e)", ast("a * b / c // d % e"));
        assertEquals("(+ (@ a b) c)", ast("a @ b + c"));
        assertEquals("(| a (^ b (& c (<< d (+ e 1)))))", ast("a | b ^ c & d << e + 1"));
        assertEquals("(>> (~ x) 1)", ast("~x >> 1"));
        assertEquals("(* (+ a b) c)", ast("(a + b) * c"));
    }

    @Test void booleanAndComparisonPrecedence() {
        assertEquals("(not (cmp a == b))", ast("not a == b"));
        assertEquals("(or (and a b) c)", ast("a and b or c"));
        assertEquals("(or a (and b (not c)))", ast("a or b and not c"));
        assertEquals("(or (or a b) c)", ast("a or b or c"));
        assertEquals("(cmp a < b <= c)", ast("a < b <= c"));
        assertEquals("(cmp (cmp a < b) < c)", ast("(a < b) < c"));
        assertEquals("(cmp x in xs)", ast("x in xs"));
        assertEquals("(cmp x not_in xs)", ast("x not in xs"));
        assertEquals("(cmp x is None)", ast("x is None"));
        assertEquals("(cmp x is_not None)", ast("x is not None"));
        assertEquals("(cmp a != b > c >= d)", ast("a != b > c >= d"));
        assertEquals("(cmp (+ a 1) < (* b 2))", ast("a + 1 < b * 2"));
    }

    @Test void conditionalExpressionsAndLambda() {
        assertEquals("(ifexp b a (ifexp d c e))", ast("a if b else c if d else e"));
        assertEquals("(ifexp (or c d) (+ a 1) b)", ast("a + 1 if c or d else b"));
        assertEquals("(lambda (x) (ifexp x 1 2))", ast("lambda x: 1 if x else 2"));
    }

    @Test void calls() {
        assertEquals("(call f)", ast("f()"));
        assertEquals("(call f a (kw b 1) (* args) (** kw))", ast("f(a, b=1, *args, **kw)"));
        assertEquals("(call sum (listcomp x (for x xs)))", ast("sum(x for x in xs)"));
        assertEquals("(call (. T grad) cost (kw wrt (list W b)))", ast("T.grad(cost, wrt=[W, b])"));
        assertEquals("(call (call f 1) 2)", ast("f(1)(2)"));
        assertEquals("(call f a)", ast("f(a,)"));
    }

    @Test void attributesAndSubscripts() {
        assertEquals("(sub (. (. x shape) foo) 0)", ast("x.shape.foo[0]"));
        assertEquals("(sub x (slice a b c))", ast("x[a:b:c]"));
        assertEquals("(sub x (tuple (slice _ _ _) j))", ast("x[:, j]"));
        assertEquals("(sub x (tuple i j))", ast("x[i, j]"));
        assertEquals("(sub x (slice _ _ (- 1)))", ast("x[::-1]"));
        assertEquals("(sub x (slice 1 _ _))", ast("x[1:]"));
        assertEquals("(sub x (slice _ 2 _))", ast("x[:2]"));
        assertEquals("(sub x (slice (* i bs) (* (+ i 1) bs) _))", ast("x[i * bs:(i + 1) * bs]"));
        assertEquals("(sub x (tuple i))", ast("x[i,]"));
        assertEquals("(sub (sub x (call (. T arange) n)) y)", ast("x[T.arange(n)][y]"));
    }

    @Test void displays() {
        assertEquals("(tuple)", ast("()"));
        assertEquals("(tuple 1)", ast("(1,)"));
        assertEquals("(tuple 1 2)", ast("1, 2"));
        assertEquals("1", ast("(1)"));
        assertEquals("(list)", ast("[]"));
        assertEquals("(list 1 (* xs) 2)", ast("[1, *xs, 2]"));
        assertEquals("(tuple (* a) b)", ast("(*a, b)"));
        assertEquals("(dict)", ast("{}"));
        assertEquals("(dict ('a' 1) (b 2))", ast("{'a': 1, b: 2,}"));
        assertEquals("(dict (** d) (k v))", ast("{**d, k: v}"));
    }

    @Test void comprehensions() {
        assertEquals("(listcomp (* x 2) (for x xs))", ast("[x * 2 for x in xs]"));
        assertEquals("(listcomp (tuple x y) (for x xs (if (cmp x > 0)) (if (cmp x < 9))) (for y ys))",
                ast("[(x, y) for x in xs if x > 0 if x < 9 for y in ys]"));
        assertEquals("(listcomp (+ a b) (for (tuple a b) pairs))", ast("[a + b for a, b in pairs]"));
        assertEquals("(dictcomp k (* v 2) (for (tuple k v) (call (. d items))))", ast("{k: v * 2 for k, v in d.items()}"));
        assertEquals("(listcomp x (for x xs))", ast("(x for x in xs)"));
        assertEquals("(listcomp (ifexp c a b) (for x xs))", ast("[a if c else b for x in xs]"));
    }

    @Test void numbers() {
        assertEquals(42L, literal("42"));
        assertEquals(0.01, literal("0.01"));
        assertEquals(1e-3, literal("1e-3"));
        assertEquals(2.0, literal("2."));
        assertEquals(0.5, literal(".5"));
        assertEquals(1000L, literal("1_000"));
        assertEquals(31L, literal("0x1F"));
        assertEquals(8L, literal("0o10"));
        assertEquals(5L, literal("0b101"));
        assertEquals(0L, literal("0"));
        assertEquals(1.5e10, literal("1.5E+10"));
        assertEquals("(- 1)", ast("-1"));
    }

    @Test void keywordsLiterals() {
        assertEquals(Boolean.TRUE, literal("True"));
        assertEquals(Boolean.FALSE, literal("False"));
        assertEquals(null, literal("None"));
    }

    @Test void strings() {
        assertEquals("s", literal("'s'"));
        assertEquals("s", literal("\"s\""));
        assertEquals("a\nb", literal("'''a\nb'''"));
        assertEquals("it's", literal("\"\"\"it's\"\"\""));
        assertEquals("\n\t\\'\"", literal("'\\n\\t\\\\\\'\\\"'"));
        assertEquals("AB\u00e9", literal("'\\x41\\u0042\\xe9'"));
        assertEquals("a\\nb", literal("r'a\\nb'"));
        assertEquals("ab", literal("'a' \"b\""));
        assertEquals("ab", literal("('a'\n 'b')"));
        assertEquals("\\d", literal("'\\d'"));
        assertEquals("ab", literal("'a\\\nb'"));
        assertEquals("", literal("''"));
    }

    @Test void fStrings() {
        assertEquals("(f 'epoch ' {e} ': ' {cost :.3f})", ast("f\"epoch {e}: {cost:.3f}\""));
        assertEquals("(f {x !r} ' {literal} ' {(+ a 1)})", ast("f'{x!r} {{literal}} {a + 1}'"));
        assertEquals("(f {(call (. d get) 'k')})", ast("f\"{d.get('k')}\""));
        assertEquals("(f {(cmp a != b)})", ast("f'{a != b}'"));
        assertEquals("(f 'n=' {n} '\\n')", ast("f'n={n}\\n'"));
        assertEquals("(f 'x = ' {x :>8} '!')", ast("'x = ' f'{x:>8}' '!'"));
        assertEquals("(f 'x=' {x !r})", ast("f'{x=}'"));
        assertEquals("(f '\\\\' {x})", ast("rf'\\{x}'"));
        assertEquals("(f {(dict ('a' 1))})", ast("f'{ {\"a\": 1} }'"));
    }

    @Test void fStringFieldPositionsPointIntoTheSource() {
        Stmt.ExprStmt s = (Stmt.ExprStmt) Parser.parse(new SourceText("t", "x = 0\nf'ab {cost + 1:.2f}'")).body().get(1);
        Expr.FString f = assertInstanceOf(Expr.FString.class, s.expr());
        Expr.FormatField field = (Expr.FormatField) f.parts().get(1);
        Expr.Binary plus = assertInstanceOf(Expr.Binary.class, field.value());
        assertEquals(2, plus.pos().line());
        assertEquals(12, plus.pos().col());
        assertEquals(7, plus.left().pos().col());
    }

    @Test void positions() {
        List<Stmt> body = Parser.parse(new SourceText("t", "\ny = a.b[i] + f(x)\n")).body();
        Stmt.Assign assign = (Stmt.Assign) body.get(0);
        assertEquals("t:2:1", assign.pos().toString());
        Expr.Binary plus = (Expr.Binary) assign.value();
        assertEquals(12, plus.pos().col());
        Expr.Subscript sub = (Expr.Subscript) plus.left();
        assertEquals(8, sub.pos().col());
        Expr.Attribute attr = (Expr.Attribute) sub.object();
        assertEquals(7, attr.pos().col());
        assertEquals(5, attr.object().pos().col());
        Expr.Call call = (Expr.Call) plus.right();
        assertEquals(14, call.pos().col());
    }

    @Test void positionsContinueTheSourcesLineNumbering() {
        Stmt s = Parser.parse(new SourceText("<repl>", "x = 1", 7)).body().get(0);
        assertEquals(7, s.pos().line());
    }
}
