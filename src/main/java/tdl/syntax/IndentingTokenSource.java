package tdl.syntax;

import tdl.vocab.ErrorKind;
import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Wraps the generated lexer and does what Python's tokenizer does beyond plain lexing: logical
 * NEWLINEs (dropped inside brackets, on blank lines and after a backslash continuation), INDENT and
 * DEDENT from leading whitespace, bracket matching, and turning lexical problems into positioned
 * errors. Errors travel as {@link ErrorToken}s so the parser still reports an earlier error first.
 */
final class IndentingTokenSource implements TokenSource {
    private final TDLLexer lexer;
    private final String text;
    private final Positions positions;
    /** An f-string field: newlines are insignificant and there is no indentation. */
    private final boolean fragment;

    private final Deque<Token> pending = new ArrayDeque<>();
    private final Deque<String> indents = new ArrayDeque<>();
    private final Deque<Token> brackets = new ArrayDeque<>();
    private boolean atLineStart;
    private boolean afterContinuation;
    private Token eof;

    IndentingTokenSource(TDLLexer lexer, String text, Positions positions, boolean fragment) {
        this.lexer = lexer;
        this.text = text;
        this.positions = positions;
        this.fragment = fragment;
        this.atLineStart = !fragment;
        indents.push("");
    }

    @Override
    public Token nextToken() {
        while (pending.isEmpty()) {
            if (eof != null) return eof;
            fill();
        }
        return pending.poll();
    }

    private void fill() {
        Token t = lexer.nextToken();
        switch (t.getType()) {
            case TDLLexer.LINE_CONTINUATION -> afterContinuation = true;
            case TDLLexer.NEWLINE -> {
                afterContinuation = false;
                if (fragment || atLineStart || !brackets.isEmpty()) return;
                atLineStart = true;
                pending.add(t);
            }
            case Token.EOF -> endOfInput(t);
            default -> {
                afterContinuation = false;
                if (atLineStart) {
                    atLineStart = false;
                    if (!indentation(t)) return;
                }
                if (brackets(t) && lexical(t)) pending.add(t);
            }
        }
    }

    private void endOfInput(Token t) {
        if (afterContinuation) {
            fail(t, incomplete("unexpected end of file after line continuation character", positions.at(t)));
            return;
        }
        if (!brackets.isEmpty()) {
            Token open = brackets.peek();
            fail(t, incomplete("'" + open.getText() + "' was never closed", positions.at(open)));
            return;
        }
        if (!fragment) {
            if (!atLineStart) pending.add(synthetic(TDLLexer.NEWLINE, "<NEWLINE>", t));
            while (indents.size() > 1) {
                indents.pop();
                pending.add(synthetic(TDLParser.DEDENT, "<DEDENT>", t));
            }
        }
        pending.add(t);
        eof = t;
    }

    /** Emits INDENT/DEDENT for the first token of a logical line; false if an error was emitted. */
    private boolean indentation(Token first) {
        int start = first.getStartIndex();
        String ws = text.substring(start - first.getCharPositionInLine(), start).replace("\f", "");
        if (ws.indexOf(' ') >= 0 && ws.indexOf('\t') >= 0) return mixedTabs(first);
        String top = indents.peek();
        if (ws.equals(top)) return true;
        if (ws.startsWith(top)) {
            indents.push(ws);
            pending.add(synthetic(TDLParser.INDENT, "<INDENT>", first));
            return true;
        }
        int dedents = 0;
        for (String level : indents) {
            if (level.equals(ws)) {
                for (int i = 0; i < dedents; i++) {
                    indents.pop();
                    pending.add(synthetic(TDLParser.DEDENT, "<DEDENT>", first));
                }
                return true;
            }
            if (!level.startsWith(ws) && !ws.startsWith(level)) return mixedTabs(first);
            dedents++;
        }
        fail(first, new TdlError(ErrorKind.INDENTATION_ERROR, "unindent does not match any outer indentation level",
                positions.at(first), "indent this line exactly like an enclosing block"));
        return false;
    }

    private boolean mixedTabs(Token first) {
        fail(first, new TdlError(ErrorKind.INDENTATION_ERROR, "mixing tabs and spaces in one block's indentation",
                positions.at(first.getLine(), 0), "indent with spaces only (4 per level)"));
        return false;
    }

