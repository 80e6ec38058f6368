package tdl.repl;

import tdl.vocab.ErrorKind;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import tdl.syntax.IncompleteInputError;
import tdl.syntax.SourceText;
import tdl.syntax.TdlError;
import tdl.syntax.ast.Module;
import tdl.syntax.ast.Stmt;

/**
 * JLine's view of TDL input. On Enter it asks the TDL parser whether the entry is complete; an
 * incomplete entry (open bracket, trailing backslash, block header without body) raises
 * {@link EOFError} so JLine shows the continuation prompt. A compound statement (def, for, if ...)
 * waits for an empty line, as in Python, because its body may go on. For completion it splits
 * off the dotted name before the cursor ({@code T.nnet.so}) as the word.
 */
final class EntryParser implements Parser {

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        // Enter away from the end of a recalled entry runs it once it is complete: only typing at the end
        // of a block needs the closing empty line (JLine would otherwise split the line at the cursor)
        if (context == ParseContext.ACCEPT_LINE && needsMore(line, cursor >= line.length())) {
            throw new EOFError(-1, -1, "incomplete input", "");
        }
        return words(line, cursor);
    }

    /** Whether Enter should open a continuation line instead of running the entry. */
    static boolean needsMore(String text) {
        return needsMore(text, true);
    }

    static boolean needsMore(String text, boolean atEnd) {
        if (text.isBlank() || text.stripLeading().startsWith(":")) return false;
        boolean endsBlank = endsWithBlankLine(text);
        Module module;
        try {
            module = tdl.syntax.Parser.parse(new SourceText("<stdin>", text));
        } catch (IncompleteInputError e) {
            // `if x:` then an empty line is Python's IndentationError, not a reason to wait forever
            return !(endsBlank && e.kind() == ErrorKind.INDENTATION_ERROR);
        } catch (TdlError e) {
            return false; // a real error: run it so the message shows now
        }
        List<Stmt> body = module.body();
        return atEnd && !body.isEmpty() && isCompound(body.get(body.size() - 1)) && !endsBlank;
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

    /** The dotted name that ends at the cursor is the word to complete; the rest is context. */
    static ParsedLine words(String line, int cursor) {
        int start = cursor;
        while (start > 0 && isNameChar(line.charAt(start - 1))) start--;
        int end = cursor;
        while (end < line.length() && isNameChar(line.charAt(end))) end++;
        return new Words(line, cursor, line.substring(start, end), cursor - start);
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private record Words(String line, int cursor, String word, int wordCursor) implements CompletingParsedLine {
        @Override public int wordIndex() { return 0; }

        @Override public List<String> words() { return List.of(word); }

        @Override public CharSequence escape(CharSequence candidate, boolean complete) { return candidate; }

        @Override public int rawWordCursor() { return wordCursor; }

        @Override public int rawWordLength() { return word.length(); }
    }
}
