package tdl.repl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import tdl.interp.Interpreter;
import tdl.interp.TdlModule;
import tdl.interp.TypeHooks;
import tdl.session.Session;

/**
 * Tab completion: meta commands after ':', keywords and names in scope for a plain word, and for
 * {@code a.b.} the members of the module or the attributes of the value {@code a.b} names. It only
 * looks names up (module members, attributes through the type's hooks); it never runs user code.
 */
final class NameCompleter implements Completer {
    static final List<String> KEYWORDS = List.of("False", "None", "True", "and", "as", "assert", "break",
            "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");

    private final Supplier<Session> session;

    NameCompleter(Supplier<Session> session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String c : candidates(line.line(), line.cursor())) {
            int dot = c.lastIndexOf('.');
            String display = dot >= 0 ? c.substring(dot + 1) : c;
            candidates.add(new Candidate(c, display, null, null, null, null, true));
        }
    }

    /** Every completion of the word that ends at {@code cursor}, as the full replacement text. */
    List<String> candidates(String line, int cursor) {
        String before = line.substring(0, cursor);
        if (before.startsWith(":") && !before.contains(" ")) {
            return MetaCommands.NAMES.stream().filter(n -> n.startsWith(before)).toList();
        }
        ParsedLine words = EntryParser.words(line, cursor);
        String word = words.word().substring(0, words.wordCursor());
        Interpreter interp = session.get().interpreter();
        Set<String> out = new LinkedHashSet<>();
        int dot = word.lastIndexOf('.');
        if (dot < 0) {
            for (String k : KEYWORDS) if (k.startsWith(word)) out.add(k);
            for (String n : interp.visibleNames()) if (n.startsWith(word) && !n.startsWith("__")) out.add(n);
        } else {
            String prefix = word.substring(0, dot);
            String partial = word.substring(dot + 1);
            Object target = resolve(interp, prefix);
            if (target != NOT_FOUND) {
                for (String member : members(interp, target)) {
                    if (member.startsWith(partial) && (partial.startsWith("_") || !member.startsWith("_"))) {
                        out.add(prefix + "." + member);
                    }
                }
            }
        }
        List<String> sorted = new ArrayList<>(out);
        sorted.sort(null);
        return sorted;
    }

    static final Object NOT_FOUND = new Object();

    /** The value a dotted name refers to, following module members and hooked attributes only. */
    static Object resolve(Interpreter interp, String dotted) {
        String[] parts = dotted.split("\\.", -1);
        Map<String, Object> globals = interp.globals();
        Object value;
        if (globals.containsKey(parts[0])) value = globals.get(parts[0]);
        else if (interp.builtin(parts[0]) != null) value = interp.builtin(parts[0]);
        else return NOT_FOUND;
        for (int i = 1; i < parts.length; i++) {
            value = member(interp, value, parts[i]);
            if (value == NOT_FOUND) return NOT_FOUND;
        }
        return value;
    }

    private static Object member(Interpreter interp, Object value, String name) {
        if (value instanceof TdlModule m) return m.members().containsKey(name) ? m.members().get(name) : NOT_FOUND;
        TypeHooks hooks = interp.hooksFor(value);
        if (hooks == null) return NOT_FOUND;
        try {
            Object v = hooks.getAttr(interp, value, name);
            return v == TypeHooks.UNSUPPORTED ? NOT_FOUND : v;
        } catch (RuntimeException e) {
            return NOT_FOUND;
        }
    }

    private static List<String> members(Interpreter interp, Object target) {
        if (target instanceof TdlModule m) return new ArrayList<>(m.members().keySet());
        try {
            return interp.attributeNames(target);
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