    static final int MAX_BRACKETS = 200;

    /** Tracks open brackets; false if an error was emitted. */
    private boolean brackets(Token t) {
        switch (t.getType()) {
            case TDLLexer.LPAREN, TDLLexer.LBRACK, TDLLexer.LBRACE -> {
                brackets.push(t);
                if (brackets.size() > MAX_BRACKETS) {
                    // CPython's tokenizer limit (MAXLEVEL); it also keeps the recursive parser far from the stack's end
                    fail(t, syntax("too many nested parentheses", positions.at(t),
                            "at most " + MAX_BRACKETS + " brackets can be open at once; build deep data in a loop"));
                    return false;
                }
            }
            case TDLLexer.RPAREN, TDLLexer.RBRACK, TDLLexer.RBRACE -> {
                if (brackets.isEmpty()) {
                    fail(t, syntax("unmatched '" + t.getText() + "'", positions.at(t), null));
                    return false;
                }
                Token open = brackets.peek();
                if (!matches(open.getText(), t.getText())) {
                    String where = open.getLine() == t.getLine() ? "" : " on line " + positions.at(open).line();
                    fail(t, syntax("closing parenthesis '" + t.getText() + "' does not match opening parenthesis '"
                            + open.getText() + "'" + where, positions.at(t), null));
                    return false;
                }
                brackets.pop();
            }
            default -> { }
        }
        return true;
    }

    private static boolean matches(String open, String close) {
        return (open + close).equals("()") || (open + close).equals("[]") || (open + close).equals("{}");
    }

    /** Turns the lexer's error tokens into positioned errors; false if an error was emitted. */
    private boolean lexical(Token t) {
        SourcePos at = positions.at(t);
        switch (t.getType()) {
            case TDLLexer.UNTERMINATED_LONG_STRING -> fail(t, incomplete("unterminated triple-quoted string literal", at));
            case TDLLexer.UNTERMINATED_STRING -> fail(t, syntax("unterminated string literal", at,
                    "close the string on the same line with the quote it starts with; use triple quotes for text over several lines"));
            case TDLLexer.ERROR_CHAR -> fail(t, badCharacter(t, at));
            default -> { return true; }
        }
        return false;
    }

    private TdlError badCharacter(Token t, SourcePos at) {
        String c = t.getText();
        if (c.equals("\\")) {
            if (t.getStopIndex() + 1 >= text.length()) {
                return incomplete("unexpected end of file after line continuation character", at);
            }
            return syntax("unexpected character after line continuation character", at,
                    "a backslash joins lines only as the very last character of a line");
        }
        int cp = c.codePointAt(0);
        if ("\u2018\u2019\u201C\u201D".indexOf(cp) >= 0) {
            return syntax("invalid character '" + c + "' (U+" + String.format("%04X", cp) + ")", at,
                    "use straight quotes ' or \" (text pasted from a word processor often has curly ones)");
        }
        if (c.equals("!")) return syntax("unexpected character '!'", at, "use 'not' for logical negation");
        return syntax("unexpected character '" + c + "'", at, null);
    }

    private void fail(Token at, TdlError error) {
        pending.clear();
        pending.add(new ErrorToken(at, error));
        eof = synthetic(Token.EOF, "<EOF>", at);
    }

    private static TdlError syntax(String message, SourcePos at, String hint) {
        return new TdlError(ErrorKind.SYNTAX_ERROR, message, at, hint);
    }

    private static TdlError incomplete(String message, SourcePos at) {
        return new IncompleteInputError(ErrorKind.SYNTAX_ERROR, message, at, null);
    }

    private Token synthetic(int type, String tokenText, Token at) {
        CommonToken t = new CommonToken(at);
        t.setType(type);
        t.setText(tokenText);
        t.setChannel(Token.DEFAULT_CHANNEL);
        return t;
    }

    @Override public int getLine() { return lexer.getLine(); }
    @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
    @Override public CharStream getInputStream() { return lexer.getInputStream(); }
    @Override public String getSourceName() { return lexer.getSourceName(); }
    @Override public void setTokenFactory(TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
    @Override public TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
}
