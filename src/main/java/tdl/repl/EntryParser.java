package tdl.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import tdl.session.EntryStatus;
import tdl.session.NameCompletion;

/**
 * JLine's view of TDL input. On Enter it asks {@link EntryStatus} whether the entry is complete; an
 * incomplete entry (open bracket, trailing backslash, block header without body, a block not yet
 * closed by an empty line) raises {@link EOFError} so JLine shows the continuation prompt. For
 * completion it splits off the dotted name before the cursor ({@code T.nnet.so}) as the word.
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
        if (text.stripLeading().startsWith(":")) return false; // meta commands are single lines
        return EntryStatus.of(text, atEnd) == EntryStatus.INCOMPLETE;
    }

    /** The dotted name that ends at the cursor is the word to complete; the rest is context. */
    static ParsedLine words(String line, int cursor) {
        NameCompletion.Word w = NameCompletion.wordAt(line, cursor);
        return new Words(line, cursor, w.text(), cursor - w.start());
    }

    private record Words(String line, int cursor, String word, int wordCursor) implements CompletingParsedLine {
        @Override public int wordIndex() { return 0; }

        @Override public List<String> words() { return List.of(word); }

        @Override public CharSequence escape(CharSequence candidate, boolean complete) { return candidate; }

        @Override public int rawWordCursor() { return wordCursor; }

        @Override public int rawWordLength() { return word.length(); }
    }
}
