package tdl.syntax;

import tdl.vocab.ErrorKind;

/**
 * The one error type a user sees. {@code kind} mirrors Python's exception hierarchy
 * ({@link ErrorKind}), so {@code except ValueError:} catches a ShapeError too.
 * Built-in functions throw it without a position; the interpreter fills in the position of the
 * call that failed before the error leaves it.
 */
public class TdlError extends RuntimeException {
    private final ErrorKind kind;
    private final String detail;
    private SourcePos pos;
    private final String hint;

    public TdlError(ErrorKind kind, String message, SourcePos pos, String hint) {
        super(message);
        this.kind = kind;
        this.detail = message;
        this.pos = pos;
        this.hint = hint;
    }

    public TdlError(ErrorKind kind, String message) {
        this(kind, message, null, null);
    }

    public TdlError(ErrorKind kind, String message, String hint) {
        this(kind, message, null, hint);
    }

    public ErrorKind kind() { return kind; }

    /** The name the error prints under: the kind's Python name, or a script-defined class's name. */
    public String kindName() { return kind.pyName(); }

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
        sb.append(kindName()).append(": ").append(detail);
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
