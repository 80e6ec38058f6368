package tdl.syntax;

/**
 * The one error type a user sees. {@code kind} is a Python-style exception name (SyntaxError,
 * TypeError, ValueError, ShapeError, ...) so {@code except ValueError:} can catch it by kind.
 * Built-in functions throw it without a position; the interpreter fills in the position of the
 * call that failed before the error leaves it.
 */
public class TdlError extends RuntimeException {
    private final String kind;
    private final String detail;
    private SourcePos pos;
    private final String hint;

    public TdlError(String kind, String message, SourcePos pos, String hint) {
        super(message);
        this.kind = kind;
        this.detail = message;
        this.pos = pos;
        this.hint = hint;
    }

    public TdlError(String kind, String message) {
        this(kind, message, null, null);
    }

    public TdlError(String kind, String message, String hint) {
        this(kind, message, null, hint);
    }

    public String kind() { return kind; }

    public String detail() { return detail; }

    public SourcePos pos() { return pos; }

    public String hint() { return hint; }

    /** Sets the position if none is known yet; returns this for throw-chaining. */
    public TdlError at(SourcePos where) {
        if (pos == null) pos = where;
        return this;
    }

    /**
     * The user-facing text:
     * <pre>
     * ShapeError: shapes (3,) and (4,) cannot be broadcast together
     *   at script.tdl:5:7
     *     c = a + b
     *           ^
     *   hint: ...
     * </pre>
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(kind).append(": ").append(detail);
        if (pos != null) {
            sb.append("\n  at ").append(pos);
            String line = pos.sourceLine();
            if (!line.isEmpty()) {
                sb.append("\n    ").append(line.replace('\t', ' '));
                sb.append("\n    ").append(" ".repeat(Math.max(0, pos.col() - 1))).append('^');
            }
        }
        if (hint != null && !hint.isEmpty()) sb.append("\n  hint: ").append(hint);
        return sb.toString();
    }
}
