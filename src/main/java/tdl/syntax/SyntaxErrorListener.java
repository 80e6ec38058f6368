package tdl.syntax;

import tdl.vocab.ErrorKind;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Replaces ANTLR's console listener: the first error becomes a {@link TdlError} with a message a
 * Python user recognises ("expected ':'", "unexpected indent", ...). Nothing is ever printed.
 */
final class SyntaxErrorListener extends BaseErrorListener {
    private final Positions positions;

    SyntaxErrorListener(Positions positions) {
        this.positions = positions;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int col,
                            String msg, RecognitionException e) {
        if (offendingSymbol instanceof ErrorToken error) throw error.error();
        if (!(recognizer instanceof TDLParser parser) || !(offendingSymbol instanceof Token tok)) {
            throw new TdlError(ErrorKind.SYNTAX_ERROR, "invalid syntax", positions.at(line, col), null);
        }
        throw translate(parser, tok, e);
    }

    private TdlError translate(TDLParser parser, Token tok, RecognitionException e) {
        IntervalSet expected = e != null ? e.getExpectedTokens() : parser.getExpectedTokens();
        BufferedTokenStream stream = (BufferedTokenStream) parser.getInputStream();
        stream.fill();
        List<Token> tokens = stream.getTokens();
        int index = tok.getTokenIndex() >= 0 ? tok.getTokenIndex() : stream.index();
        boolean atEnd = onlyEndFollows(tokens, index);
        Token prev = index > 0 ? tokens.get(index - 1) : null;
        SourcePos at = positions.at(tok);
        int type = tok.getType();

        if (type == TDLParser.INDENT) {
            return new TdlError(ErrorKind.INDENTATION_ERROR, "unexpected indent", at,
                    "indent a line only after a line ending with ':'");
        }
        if (expected.contains(TDLParser.INDENT)) {
            String message = "expected an indented block" + afterHeader(tokens, index);
            if (atEnd) return new IncompleteInputError(ErrorKind.INDENTATION_ERROR, message, at, null);
            return new TdlError(ErrorKind.INDENTATION_ERROR, message, at, "indent the body of the block, e.g. by 4 spaces");
        }
        if (atEnd && expected.contains(TDLParser.DEF) && prev != null && prev.getType() == TDLParser.NEWLINE
                && parser.getContext() instanceof TDLParser.FuncDefContext) {
            return new IncompleteInputError(ErrorKind.SYNTAX_ERROR, "expected a function definition after the decorator", at, null);
        }
        if (type == TDLParser.CLASS && prev != null && prev.getType() == TDLParser.NEWLINE
                && parser.getContext() instanceof TDLParser.FuncDefContext) {
            return new TdlError(ErrorKind.SYNTAX_ERROR, "class decorators are not supported", at,
                    "decorate functions only, or apply the decorator by hand: C = decorator(C)");
        }
        if (prev != null && prev.getType() == TDLParser.NAME && prev.getText().equals("print")
                && startsLogicalLine(tokens, index - 1) && startsAtom(type)) {
            return new TdlError(ErrorKind.SYNTAX_ERROR, "Missing parentheses in call to 'print'", positions.at(prev),
                    "write print(...) as in Python 3");
        }
        TdlError unclosed = unclosedBracket(tokens, at);
        if (unclosed != null) return unclosed;
        if (expected.contains(TDLParser.ELSE) && !expected.contains(TDLParser.COLON)
                && (type == TDLParser.NEWLINE || type == TDLParser.RPAREN || type == TDLParser.COMMA)) {
            return new TdlError(ErrorKind.SYNTAX_ERROR, "expected 'else' after 'if' expression", at, "write: a if condition else b");
        }
        if (prev != null && isKeyword(prev) && type == TDLParser.ASSIGN) {
            return new TdlError(ErrorKind.SYNTAX_ERROR, "invalid syntax", positions.at(prev),
                    "'" + prev.getText() + "' is a keyword and cannot be used as a variable name");
        }
        if (isKeyword(tok) && expected.contains(TDLParser.NAME)) {
            return new TdlError(ErrorKind.SYNTAX_ERROR, "invalid syntax", at,
                    "'" + tok.getText() + "' is a keyword and cannot be used as a name");
        }
        if (prev != null && prev.getType() == TDLParser.NAME && startsLogicalLine(tokens, index - 1)
                && (prev.getText().equals("yield") || prev.getText().equals("await") || prev.getText().equals("async"))) {
            return new TdlError(ErrorKind.SYNTAX_ERROR, "'" + prev.getText() + "' is not supported in TDL", positions.at(prev),
                    prev.getText().equals("yield") ? "build and return a list instead of a generator" : null);
        }
        if (type == TDLParser.COMMA && parser.getContext() instanceof TDLParser.ExceptClauseContext) {
            return new TdlError(ErrorKind.SYNTAX_ERROR, "multiple exception types must be parenthesized", at,
                    "write 'except (A, B):', or 'except A as e:' to name the error (Python 2's 'except A, e:' is gone)");
        }
        if (type == TDLParser.ASSIGN) {
            return new TdlError(ErrorKind.SYNTAX_ERROR, "invalid syntax", at,
                    "use '==' to compare; '=' only assigns, as a statement of its own");
        }
        if (expected.contains(TDLParser.COLON) && (type == TDLParser.NEWLINE || type == Token.EOF)
                && headerKeyword(tokens, index) != null) {
            return new TdlError(ErrorKind.SYNTAX_ERROR, "expected ':'", at, null);
        }
        if (prev != null && endsAtom(prev.getType()) && startsAtom(type) && insideBrackets(tokens, index)) {
            return new TdlError(ErrorKind.SYNTAX_ERROR, "invalid syntax. Perhaps you forgot a comma?", at, null);
        }
        if (type == TDLParser.NEWLINE) {
            return new TdlError(ErrorKind.SYNTAX_ERROR, "invalid syntax", at, "the statement is not complete at the end of the line");
        }
        return new TdlError(ErrorKind.SYNTAX_ERROR, "invalid syntax", at, null);
    }

