package tdl.interp;

/** break / continue / return unwinding the Java stack; no stack trace, never shown to users. */
class ControlSignal extends RuntimeException {
    ControlSignal() { super(null, null, false, false); }

    static final class Break extends ControlSignal {}

    static final class Continue extends ControlSignal {}

    static final class Return extends ControlSignal {
        final Object value;
        final tdl.syntax.SourcePos pos;
        Return(Object value, tdl.syntax.SourcePos pos) { this.value = value; this.pos = pos; }
    }
}
