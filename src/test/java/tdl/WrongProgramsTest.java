package tdl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tdl.session.Session;
import tdl.session.SessionOptions;
import tdl.syntax.TdlError;

/**
 * About a hundred wrong programs a new user writes (wrong arity, wrong types, bad shapes, unknown
 * names and attributes, bad keywords, bad indices) each fail with a message as good as Python's: a
 * Python-level kind (never InternalError), {@code file:line:col}, the source line with a caret
 * under it, and no Java in the text (no class names, packages, lambdas or identity hashes).
 * A program is one string; {@code \n} separates its lines, and the last line is the one that fails.
 */
class WrongProgramsTest {
    private static final String PRELUDE = """
            import numpy as np
            import theano
            import theano.tensor as T
            x = T.dvector('x')
            m = T.dmatrix('m')
            i = T.iscalar('i')
            w = theano.shared(np.zeros((3, 2)), name='w')
            a = np.ones((2, 3))
            f = theano.function([x], x * 2)
            def g(p, q=1):
                return p + q
            class C(object):
                def __init__(self, n):
                    self.n = n
                def get(self):
                    return self.n
            c = C(1)
            """;
    private static final Pattern JAVA = Pattern.compile("java\\.|javax\\.|\\$\\$Lambda|\\$\\d|@[0-9a-f]{6,}|Exception\\b"
            + "|\\btdl\\.[a-z]+\\.|\\b(Long|Double|Integer|Boolean|ArrayList|HashMap|LinkedHashMap|NDArray|TdlTuple|RangeValue"
            + "|TdlFunction|TdlCallable|TdlInstance|TdlClass|SliceValue|NullPointer|ClassCast)\\b");
    private static final Pattern WHERE = Pattern.compile("wrong\\.tdl:(\\d+):(\\d+)");
    private static final Pattern CARET = Pattern.compile("(?m)^\\s*\\^+\\s*$");