    /** True if nothing but NEWLINE/DEDENT tokens and EOF remain from index on. */
    private static boolean onlyEndFollows(List<Token> tokens, int index) {
        for (int i = index; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            if (type == Token.EOF) return true;
            if (type != TDLParser.NEWLINE && type != TDLParser.DEDENT) return false;
        }
        return true;
    }

    /** " after 'if' statement on line 3", from the header whose ':' precedes index. */
    private String afterHeader(List<Token> tokens, int index) {
        Token keyword = headerKeyword(tokens, index);
        if (keyword == null) return "";
        int line = positions.at(keyword).line();
        return switch (keyword.getType()) {
            case TDLParser.DEF -> " after function definition on line " + line;
            case TDLParser.CLASS -> " after class definition on line " + line;
            default -> " after '" + keyword.getText() + "' statement on line " + line;
        };
    }

    /** The first token of the logical line holding the last real token before index, if it opens a block. */
    private static Token headerKeyword(List<Token> tokens, int index) {
        int i = Math.min(index, tokens.size()) - 1;
        while (i > 0 && isLayout(tokens.get(i).getType())) i--;
        if (i < 0) return null;
        while (i > 0 && !isLayout(tokens.get(i - 1).getType())) i--;
        if (i < 0 || i >= tokens.size()) return null;
        Token first = tokens.get(i);
        return switch (first.getType()) {
            case TDLParser.IF, TDLParser.ELIF, TDLParser.ELSE, TDLParser.WHILE, TDLParser.FOR, TDLParser.TRY,
                 TDLParser.EXCEPT, TDLParser.FINALLY, TDLParser.WITH, TDLParser.DEF, TDLParser.CLASS -> first;
            default -> null;
        };
    }

    private static boolean isLayout(int type) {
        return type == TDLParser.NEWLINE || type == TDLParser.INDENT || type == TDLParser.DEDENT || type == Token.EOF;
    }

    private static boolean startsLogicalLine(List<Token> tokens, int index) {
        return index == 0 || isLayout(tokens.get(index - 1).getType());
    }

    private static boolean insideBrackets(List<Token> tokens, int index) {
        int depth = 0;
        for (int i = index - 1; i >= 0; i--) {
            switch (tokens.get(i).getType()) {
                case TDLParser.RPAREN, TDLParser.RBRACK, TDLParser.RBRACE -> depth++;
                case TDLParser.LPAREN, TDLParser.LBRACK, TDLParser.LBRACE -> {
                    if (depth == 0) return true;
                    depth--;
                }
                case TDLParser.NEWLINE -> { return false; }
                default -> { }
            }
        }
        return false;
    }

    /**
     * A bracket left open to the end of the input explains an error on a later line better than the
     * error itself does (the next statement was swallowed into the bracket).
     */
    private static TdlError unclosedBracket(List<Token> tokens, SourcePos at) {
        if (tokens.size() < 2 || !(tokens.get(tokens.size() - 2) instanceof ErrorToken last)) return null;
        TdlError e = last.error();
        if (!(e instanceof IncompleteInputError) || !e.detail().endsWith("was never closed") || e.pos().line() >= at.line()) {
            return null;
        }
        return new TdlError(ErrorKind.SYNTAX_ERROR, e.detail(), e.pos(), "close it before the line where the error was found");
    }

    /** Keywords are the tokens whose grammar literal is a word, e.g. 'lambda'. */
    private static boolean isKeyword(Token t) {
        String literal = TDLParser.VOCABULARY.getLiteralName(t.getType());
        return literal != null && literal.length() > 2 && Character.isLetter(literal.charAt(1))
                && t.getType() != TDLParser.NONE && t.getType() != TDLParser.TRUE && t.getType() != TDLParser.FALSE;
    }

    private static boolean startsAtom(int type) {
        return type == TDLParser.NAME || type == TDLParser.INTEGER || type == TDLParser.FLOAT
                || type == TDLParser.STRING || type == TDLParser.NONE || type == TDLParser.TRUE
                || type == TDLParser.FALSE;
    }

    private static boolean endsAtom(int type) {
        return startsAtom(type) || type == TDLParser.RPAREN || type == TDLParser.RBRACK || type == TDLParser.RBRACE;
    }
}
