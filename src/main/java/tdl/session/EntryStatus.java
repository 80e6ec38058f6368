package tdl.session;

import java.util.List;
import tdl.syntax.IncompleteInputError;
import tdl.syntax.Parser;
import tdl.syntax.SourceText;
import tdl.syntax.TdlError;
import tdl.syntax.ast.Module;
import tdl.syntax.ast.Stmt;
import tdl.vocab.ErrorKind;

/**
 * Whether typed text is ready to run, as the parser sees it: the REPL's continuation prompt and the
 * Jupyter kernel's is_complete_request both ask here. An open bracket, a trailing backslash or a
 * block header without body is incomplete; a compound statement (def, for, if ...) waits for an
 * empty line, as in Python, because its body may go on; text the parser rejects is invalid (run it
 * so the message shows now).
 */
public enum EntryStatus {
    COMPLETE, INCOMPLETE, INVALID;

    /** The status of {@code text}; {@code atEnd} false (the cursor inside a recalled entry) runs a complete block at once. */
    public static EntryStatus of(String text, boolean atEnd) {
        if (text.isBlank()) return COMPLETE;
        boolean endsBlank = endsWithBlankLine(text);
        Module module;
        try {
            module = Parser.parse(new SourceText("<stdin>", text));
        } catch (IncompleteInputError e) {
            // `if x:` then an empty line is Python's IndentationError, not a reason to wait forever
            return endsBlank && e.kind() == ErrorKind.INDENTATION_ERROR ? INVALID : INCOMPLETE;
        } catch (TdlError e) {
            return INVALID;
        }
        List<Stmt> body = module.body();
        boolean open = atEnd && !body.isEmpty() && isCompound(body.get(body.size() - 1)) && !endsBlank;
        return open ? INCOMPLETE : COMPLETE;
    }

    public static EntryStatus of(String text) {
        return of(text, true);
    }

    /**
     * The indentation the next line of incomplete {@code text} should start with: the last line's,
     * four more after a line ending in ':'.
     */
    public static String nextIndent(String text) {
        String[] lines = text.split("\n", -1);
        String last = "";
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                last = lines[i];
                break;
            }
        }
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        return last.stripTrailing().endsWith(":") ? indent + "    " : indent;
    }

    private static boolean endsWithBlankLine(String text) {
        int nl = text.lastIndexOf('\n');
        return nl >= 0 && text.substring(nl + 1).isBlank();
    }

    private static boolean isCompound(Stmt s) {
        return s instanceof Stmt.If || s instanceof Stmt.While || s instanceof Stmt.For
                || s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef || s instanceof Stmt.Try
                || s instanceof Stmt.With;
    }
}
