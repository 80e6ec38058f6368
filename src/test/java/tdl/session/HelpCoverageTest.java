package tdl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tdl.interp.Interpreter;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;

/**
 * Every built-in a user can reach has help: each callable reachable from the globals, the builtins
 * and every registered module (imported or not), and each method of the built-in value types. A
 * name added without a help line fails here with its name: add one line to help.txt (theano/numpy),
 * help_python.txt (Python, std modules, tools) or help_methods.txt (TYPE.method), as
 * {@code name | signature | one-line doc}.
 */
class HelpCoverageTest {
    /** Values of each built-in type, so their methods are walked too. */
    private static final String SAMPLES = """
            import numpy as np
            import theano
            import theano.tensor as T
            import matplotlib.pyplot as plt
            from PIL import Image
            from theano.tensor.shared_randomstreams import RandomStreams
            _a = np.zeros((2, 2))
            _v = T.dvector('v')
            _w = theano.shared(np.zeros(2), name='w')
            _f = theano.function([_v], _v * 2)
            _rs = RandomStreams(1)
            _rng = np.random.RandomState(1)
            import random
            _pr = random.Random(1)
            _fig = plt.figure()
            _img = Image.fromarray(np.zeros((2, 2), dtype='uint8'))
            """;

    @Test
    void everyReachableBuiltinHasHelp() {
        Session s = session();
        Interpreter in = s.interpreter();
        HelpTable help = HelpTable.load();
        Map<Object, String> values = new IdentityHashMap<>();
        Map<String, Object> byPath = new LinkedHashMap<>();
        for (String name : in.visibleNames()) {
            if (!name.startsWith("_")) collect(in, name, HelpTable.resolve(in, name), values, byPath);
        }
        for (String module : in.moduleNames()) collect(in, module, in.module(module), values, byPath);

        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Object> e : byPath.entrySet()) {
            if (help.lookup(in, e.getKey()) == null) missing.add(e.getKey());
        }
        for (String sample : List.of("_a", "_v", "_w", "_f", "_rs", "_rng", "_pr", "_fig", "_img")) {
            Object v = s.globals().get(sample);
            for (String attr : in.attributeNames(v)) {
                if (attr.startsWith("__")) continue;
                if (HelpTable.resolve(in, sample + "." + attr) == NameCompletion.NOT_FOUND) continue; // listed but absent
                if (help.lookup(in, sample + "." + attr) == null) missing.add(in.typeName(v) + "." + attr + "  (e.g. " + sample + "." + attr + ")");
            }
        }
        assertTrue(byPath.size() > 400, "walked only " + byPath.size() + " built-ins");
        assertTrue(missing.isEmpty(), missing.size() + " built-ins have no help line (add 'name | signature | doc' to "
                + "src/main/resources/tdl/session/help*.txt):\n  " + String.join("\n  ", missing));
    }

    /** Each distinct callable value once, under the first path that reaches it. */
    private static void collect(Interpreter in, String path, Object v, Map<Object, String> seen, Map<String, Object> byPath) {
        if (v == null || v == NameCompletion.NOT_FOUND || seen.containsKey(v)) return;
        seen.put(v, path);
        if (v instanceof TdlModule m) {
            for (Map.Entry<String, Object> e : m.members().entrySet()) {
                if (!e.getKey().startsWith("_")) collect(in, path + "." + e.getKey(), e.getValue(), seen, byPath);
            }
            return;
        }
        if (in.isCallable(v)) byPath.put(path, v);
    }

    private static final Pattern SIGNATURE = Pattern.compile("^([\\w.]+)\\((.*)\\)$");

    /**
     * The Theano and numpy signatures name real parameters: calling with each documented keyword is
     * never "an unexpected keyword argument" (the call may fail otherwise: the values are dummies).
     */
    @Test
    void everyDocumentedKeywordOfTheTheanoAndNumpyNamesIsAccepted() {
        Session s = session();
        Interpreter in = s.interpreter();
        HelpTable help = HelpTable.load();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        // methods are checked on the sample values (not figures and images: a dummy file name would be written)
        Map<String, String> samples = Map.of("ndarray.", "_a.", "TensorVariable.", "_v.", "SharedVariable.", "_w.",
                "RandomStreams.", "_rs.", "RandomState.", "_rng.");
        for (String name : help.names()) {
            String through = name;
            for (Map.Entry<String, String> e : samples.entrySet()) {
                if (name.startsWith(e.getKey())) through = e.getValue() + name.substring(e.getKey().length());
            }
            if (!(name.startsWith("T.") || name.startsWith("np.") || name.startsWith("theano.") || !through.equals(name))) continue;
            Object f = HelpTable.resolve(in, through);
            if (f == NameCompletion.NOT_FOUND || f == null || !in.isCallable(f)) continue;
            Matcher m = SIGNATURE.matcher(help.lookup(in, name).signature());
            if (!m.matches() || m.group(2).contains("...")) continue;
            List<String> params = List.of(m.group(2).split(",\\s*"));
            for (String p : params.subList(params.indexOf("/") + 1, params.size())) { // those before a / are positional only
                String param = p.split("=")[0].strip();
                if (param.isEmpty() || param.startsWith("*") || !param.matches("\\w+")) continue;
                checked++;
                try {
                    in.call(f, List.of(), Map.of(param, 0L));
                } catch (TdlError e) {
                    if (e.getMessage().contains("unexpected keyword argument '" + param + "'")) wrong.add(name + ": " + param);
                } catch (RuntimeException e) {
                    // a dummy value may break a function in other ways; only the keyword's acceptance is checked here
                }
            }
        }
        assertTrue(checked > 150, "checked only " + checked + " keywords");
        assertTrue(wrong.isEmpty(), "help documents keywords the function rejects:\n  " + String.join("\n  ", wrong));
    }

    @Test
    void helpOfABuiltinPrintsItsSignatureAndDoc() {
        assertEquals("T.dot(l, r)", firstLine(printed("help(T.dot)")).substring(0, 11));
        assertTrue(printed("help(theano.tensor.nnet.sigmoid)").contains("1 / (1 + exp(-x))"));
        assertTrue(printed("help(np.random.uniform)").startsWith("np.random.uniform(low=0.0, high=1.0, size=None)"));
        assertTrue(printed("help('w.get_value')").startsWith("w.get_value(borrow=False)"));
        assertTrue(printed("help(ValueError)").contains("except Exception also catches it"));
    }

    private static String printed(String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session s = new Session(SessionOptions.defaults().withOut(ps).withErr(ps));
        s.exec("import numpy as np\nimport theano\nimport theano.tensor as T\nw = theano.shared(np.zeros(2))\n" + code + "\n", "<help>");
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String firstLine(String text) { return text.lines().findFirst().orElse(""); }

    private static Session session() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        Session s = new Session(SessionOptions.defaults().withOut(ps).withErr(ps));
        s.exec(SAMPLES, "<samples>");
        return s;
    }
}
