package tdl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tdl.interp.Interpreter;
import tdl.interp.TdlModule;
import tdl.session.Session;
import tdl.vocab.ErrorKind;

/** What a user can print of the built-in surface never shows a Java class name. */
class NoJavaNamesTest {
    private static final Pattern JAVA = Pattern.compile("java\\.|javax\\.|\\$\\$Lambda|\\$\\d|@[0-9a-f]{6,}|Exception\\b|\\btdl\\.[a-z]+\\.");

    @Test
    void everyBuiltinReachableFromTheGlobalsPrintsAsPython() {
        Session s = new Session();
        s.exec("""
                import numpy as np
                import theano
                import theano.tensor as T
                import math, random, time, os, sys, collections
                """, "<test>");
        Interpreter in = s.interpreter();
        List<String> bad = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        int[] checked = {0};
        for (Map.Entry<String, Object> e : s.globals().entrySet()) walk(in, e.getKey(), e.getValue(), seen, bad, checked);
        for (String name : List.of("grad", "scan", "len", "range", "print", "help", "load_mnist", "progress")) {
            Object b = in.builtin(name);
            if (b != null) walk(in, name, b, seen, bad, checked);
        }
        assertTrue(checked[0] > 300, "walked only " + checked[0] + " values");
        assertTrue(bad.isEmpty(), bad.size() + " reprs name Java:\n" + String.join("\n", bad));
    }

    private static void walk(Interpreter in, String path, Object v, Map<Object, Boolean> seen, List<String> bad, int[] checked) {
        if (v == null || seen.put(v, true) != null) return;
        String repr;
        try {
            repr = in.repr(v);
        } catch (RuntimeException e) {
            return; // values whose repr needs a running graph are out of scope here
        }
        checked[0]++;
        if (JAVA.matcher(repr).find()) bad.add(path + " -> " + repr);
        if (v instanceof TdlModule m) {
            for (Map.Entry<String, Object> e : m.members().entrySet()) walk(in, path + "." + e.getKey(), e.getValue(), seen, bad, checked);
        }
    }

    @Test
    void everyMethodOfABuiltinValuePrintsAsPython() {
        Session s = new Session();
        s.exec("""
                import numpy as np
                import theano
                import theano.tensor as T
                import matplotlib.pyplot as plt
                from PIL import Image
                from theano.tensor.shared_randomstreams import RandomStreams
                values = [np.zeros((2, 2)), T.dvector('v'), theano.shared(np.zeros(2)), RandomStreams(1),
                          np.random.RandomState(1), plt.figure(), Image.fromarray(np.zeros((2, 2), dtype='uint8')),
                          'text', [1], {'k': 1}, theano.function([], [])]
                """, "<test>");
        Interpreter in = s.interpreter();
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (Object v : (List<?>) s.globals().get("values")) {
            for (String attr : in.attributeNames(v)) {
                Object m;
                try {
                    m = s.eval("values[" + ((List<?>) s.globals().get("values")).indexOf(v) + "]." + attr);
                } catch (RuntimeException e) {
                    continue; // listed but not there for this value
                }
                checked++;
                String repr = in.repr(m);
                if (JAVA.matcher(repr).find()) bad.add(in.typeName(v) + "." + attr + " -> " + repr);
            }
        }
        assertTrue(checked > 100, "checked only " + checked + " attributes");
        assertTrue(bad.isEmpty(), bad.size() + " method reprs name Java:\n" + String.join("\n", bad));
    }

    @Test
    void everyErrorKindNameIsPythonLevel() {
        for (ErrorKind k : ErrorKind.values()) {
            assertTrue(k.pyName().matches("[A-Z][A-Za-z]*"), k.pyName());
            assertTrue(!JAVA.matcher(k.pyName()).find() || k.pyName().matches("(Base)?Exception"), k.pyName());
        }
    }
}
