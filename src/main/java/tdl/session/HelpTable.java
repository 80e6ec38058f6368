package tdl.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.graph.ops.Scalar;
import tdl.interp.Interpreter;
import tdl.interp.TdlModule;

/**
 * Signatures and one-line docs of the built-ins: the REPL's {@code :help NAME} and the Jupyter
 * kernel's inspect_request. The text lives in help.txt beside this class
 * ({@code name | signature | doc}); a name may be typed by any of its spellings
 * (theano.tensor.dot, T.dot, dot).
 */
public final class HelpTable {
    private record Entry(String signature, String doc) {}

    private final Map<String, Entry> entries;

    private HelpTable(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static HelpTable load() {
        Map<String, Entry> map = new LinkedHashMap<>();
        try (InputStream in = HelpTable.class.getResourceAsStream("help.txt")) {
            if (in == null) return new HelpTable(map);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\\|", 3);
                if (parts.length == 3) map.put(parts[0].strip(), new Entry(parts[1].strip(), parts[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        addElementwise(map);
        return new HelpTable(map);
    }

    /** The elementwise functions document themselves in their table; numpy's take numpy's parameter names. */
    private static void addElementwise(Map<String, Entry> map) {
        for (Scalar s : Scalar.values()) {
            for (String name : s.help().names()) {
                String signature = !name.startsWith("np.") ? s.help().signature(name)
                        : name + (s.arity() == 1 ? "(x)" : "(x1, x2)");
                map.putIfAbsent(name, new Entry(signature, s.help().doc()));
            }
        }
    }

    /**
     * The help text for a name as the user typed it: the documented signature and doc, else what the
     * name holds now (a module's members, a value's type and repr); null when the name is unknown.
     */
    public String describe(Interpreter interp, String name) {
        Entry e = find(name);
        if (e != null) return e.signature() + "\n    " + e.doc();
        Object value = NameCompletion.resolve(interp, name);
        if (value == NameCompletion.NOT_FOUND) return null;
        if (value instanceof TdlModule m) {
            List<String> names = new ArrayList<>(m.members().keySet());
            names.removeIf(n -> n.startsWith("_"));
            return wrap("module " + m.name() + ": " + String.join(", ", names), 100);
        }
        return name + ": " + interp.typeName(value) + " " + interp.repr(value) + " (no documentation)";
    }

    /** Breaks a long line at spaces so no line passes {@code width}; continuation lines are indented. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (out.length() - lineStart + 1 + word.length() > width && out.length() > lineStart) {
                out.append("\n    ");
                lineStart = out.length() - 4;
            } else if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    private Entry find(String name) {
        List<String> spellings = new ArrayList<>(List.of(name));
        if (name.startsWith("theano.tensor.")) spellings.add("T." + name.substring("theano.tensor.".length()));
        if (name.startsWith("tensor.")) spellings.add("T." + name.substring("tensor.".length()));
        if (name.startsWith("numpy.")) spellings.add("np." + name.substring("numpy.".length()));
        if (name.startsWith("theano.")) spellings.add(name.substring("theano.".length()));
        if (!name.contains(".")) spellings.add("T." + name);
        for (String s : spellings) {
            Entry e = entries.get(s);
            if (e != null) return e;
        }
        return null;
    }

    /** How many names have documentation (tests check the table loaded). */
    public int size() { return entries.size(); }
}
