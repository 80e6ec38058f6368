package tdl.syntax;

import tdl.vocab.ErrorKind;

/**
 * The one error type a user sees. {@code kind} mirrors Python's exception hierarchy
 * ({@link ErrorKind}), so {@code except ValueError:} catches a ShapeError too.
 * Built-in functions throw it without a position; the interpreter fills in the position of the
 * call that failed before the error leaves it.
 */
public class TdlError extends RuntimeException {
    /** Python shows a run of identical traceback entries once this many times, then a count. */
    private static final int REPEATS_SHOWN = 3;

    /** One entry of the call chain: a call site and the function it lies in (null: the module). */
    public record Frame(SourcePos pos, String function) {}

    private final ErrorKind kind;
    private final String detail;
    private SourcePos pos;
    private final String hint;
    // the call chain, filled in as the error leaves script functions: callers.get(0) is the call of the
    // function the error happened in, the last is the outermost
    private final java.util.List<Frame> callers = new java.util.ArrayList<>();
    private String function;
    private boolean awaitingCallSite;

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

    /** The function the error's position lies in, or null at module level. */
    public String function() { return function; }

    /**
     * The call chain as data, outermost first, ending with the error's own position: what the
     * Traceback lines show (file, line, column, function).
     */
    public java.util.List<Frame> frames() {
        java.util.List<Frame> out = new java.util.ArrayList<>();
        for (int i = callers.size() - 1; i >= 0; i--) out.add(callers.get(i));
        if (pos != null) out.add(new Frame(pos, function));
        return out;
    }

    /** The interpreter: the error leaves a call of the script function {@code name}. */
    public void leaveFunction(String name) {
        if (pos == null) return;
        if (callers.isEmpty()) {
            if (function == null) function = name;
        } else {
            Frame last = callers.get(callers.size() - 1);
            if (last.function() == null) callers.set(callers.size() - 1, new Frame(last.pos(), name));
        }
        awaitingCallSite = true;
    }

    /** The interpreter: the call expression through which the error left a function. */
    public void callSite(SourcePos where) {
        if (!awaitingCallSite) return;
        callers.add(new Frame(where, null));
        awaitingCallSite = false;
    }

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
        appendTraceback(sb);
        sb.append(kindName()).append(": ").append(detail);
        if (pos != null) {
            sb.append("\n  at ").append(pos);
            if (!callers.isEmpty()) sb.append(", in ").append(function == null ? "<module>" : function);
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
     * Python's header for an error raised inside script functions: one entry per calling frame,
     * outermost first, a long run of the same entry (deep recursion) cut to a count as Python does.
     * The innermost frame is the positioned part that follows.
     */
    private void appendTraceback(StringBuilder sb) {
        if (callers.isEmpty() || pos == null) return;
        sb.append("Traceback (most recent call last):\n");
        Frame previous = null;
        int run = 0;
        for (int i = callers.size() - 1; i >= 0; i--) {
            Frame f = callers.get(i);
            run = f.equals(previous) ? run + 1 : 1;
            if (run <= REPEATS_SHOWN) {
                appendEntry(sb, f);
            } else if (i == 0 || !callers.get(i - 1).equals(f)) {
                sb.append("  [Previous line repeated ").append(run - REPEATS_SHOWN).append(" more time")
                        .append(run - REPEATS_SHOWN == 1 ? "" : "s").append("]\n");
            }
            previous = f;
        }
    }

    private static void appendEntry(StringBuilder sb, Frame f) {
        SourcePos p = f.pos();
        sb.append("  File \"").append(p.file()).append("\", line ").append(p.line()).append(", in ")
                .append(f.function() == null ? "<module>" : f.function()).append('\n');
        String line = p.sourceLine().strip();
        if (!line.isEmpty()) sb.append("    ").append(line).append('\n');
    }
}
