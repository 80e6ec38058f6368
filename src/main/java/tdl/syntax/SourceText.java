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

    /**
     * The text of a script file's bytes, which must be UTF-8 (as Python's default source encoding):
     * anything else is a SyntaxError naming the first bad byte and its line.
     */
    public static String decodeUtf8(byte[] bytes, String name) {
        java.nio.charset.CharsetDecoder d = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int at = in.position(), line = 1;
            for (int i = 0; i < at; i++) if (bytes[i] == '\n') line++;
            throw new TdlError(tdl.vocab.ErrorKind.SYNTAX_ERROR, name + ": invalid UTF-8 at byte " + at + " (line " + line + ")",
                    "save the file as UTF-8");
        }
        d.flush(out);
        return out.flip().toString();
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
