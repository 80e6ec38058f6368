package tdl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Statement forms parse to the expected AST shape (compared through AstPrinter, positions aside). */
class ParserTest {

    static String ast(String src) {
        return AstPrinter.print(Parser.parse(new SourceText("t.tdl", src)));
    }

    @Test void expressionStatementAndAssignment() {
        assertEquals("(= x 1)", ast("x = 1\n"));
        assertEquals("(= a b (+ c 1))", ast("a = b = c + 1\n"));
        assertEquals("(call print 'hi')", ast("print('hi')"));
    }

    @Test void unpackingTargets() {
        assertEquals("(= (tuple a b) (call f))", ast("a, b = f()\n"));
        assertEquals("(= (tuple a b) (tuple b a))", ast("(a, b) = b, a\n"));
        assertEquals("(= (list a b) e)", ast("[a, b] = e\n"));
        assertEquals("(= (tuple a (* rest)) xs)", ast("a, *rest = xs\n"));
        assertEquals("(= (tuple a) xs)", ast("a, = xs\n"));
    }

    @Test void itemAndAttributeTargets() {
        assertEquals("(= (sub x i) e)", ast("x[i] = e\n"));
        assertEquals("(= (. self W) (call shared w))", ast("self.W = shared(w)\n"));
        assertEquals("(= (sub x (tuple (slice _ _ _) 0)) 1)", ast("x[:, 0] = 1\n"));
    }

    @Test void augmentedAssignment() {
        assertEquals("(+= x 1)", ast("x += 1"));
        assertEquals("(-= (. self n) 2)", ast("self.n -= 2"));
        assertEquals("(*= (sub a 0) 3)", ast("a[0] *= 3"));
        assertEquals("(/= x 2)", ast("x /= 2"));
        assertEquals("(//= x 2)", ast("x //= 2"));
        assertEquals("(%= x 2)", ast("x %= 2"));
        assertEquals("(**= x 2)", ast("x **= 2"));
        assertEquals("(+= x (tuple 1 2))", ast("x += 1, 2"));
    }

    @Test void ifElifElse() {
        String src = "if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3\n";
        assertEquals("(if a ((= x 1)) b ((= x 2)) (else ((= x 3))))", ast(src));
        assertEquals("(if a ((pass)))", ast("if a: pass\n"));
        assertEquals("(if a ((= y 1) (= z 2)))", ast("if a: y = 1; z = 2\n"));
    }

    @Test void whileAndFor() {
        assertEquals("(while (cmp i < n) ((+= i 1) (break)) (else ((pass))))",
                ast("while i < n:\n    i += 1\n    break\nelse:\n    pass\n"));
        assertEquals("(for i (call range 10) ((continue)))", ast("for i in range(10):\n    continue\n"));
        assertEquals("(for (tuple i x) (call enumerate xs) ((call print i x)))",
                ast("for i, x in enumerate(xs):\n    print(i, x)\n"));
        assertEquals("(for (tuple a b) (tuple 1 2) ((pass)))", ast("for a, b in 1, 2: pass\n"));
        assertEquals("(for (tuple a b) (call zip x y) ((pass)) (else ((pass))))",
                ast("for (a, b) in zip(x, y):\n  pass\nelse:\n  pass\n"));
    }

    @Test void returnForms() {
        assertEquals("(def f () ((return)))", ast("def f():\n    return\n"));
        assertEquals("(def f () ((return (tuple a b))))", ast("def f():\n    return a, b\n"));
        assertEquals("(def f () ((return x)))", ast("def f(): return x\n"));
    }

    @Test void functionDefinitions() {
        assertEquals("(def f (a b=1 *args **kw) ((pass)))", ast("def f(a, b=1, *args, **kw):\n    pass\n"));
        assertEquals("(def g () ((pass)) (@ staticmethod (call deco 1)))",
                ast("@staticmethod\n@deco(1)\ndef g():\n    pass\n"));
        assertEquals("(def h (x) ((pass)))", ast("def h(x: int) -> int:\n    pass\n"));
    }

    @Test void classDefinitions() {
        assertEquals("(class C () ((pass)))", ast("class C:\n    pass\n"));
        assertEquals("(class C (object) ((pass)))", ast("class C(object):\n    pass\n"));
        assertEquals("(class RBM (Base) ((def __init__ (self n=2) ((= (. self n) n)))))",
                ast("class RBM(Base):\n    def __init__(self, n=2):\n        self.n = n\n"));
    }

    @Test void lambdas() {
        assertEquals("(= f (lambda (x y=2) (+ x y)))", ast("f = lambda x, y=2: x + y\n"));
        assertEquals("(= f (lambda () 0))", ast("f = lambda: 0\n"));
        assertEquals("(= f (lambda (*a **k) a))", ast("f = lambda *a, **k: a\n"));
    }

