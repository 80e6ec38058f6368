package tdl.interp;

import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * Python's KeyError for a missing dict key: the message is the key's repr (KeyError: 'k') and the
 * caught exception's args hold the key itself, so {@code e.args[0]} and {@code repr(e)} are Python's.
 */
final class MissingKeyError extends TdlError {
    private final transient Object key;

    MissingKeyError(Interpreter in, Object key) {
        super(ErrorKind.KEY_ERROR, in.repr(key));
        this.key = key;
    }

    Object key() { return key; }
}
