package tdl.syntax;

import tdl.vocab.ErrorKind;

/**
 * A syntax error caused only by the text ending too early: an open bracket, an open triple-quoted
 * string, a trailing backslash, or a block header ({@code if x:}) with no body yet. The REPL catches
 * it to ask for another line; everywhere else it is an ordinary SyntaxError.
 */
public final class IncompleteInputError extends TdlError {

    public IncompleteInputError(ErrorKind kind, String message, SourcePos pos, String hint) {
        super(kind, message, pos, hint);
    }
}
