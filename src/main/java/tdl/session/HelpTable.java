package tdl.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.graph.ops.Scalar;
import tdl.interp.Builtin;
import tdl.interp.BuiltinMethod;
import tdl.interp.Docstrings;
import tdl.interp.Interpreter;
import tdl.interp.TdlModule;
import tdl.interp.TypeHooks;
import tdl.vocab.ErrorKind;

/**
 * Signatures and one-line docs of the built-ins: the REPL's {@code :help NAME}, the script's
 * {@code help(obj)} and the Jupyter kernel's inspect_request. The text lives beside this class
 * ({@code name | signature | doc}): help.txt (theano and numpy), help_python.txt (Python's
 * built-ins, standard modules and the training tools), help_methods.txt (methods of the value
 * types, as {@code TYPE.NAME}); the elementwise functions, the typed tensor constructors, the
 * error kinds and numpy's scalar types are generated from the tables that define them. A name may
 * be typed by any of its spellings (theano.tensor.dot, T.dot, dot), a method through a value
 * (w.get_value).
 */
public final class HelpTable {
    private static final List<String> FILES = List.of("help.txt", "help_python.txt", "help_methods.txt");

    /** One documented name: its signature and one-line doc. */
    public record Entry(String signature, String doc) {
        @Override
        public String toString() { return signature + "\n    " + doc; }
    }

    private final Map<String, Entry> entries;

