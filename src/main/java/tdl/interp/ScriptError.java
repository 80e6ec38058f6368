package tdl.interp;

import tdl.syntax.SourcePos;
import tdl.syntax.TdlError;

/** A TdlError raised by a script's raise statement: it carries the exception instance itself. */
public final class ScriptError extends TdlError {
    private final TdlInstance instance;

    ScriptError(TdlInstance instance, String message, SourcePos pos) {
        super(instance.cls.name, message, pos, null);
        this.instance = instance;
    }

    public TdlInstance instance() { return instance; }
}
