package tdl.syntax;

import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * A token standing for a lexical or indentation error. It is handed to the parser instead of being
 * thrown at once, so that an earlier syntax error is still reported first: the parser can never
 * match it, and the error listener turns it back into its error.
 */
final class ErrorToken extends CommonToken {
    private final TdlError error;

    ErrorToken(Token at, TdlError error) {
        super(at);
        setType(TDLLexer.ERROR_CHAR);
        this.error = error;
    }

    TdlError error() {
        return error;
    }
}
