package tdl.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.interp.Interpreter;
import tdl.interp.TdlModule;
import tdl.interp.TypeHooks;

/**
 * Completion of the dotted name before the cursor, shared by the REPL (Tab) and the Jupyter kernel
 * (complete_request): keywords and names in scope for a plain word, and for {@code a.b.} the
 * members of the module or the attributes of the value {@code a.b} names. It only looks names up
 * (module members, attributes through the type's hooks); it never runs user code.
 */
public final class NameCompletion {
    public static final List<String> KEYWORDS = List.of("False", "None", "True", "and", "as", "assert", "break",
            "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");

    /** What {@link #resolve} returns for a name that leads nowhere (None is a value, so null cannot say it). */
    public static final Object NOT_FOUND = new Object();

    private NameCompletion() {}

    /** The dotted name around a cursor: {@code text[start, end)}, of which {@code text[start, cursor)} is typed. */
    public record Word(String text, int start, int end) {}

    /** The dotted name ({@code T.nnet.so}) that the cursor is in or just after. */
    public static Word wordAt(String text, int cursor) {
        int start = cursor;
        while (start > 0 && isNameChar(text.charAt(start - 1))) start--;
        int end = cursor;
        while (end < text.length() && isNameChar(text.charAt(end))) end++;
        return new Word(text.substring(start, end), start, end);
    }

    public static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    /**
     * Every completion of the dotted name that ends at {@code cursor}, sorted, each the full
     * replacement of that name ({@code T.nnet.} gives {@code T.nnet.sigmoid}, ...).
     */
    public static List<String> candidates(Interpreter interp, String text, int cursor) {
        Word w = wordAt(text, cursor);
        String word = text.substring(w.start(), cursor);
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

    /** The value a dotted name refers to, following module members and hooked attributes only. */
    public static Object resolve(Interpreter interp, String dotted) {
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