    @ParameterizedTest
    @ValueSource(strings = {
            // wrong arity
            "len()", "len([1], [2])", "g()", "g(1, 2, 3)", "c.get(1)", "C()", "C(1, 2)", "abs()",
            "range()", "range(1, 2, 3, 4)", "T.dot(x)", "T.dot(x, x, x)", "T.sum()", "np.zeros()",
            "np.dot(a)", "f()", "f([1.0], [2.0])", "theano.function()", "T.grad(T.sum(x))",
            "theano.shared()", "w.set_value()", "T.nnet.sigmoid()", "np.random.uniform(0, 1, 2, 3)",
            "isinstance(1)", "(lambda v: v)()",
            // wrong types
            "1 + 'a'", "'a' - 1", "[1] + (2,)", "None + 1", "x + 'hi'", "a + 'hi'", "len(5)", "int('x1')",
            "float([1])", "T.dot(x, 'a')", "T.sum('a')", "np.zeros('a')", "np.array([[1, 2], [3]])",
            "f('a')", "f([[1.0, 2.0]])", "T.grad(x, x)", "T.grad(T.sum(x), 'x')", "theano.function(x, x)",
            "theano.function([x], x, updates=[(x, x + 1)])", "theano.shared(x)", "w.set_value('a')",
            "for k in 5:\n    pass", "5()", "c.n()", "'%d' % 'a'", "'%c' % 65.5", "sum(['a', 'b'])",
            "sorted([1, 'a'])", "{}[[1]] = 2", "x[1.5]", "a[1.5]", "a['k']", "T.cast(x, 'complex')",
            "np.zeros(3, dtype='float16')", "iter(5)", "next([1])", "chr('a')", "ord(5)", "T.arange('a')",
            "if x > 0:\n    pass", "while m < 1:\n    pass", "bool(x < 1)", "T.switch(x > 0, x)",
            // bad shapes
            "T.dot(m, m).eval({m: np.ones((2, 3))})", "(x + m).eval({x: np.ones(3), m: np.ones((2, 2))})",
            "np.dot(a, a)", "a + np.ones(4)", "a.reshape(4, 2)", "np.reshape(a, (5,))",
            "np.concatenate([a, np.ones((2, 2))], axis=0)", "T.reshape(x, (2, 2)).eval({x: np.ones(3)})",
            "w.set_value(np.zeros(3))", "w.set_value([[1, 2], 3])", "f(np.ones((2, 2)))",
            "T.concatenate([x, m])", "a[5]", "a[0, 0, 0]", "x[0, 0]", "T.nnet.softmax(T.tensor3())",
            "np.zeros((2, -1))", "np.ones(3).reshape(2, 2)",
            // unknown names and attributes
            "undefined_name", "T.foo", "np.foo", "theano.foo", "x.foo", "a.foo", "w.foo", "f.foo",
            "c.missing", "C.missing", "'s'.foo", "[].foo", "import nosuchmodule", "from numpy import nosuch",
            "T.nnet.foo", "np.random.foo", "import theano.tensor.nosuch",
            // bad keywords
            "T.sum(x, axs=0)", "np.zeros(3, dtpye='int32')", "theano.function([x], x, update=[])",
            "theano.shared(1.0, nam='w')", "g(1, r=2)", "T.grad(T.sum(x), x, constant=[])",
            "print(1, sepp=' ')", "sorted([1], reverse=True, key2=None)", "T.nnet.relu(x, slope=0.1)",
            "np.random.normal(0, 1, shape=3)", "theano.scan(lambda v: v, sequence=[x])", "C(n=1, m=2)",
            // bad values, indices and keys
            "{}['k']", "[1, 2][5]", "(1, 2)[2]", "1 / 0", "1 // 0", "1 % 0", "int('1.5')", "a, b = [1, 2, 3]",
            "a, b, c2 = [1, 2]", "[].pop()", "{}.pop('k')", "np.zeros(3)[3]", "T.sum(x, axis=1)",
            "np.sum(a, axis=2)", "np.arange(0, 10, 0)", "theano.function([x], x, on_unused_input='maybe')",
            "T.grad(T.sum(x), m)", "raise ValueError('user error')", "a @= a", "n = 1\nn <<= 2", "assert 1 == 2, 'no'",
            "np.random.RandomState(1).choice(0)", "np.linspace(0, 1, -1)",
            // graphs, functions, loops and files
            "theano.scan(lambda v: v)", "theano.scan(5, sequences=[x])", "theano.scan(lambda v: v, sequences=[x], n_steps='a')",
            "def h(v):\n    return v.foo\ntheano.scan(h, sequences=[x])", "T.grad(x.sum(), x, disconnected_inputs='maybe')",
            "theano.function([x], x, givens={x: m})", "theano.function([x], T.dot(m, x))", "theano.function([x, m], x)",
            "f(np.ones(3), np.ones(3))", "np.load('no_such_file.npy')", "load_mnist('/no/such/dir')", "plt.plot([1, 2], [1])",
            "T.nnet.conv2d(m, m)", "def r(n):\n    return r(n + 1)\nr(0)", "c.get(1, 2)", "x.reshape((2, 2)).eval({x: np.ones(3)})",
            "T.set_subtensor(x, 1)", "np.random.seed('a')", "w.set_value(np.zeros(2))", "T.iscalar() + 'a'", "str.foo", "int(None)",
            "T.grad(x.sum(), [x, 'y'])", "theano.function([x], x, updates=[(w, w.sum())])", "T.dot(m, x).eval({m: np.ones((2, 2)), x: np.ones(3)})",
            "theano.function([x], x)(np.ones(3), extra=1)", "T.stack([])", "T.concatenate([])", "np.stack([])",
    })
    void aWrongProgramGetsAPythonKindAPositionACaretAndNoJava(String program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session s = new Session(SessionOptions.defaults().withOut(ps).withErr(ps));
        s.exec(PRELUDE, "prelude.tdl");
        TdlError error = null;
        try {
            s.exec(program, "wrong.tdl");
        } catch (TdlError e) {
            error = e;
        }
        if (error == null) fail("the program ran without an error:\n" + program + "\noutput: " + out.toString(StandardCharsets.UTF_8));
        String text = error.format();
        String context = "\nprogram:\n" + program + "\nmessage:\n" + text;
        assertTrue(!error.kindName().equals("InternalError") && error.kindName().matches("[A-Z][A-Za-z]*"),
                "not a Python-level kind: " + error.kindName() + context);
        assertTrue(text.contains(error.kindName() + ": "), "the message does not start with its kind" + context);
        assertTrue(WHERE.matcher(text).find(), "no wrong.tdl:line:col" + context);
        assertTrue(CARET.matcher(text).find(), "no caret line" + context);
        assertTrue(!JAVA.matcher(text).find(), "Java in the message (" + JAVA.matcher(text).results().map(r -> r.group()).toList() + ")" + context);
    }
}
