package tdl.syntax;

/**
 * A position in TDL source: 1-based line, 1-based column. Every AST node, every error and every
 * graph node built by a script carries one, so messages can quote the line and put a caret under it.
 */
public record SourcePos(SourceText source, int line, int col) {

    public String file() { return source == null ? "<unknown>" : source.name(); }

    public String sourceLine() { return source == null ? "" : source.line(line); }

    @Override
    public String toString() { return file() + ":" + line + ":" + col; }
}