    @Test void raiseForms() {
        assertEquals("(raise)", ast("raise\n"));
        assertEquals("(raise (call ValueError 'bad'))", ast("raise ValueError('bad')\n"));
        assertEquals("(raise X (from Y))", ast("raise X from Y\n"));
    }

    @Test void tryForms() {
        String src = "try:\n    f()\nexcept ValueError:\n    pass\nexcept (A, B) as e:\n    g(e)\n"
                + "except:\n    raise\nelse:\n    h()\nfinally:\n    done()\n";
        assertEquals("(try ((call f)) (except ValueError ((pass))) (except (tuple A B) (as e) ((call g e)))"
                + " (except ((raise))) (else ((call h))) (finally ((call done))))", ast(src));
        assertEquals("(try ((pass)) (finally ((pass))))", ast("try:\n  pass\nfinally:\n  pass\n"));
        assertEquals("(try ((pass)) (except T (as e) ((pass))))", ast("try: pass\nexcept T as e: pass\n"));
    }

    @Test void delGlobalNonlocalAssert() {
        assertEquals("(del x (sub d k) (. o a))", ast("del x, d[k], o.a\n"));
        assertEquals("(global a b)", ast("global a, b\n"));
        assertEquals("(nonlocal c)", ast("nonlocal c\n"));
        assertEquals("(assert (cmp x > 0) 'x must be positive')", ast("assert x > 0, 'x must be positive'\n"));
        assertEquals("(assert ok)", ast("assert ok\n"));
    }

    @Test void imports() {
        assertEquals("(import theano)", ast("import theano\n"));
        assertEquals("(import theano.tensor (as T))", ast("import theano.tensor as T\n"));
        assertEquals("(import a)\n(import b.c)", ast("import a, b.c\n"));
        assertEquals("(from a.b import x (as y z))", ast("from a.b import x, y as z\n"));
        assertEquals("(from a import *)", ast("from a import *\n"));
        assertEquals("(from a import x y)", ast("from a import (x,\n   y,)\n"));
        assertEquals("(from theano.tensor.shared_randomstreams import RandomStreams)",
                ast("from theano.tensor.shared_randomstreams import RandomStreams\n"));
    }

    @Test void withStatement() {
        assertEquals("(with (call open p) (as f) ((call f.write 'x')))".replace("f.write", "(. f write)"),
                ast("with open(p) as f:\n    f.write('x')\n"));
        assertEquals("(with a ((with b (as c) ((pass)))))", ast("with a, b as c:\n    pass\n"));
    }

    @Test void simpleStatementsOnOneLine() {
        assertEquals("(= x 1)\n(= y 2)\n(pass)", ast("x = 1; y = 2; pass;\n"));
    }

    @Test void docstringsAreExpressionStatements() {
        assertEquals("(def f () ('Doc.\\n    more' (return 1)))",
                ast("def f():\n    \"\"\"Doc.\n    more\"\"\"\n    return 1\n"));
    }

    @Test void nestedBlocksAndDedentToOuterLevel() {
        String src = "for i in xs:\n    if i:\n        a()\n    else:\n        b()\nc()\n";
        assertEquals("(for i xs ((if i ((call a)) (else ((call b))))))\n(call c)", ast(src));
    }

    @Test void blankAndCommentLinesAreIgnored() {
        String src = "# header\n\nif x:  # comment\n\n    # inside\n    y = 1\n        # odd comment indent\n\nz = 2\n";
        assertEquals("(if x ((= y 1)))\n(= z 2)", ast(src));
    }

    @Test void lineJoining() {
        assertEquals("(= x (+ 1 2))", ast("x = 1 + \\\n    2\n"));
        assertEquals("(= x (list 1 2 3))", ast("x = [1,\n  2,\n\n     3]\n"));
        assertEquals("(call f a (kw b 2))", ast("f(a,\n# comment\n  b=2)\n"));
    }

    @Test void crlfAndMissingFinalNewline() {
        assertEquals("(if a ((= x 1)))\n(= y 2)", ast("if a:\r\n    x = 1\r\ny = 2"));
        assertEquals("(if a ((= x 1)))", ast("if a:\n    x = 1"));
        assertEquals("", ast(""));
        assertEquals("", ast("\n\n# only a comment"));
    }

    @Test void tabsAloneAreFineForIndentation() {
        assertEquals("(if a ((if b ((= x 1)))))", ast("if a:\n\tif b:\n\t\tx = 1\n"));
    }
}