    private HelpTable(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static HelpTable load() {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (String file : FILES) read(file, map);
        addElementwise(map);
        addConstructors(map);
        addErrorKinds(map);
        addScalarTypes(map);
        return new HelpTable(map);
    }

    private static void read(String file, Map<String, Entry> map) {
        try (InputStream in = HelpTable.class.getResourceAsStream(file)) {
            if (in == null) throw new IllegalStateException("help file " + file + " is missing from the build");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\\|", 3);
                if (parts.length == 3) map.put(parts[0].strip(), new Entry(parts[1].strip(), parts[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** T.scalar ... T.tensor4 in every dtype prefix and their plurals, as Theano spells them. */
    private static void addConstructors(Map<String, Entry> map) {
        String[] kinds = {"scalar", "vector", "matrix", "tensor3", "tensor4"};
        String[] what = {"0-d", "1-d", "2-d", "3-d", "4-d"};
        String[][] prefixes = {{"", "floatX (float64 unless set)"}, {"d", "float64"}, {"f", "float32"},
                {"i", "int32"}, {"l", "int64"}, {"b", "int8"}};
        for (int k = 0; k < kinds.length; k++) {
            String plural = kinds[k].equals("matrix") ? "matrices" : kinds[k] + "s";
            for (String[] p : prefixes) {
                String dtypeArg = p[0].isEmpty() ? ", dtype=floatX" : "";
                map.putIfAbsent("T." + p[0] + kinds[k], new Entry("T." + p[0] + kinds[k] + "(name=None" + dtypeArg + ")",
                        "A symbolic " + what[k] + " " + p[1] + " input."));
                map.putIfAbsent("T." + p[0] + plural, new Entry("T." + p[0] + plural + "(*names)",
                        "One symbolic " + what[k] + " " + p[1] + " input per name, as a tuple (one name: the variable);"
                                + " an int n gives n unnamed ones."));
            }
        }
    }

    /** The built-in exception classes: what each is raised for comes from its place in the hierarchy. */
    private static void addErrorKinds(Map<String, Entry> map) {
        for (ErrorKind k : ErrorKind.values()) {
            Entry e = map.get(k.pyName());
            String parent = k.parent() == null ? null : k.parent().pyName();
            String doc = (e == null ? "" : e.doc() + " ") + (parent == null ? "The root of the exception classes."
                    : "A subclass of " + parent + ": except " + parent + " also catches it.");
            map.put(k.pyName(), new Entry(k.pyName() + "(*args)", doc));
        }
    }

    /** numpy's scalar types (np.float32(1.5), dtype=np.int64). */
    private static void addScalarTypes(Map<String, Entry> map) {
        for (String t : List.of("float64", "float32", "int64", "int32", "int16", "int8", "uint8", "bool_", "float_", "int_")) {
            String dtype = t.equals("float_") ? "float64" : t.equals("int_") ? "int64" : t.equals("bool_") ? "bool" : t;
            map.putIfAbsent("np." + t, new Entry("np." + t + "(x=0)", "numpy's " + dtype
                    + " scalar type: converts x (a number or array) to " + dtype + "; also a dtype= argument."));
        }
    }

    /**
     * The help text for a name as the user typed it: the documented signature and doc, else what the
     * name holds now (a script function's docstring, a module's members, a value's type and repr);
     * null when the name is unknown.
     */
    public String describe(Interpreter interp, String name) {
        Entry e = lookup(interp, name);
        if (e != null) return e.toString();
        Object value = resolve(interp, name);
        if (value == NameCompletion.NOT_FOUND) return null;
        return describeValue(interp, name, value);
    }

    /** What help(obj) prints: a built-in's entry, a script function's or class's docstring, a module's members. */
    public String describeValue(Interpreter interp, String name, Object value) {
        Entry e = entryFor(interp, value);
        if (e != null) return e.toString();
        String script = Docstrings.help(interp, value);
        if (script != null) return script;
        if (value instanceof TdlModule m) {
            List<String> names = new ArrayList<>(m.members().keySet());
            names.removeIf(n -> n.startsWith("_"));
            return wrap("module " + m.name() + ": " + String.join(", ", names), 100);
        }
        String type = interp.typeName(value);
        Entry typeDoc = entries.get(type);
        String text = (name == null ? "" : name + ": ") + type + " " + firstLine(interp.repr(value));
        if (typeDoc == null) return text + " (no documentation)";
        List<String> members = interp.hooksFor(value) == null ? List.of() : interp.attributeNames(value);
        return text + "\n" + typeDoc + (members.isEmpty() ? ""
                : "\n    " + wrap("methods and attributes: " + String.join(", ", members), 96));
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl) + " ...";
    }

    /** The entry documenting a name typed by any spelling, or a method reached through a value; null if none. */
    public Entry lookup(Interpreter interp, String name) {
        Entry e = find(name);
        if (e != null) return e;
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            Object owner = resolve(interp, name.substring(0, dot));
            if (owner != NameCompletion.NOT_FOUND) {
                e = method(interp, owner, name.substring(dot + 1));
                if (e != null) return e;
            }
        }
        Object value = resolve(interp, name);
        return value == NameCompletion.NOT_FOUND ? null : entryFor(interp, value);
    }

    /** The entry of a method or attribute of a built-in value type (a TensorSharedVariable has SharedVariable's and TensorVariable's too). */
    private Entry method(Interpreter interp, Object owner, String attr) {
        if (owner == null || owner instanceof TdlModule || interp.hooksFor(owner) == null) return null;
        return typeMember(interp.typeName(owner), attr);
    }

    private Entry typeMember(String type, String attr) {
        Entry e = entries.get(type + "." + attr);
        // Theano's shared classes and TensorConstant take TensorVariable's methods (from the same mixin)
        if (e == null && type.endsWith("SharedVariable")) e = entries.get("SharedVariable." + attr);
        if (e == null && (type.endsWith("SharedVariable") || type.equals("TensorConstant"))) e = entries.get("TensorVariable." + attr);
        return e;
    }

    /** The entry of a built-in value, found by identity among the documented names; null when none is. */
    public Entry entryFor(Interpreter interp, Object value) {
        if (value instanceof BuiltinMethod m) return typeMember(m.typeName(), m.name());
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) return null;
        Map<Object, Entry> byValue = new IdentityHashMap<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            for (String spelling : spellings(e.getKey())) {
                Object v = resolve(interp, spelling);
                if (v != NameCompletion.NOT_FOUND && v != null) byValue.putIfAbsent(unwrap(v), e.getValue());
            }
        }
        return byValue.get(unwrap(value));
    }

    /** One function registered under two names (a global and a module member) has two Builtin wrappers. */
    private static Object unwrap(Object v) {
        while (v instanceof Builtin b) v = b.body();
        return v;
    }

    /**
     * A dotted name's value: from the globals and builtins (T.dot, np.zeros), else from the registered
     * modules by their full name (theano.tensor.nnet.sigmoid, matplotlib.pyplot.plot) even when not imported.
     */
    static Object resolve(Interpreter interp, String dotted) {
        Object v = NameCompletion.resolve(interp, dotted);
        if (v != NameCompletion.NOT_FOUND) return v;
        for (int dot = dotted.lastIndexOf('.'); dot > 0; dot = dotted.lastIndexOf('.', dot - 1)) {
            TdlModule m = interp.module(dotted.substring(0, dot));
            if (m == null) continue;
            Object value = m;
            for (String part : dotted.substring(dot + 1).split("\\.")) {
                if (!(value instanceof TdlModule mod)) return NameCompletion.NOT_FOUND;
                if (mod.members().containsKey(part)) value = mod.members().get(part);
                else if (interp.module(mod.name() + "." + part) != null) value = interp.module(mod.name() + "." + part);
                else return NameCompletion.NOT_FOUND;
            }
            return value;
        }
        return NameCompletion.NOT_FOUND;
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
        for (String s : spellings(name)) {
            Entry e = entries.get(s);
            if (e != null) return e;
        }
        return null;
    }

    /** The ways one built-in may be written: full module paths, the usual aliases, a bare global. */
    private static List<String> spellings(String name) {
        List<String> out = new ArrayList<>(List.of(name));
        alias(out, name, "theano.tensor.basic.", "T.");
        alias(out, name, "theano.tensor.", "T.");
        alias(out, name, "tensor.", "T.");
        alias(out, name, "T.basic.", "T.");
        alias(out, name, "numpy.", "np.");
        alias(out, name, "matplotlib.pyplot.", "plt.");
        alias(out, name, "pyplot.", "plt.");
        alias(out, name, "theano.", "");
        alias(out, name, "utils.", "");
        alias(out, name, "IPython.display.", "");
        alias(out, name, "tqdm.", "");
        if (name.equals("tqdm") || name.equals("trange")) out.add("progress");
        if (!name.contains(".")) out.add("T." + name);
        if (name.startsWith("T.nnet.")) out.add("T." + name.substring("T.nnet.".length()));
        return out;
    }

    private static void alias(List<String> out, String name, String prefix, String replacement) {
        if (name.startsWith(prefix)) out.add(replacement + name.substring(prefix.length()));
    }

    /** Every documented name (the coverage test lists what lacks help against it). */
    public java.util.Set<String> names() { return java.util.Collections.unmodifiableSet(entries.keySet()); }

    /** How many names have documentation (tests check the table loaded). */
    public int size() { return entries.size(); }
}
