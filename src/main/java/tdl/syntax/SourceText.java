package tdl.syntax;

import java.util.List;

/** The text of one unit of source (a file, a REPL entry, a -e string), kept so errors can quote lines. */
public final class SourceText {
    private final String name;
    private final String text;
    private final List<String> lines;
    private final int firstLine;

    /** @param firstLine the line number of the text's first line (REPL entries continue the numbering). */
    public SourceText(String name, String text, int firstLine) {
        this.name = name;
        this.text = text;
        this.lines = text.lines().toList();
        this.firstLine = firstLine;
    }

    public SourceText(String name, String text) {
        this(name, text, 1);
    }

    public String name() { return name; }

    public String text() { return text; }

    public int firstLine() { return firstLine; }

    /** The source line with the given (absolute) number, or "" when out of range. */
    public String line(int number) {
        int i = number - firstLine;
        return i >= 0 && i < lines.size() ? lines.get(i) : "";
    }
}
