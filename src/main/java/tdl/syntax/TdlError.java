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
    /** Script frames the error left, innermost first: where it was in each function and the function's name. */
    private final java.util.List<Frame> frames = new java.util.ArrayList<>();
    /** The position reached in the frame being unwound now (null until a statement or call in it reports one). */
    private SourcePos framePos;

    /** One traceback entry as data (for the embedding API): where the frame was and which function ran. */
    public record Frame(SourcePos pos, String function) {
        public String file() { return pos == null ? "<unknown>" : pos.file(); }
        public int line() { return pos == null ? 0 : pos.line(); }
        public int col() { return pos == null ? 0 : pos.col(); }
    }

    /** Python repeats at most this many identical traceback entries before summarising the rest. */
    private static final int REPEAT_SHOWN = 3;

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
        if (framePos == null) framePos = where;
        return this;
    }

    /**
     * Records that the error left the script function {@code function}: the position reached in it
     * becomes one traceback entry, and the next position reported belongs to the caller.
     */
    public void leftFunction(String function) {
        frames.add(new Frame(framePos, function));
        framePos = null;
    }

    /** The traceback outermost first, as Python prints it; the outermost frame is {@code <module>}. */
    public java.util.List<Frame> traceback() {
        java.util.List<Frame> out = new java.util.ArrayList<>();
        if (framePos != null || !frames.isEmpty()) out.add(new Frame(framePos, "<module>"));
        for (int i = frames.size() - 1; i >= 0; i--) out.add(frames.get(i));
        return out;
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
        appendTraceback(sb);
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

    /**
     * Python's "Traceback (most recent call last):" block, printed when the error crossed at least one
     * script function (an error at module level keeps the one positioned form). The innermost entry
     * has no source line when the positioned form below shows it with the caret. A run of identical
     * entries (deep recursion) prints three and then "[Previous line repeated N more times]".
     */
    private void appendTraceback(StringBuilder sb) {
        if (frames.isEmpty()) return;
        java.util.List<Frame> tb = traceback();
        sb.append("Traceback (most recent call last):\n");
        Frame previous = null;
        int repeats = 0;
        for (int i = 0; i < tb.size(); i++) {
            Frame f = tb.get(i);
            boolean innermost = i == tb.size() - 1;
            if (f.equals(previous) && !innermost) {
                repeats++;
                if (repeats >= REPEAT_SHOWN) continue;
            } else {
                appendRepeated(sb, repeats);
                repeats = 0;
            }
            previous = f;
            sb.append("  File \"").append(f.file()).append("\", line ").append(f.line()).append(", in ").append(f.function()).append('\n');
            // the positioned form below shows the error's own line with its caret: don't print it twice
            boolean shownBelow = innermost && java.util.Objects.equals(f.pos(), pos);
            String line = f.pos() == null || shownBelow ? "" : f.pos().sourceLine().strip();
            if (!line.isEmpty()) sb.append("    ").append(line).append('\n');
        }
        appendRepeated(sb, repeats);
    }

    private static void appendRepeated(StringBuilder sb, int repeats) {
        int more = repeats - (REPEAT_SHOWN - 1);
        if (more > 0) sb.append("  [Previous line repeated ").append(more).append(" more time").append(more == 1 ? "" : "s").append("]\n");
    }
}
