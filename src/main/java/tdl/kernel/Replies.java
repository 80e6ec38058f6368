package tdl.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.session.EntryStatus;
import tdl.session.HelpTable;
import tdl.session.NameCompletion;
import tdl.session.Session;

/**
 * The contents of the replies that ask about code rather than run it: kernel_info, complete,
 * inspect and is_complete. They use the REPL's own pieces: its completer, its {@code :help} table
 * and its parser's idea of a complete entry. Cursor positions count Unicode code points, as the
 * protocol (5.2 and later) says.
 */
final class Replies {
    private final HelpTable help = HelpTable.load();
    private final String version;

    Replies(String version) {
        this.version = version;
    }

    Map<String, Object> kernelInfo() {
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("name", "tdl");
        language.put("version", version);
        language.put("mimetype", "text/x-tdl");
        language.put("file_extension", ".tdl");
        // TDL reads as Python: notebooks and nbconvert highlight it with Python's modes
        language.put("pygments_lexer", "python");
        language.put("codemirror_mode", "python");
        Map<String, Object> c = ok();
        c.put("protocol_version", Wire.PROTOCOL_VERSION);
        c.put("implementation", "tdl");
        c.put("implementation_version", version);
        c.put("language_info", language);
        c.put("banner", "TDL " + version + " on Java " + System.getProperty("java.version")
                + ": a Theano-like language for the JVM");
        c.put("help_links", List.of());
        return c;
    }

    Map<String, Object> complete(Session session, String code, int cursorPos) {
        int cursor = index(code, cursorPos);
        NameCompletion.Word word = NameCompletion.wordAt(code, cursor);
        Map<String, Object> c = ok();
        c.put("matches", NameCompletion.candidates(session.interpreter(), code, cursor));
        c.put("cursor_start", code.codePointCount(0, word.start()));
        c.put("cursor_end", cursorPos);
        c.put("metadata", Map.of());
        return c;
    }

    /** The help of the name at the cursor, or of the function whose call the cursor has just opened ({@code T.dot(|}). */
    Map<String, Object> inspect(Session session, String code, int cursorPos) {
        int cursor = index(code, cursorPos);
        int at = cursor;
        while (at > 0 && (code.charAt(at - 1) == '(' || code.charAt(at - 1) == ' ') && NameCompletion.wordAt(code, at).text().isEmpty()) at--;
        String name = NameCompletion.wordAt(code, at).text();
        while (name.endsWith(".")) name = name.substring(0, name.length() - 1);
        String text = name.isEmpty() ? null : help.describe(session.interpreter(), name);
        Map<String, Object> c = ok();
        c.put("found", text != null);
        c.put("data", text == null ? Map.of() : Map.of("text/plain", text));
        c.put("metadata", Map.of());
        return c;
    }

    static Map<String, Object> isComplete(String code) {
        Map<String, Object> c = new LinkedHashMap<>();
        switch (EntryStatus.of(code)) {
            case COMPLETE -> c.put("status", "complete");
            case INVALID -> c.put("status", "invalid");
            case INCOMPLETE -> {
                c.put("status", "incomplete");
                c.put("indent", EntryStatus.nextIndent(code));
            }
        }
        return c;
    }

    static Map<String, Object> ok() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("status", "ok");
        return c;
    }

    /** The UTF-16 index of a cursor given in code points (clamped to the text). */
    static int index(String code, int codePoints) {
        int n = Math.max(0, Math.min(codePoints, code.codePointCount(0, code.length())));
        return code.offsetByCodePoints(0, n);
    }
}
