package tdl.interp;

import tdl.vocab.ErrorKind;
import tdl.syntax.SourcePos;
import tdl.syntax.TdlError;

/** A TdlError raised by a script's raise statement: it carries the exception instance itself. */
public final class ScriptError extends TdlError {
    private final TdlInstance instance;

    ScriptError(TdlInstance instance, ErrorKind kind, String message, SourcePos pos) {
        super(kind, message, pos, null);
        this.instance = instance;
    }

    /** The script's own class name (a subclass of a built-in kind prints under its own name). */
    @Override
    public String kindName() { return instance.cls.name; }

    public TdlInstance instance() { return instance; }
}
