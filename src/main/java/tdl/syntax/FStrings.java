package tdl.syntax;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.syntax.ast.Expr;

/**
 * Splits the body of an f-string into literal text and {@link Expr.FormatField}s. The expression of
 * each field is parsed by the same parser, positioned where it sits in the source.
 */
final class FStrings {
    /** Parses an embedded expression found at (1-based line, 0-based column) of the text. */
    interface FieldParser {
        Expr parse(String text, int antlrLine, int charPos);
    }

    private final String body;
    private final boolean raw;
    private final int startLine;
    private final int startCol;
    private final SourcePos at;
    private final Positions positions;
    private final FieldParser fields;

    private FStrings(String body, boolean raw, int startLine, int startCol, SourcePos at, Positions positions,
                     FieldParser fields) {
        this.body = body;
        this.raw = raw;
        this.startLine = startLine;
        this.startCol = startCol;
        this.at = at;
        this.positions = positions;
        this.fields = fields;
    }

    /** @return String pieces and FormatFields, in order. */
    static List<Object> split(String body, boolean raw, int startLine, int startCol, Positions positions,
                              FieldParser fields) {
        SourcePos at = positions.at(startLine, startCol);
        return new FStrings(body, raw, startLine, startCol, at, positions, fields).split();
    }

    private List<Object> split() {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '{' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}') {
                if (i + 1 < body.length() && body.charAt(i + 1) == '}') {
                    literal.append('}');
                    i += 2;
                } else {
                    throw error("f-string: single '}' is not allowed", i, "write '}}' for a literal brace");
                }
            } else if (c == '{') {
                flush(literal, parts);
                i = field(i, parts);
            } else if (c == '\\' && !raw && i + 1 < body.length()) {
                literal.append(c).append(body.charAt(i + 1));
                i += 2;
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, parts);
        return parts;
    }

    private void flush(StringBuilder literal, List<Object> parts) {
        if (literal.length() == 0) return;
        parts.add(raw ? literal.toString() : Literals.unescape(literal.toString(), at));
        literal.setLength(0);
    }

    /** Parses the field opening at body[open]; returns the index just past its closing '}'. */
    private int field(int open, List<Object> parts) {
        int i = open + 1;
        int depth = 0;
        char quote = 0;
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == '}' || c == ':'
                    || (c == '!' && (i + 1 >= body.length() || body.charAt(i + 1) != '=')))) {
                break;
            }
        }
        if (i >= body.length()) throw error("f-string: expecting '}'", open, null);
        String source = body.substring(open + 1, i);
        if (source.isBlank()) throw error("f-string: empty expression not allowed", open, null);
        String conversion = null;
        String spec = null;
        if (body.charAt(i) == '!') {
            if (i + 1 >= body.length() || "rsa".indexOf(body.charAt(i + 1)) < 0) {
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'", i, null);
            }
            conversion = String.valueOf(body.charAt(i + 1));
            i += 2;
            if (i >= body.length() || (body.charAt(i) != '}' && body.charAt(i) != ':')) {
                throw error("f-string: expecting '}'", open, null);
            }
        }
        if (body.charAt(i) == ':') {
            int end = body.indexOf('}', i);
            if (end < 0) throw error("f-string: expecting '}'", open, null);
            spec = body.substring(i + 1, end);
            if (spec.indexOf('{') >= 0) {
                throw error("f-string: nested replacement fields in a format spec are not supported", i,
                        "compute the format spec first: fmt = '.%df' % digits, then use format(x, fmt)");
            }
            i = end;
        }
        String trimmed = source.stripTrailing();
        if (trimmed.endsWith("=") && !trimmed.endsWith("==") && !trimmed.endsWith("!=")
                && !trimmed.endsWith("<=") && !trimmed.endsWith(">=")) {
            // f"{x=}" prints the expression text too, with repr unless a spec is given
            parts.add(source);
            source = trimmed.substring(0, trimmed.length() - 1);
            if (conversion == null && spec == null) conversion = "r";
        }
        int[] where = lineCol(open + 1);
        parts.add(new Expr.FormatField(fields.parse(source, where[0], where[1]), conversion, spec));
        return i + 1;
    }

    /** Source line (1-based, lexer numbering) and 0-based column of body[offset]. */
    private int[] lineCol(int offset) {
        int line = startLine;
        int col = startCol;
        for (int k = 0; k < offset; k++) {
            if (body.charAt(k) == '\n') {
                line++;
                col = 0;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    private TdlError error(String message, int offset, String hint) {
        int[] where = lineCol(offset);
        return new TdlError(ErrorKind.SYNTAX_ERROR, message, positions.at(where[0], where[1]), hint);
    }
}
