package tdl.syntax;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import tdl.vocab.ErrorKind;
import tdl.syntax.ast.Expr;
import tdl.syntax.ast.Module;

/**
 * TDL source text to AST. A pure function: every call builds its own lexer, parser and builders.
 * The first error is thrown as a {@link TdlError} of kind SyntaxError or IndentationError, or as
 * an {@link IncompleteInputError} when the text merely stops too early (for the REPL).
 */
public final class Parser {
    private final SourceText source;
    private final Positions positions;

    private Parser(SourceText source) {
        this.source = source;
        this.positions = new Positions(source);
    }

    public static Module parse(SourceText src) {
        return new Parser(src).module();
    }

    /** True if the text stops in the middle of a statement, so a REPL should read another line. */
    public static boolean isIncomplete(String text) {
        try {
            parse(new SourceText("<input>", text));
            return false;
        } catch (IncompleteInputError e) {
            return true;
        } catch (TdlError e) {
            return false;
        }
    }

    private Module module() {
        String text = normalize(source.text());
        TDLParser parser = parser(text, 1, 0, false);
        TDLParser.FileInputContext tree;
        try {
            tree = parser.fileInput();
        } catch (StackOverflowError e) {
            // a chain the parser descends recursively (unary operators, **, conditional expressions):
            // the token it had reached is where the nesting became too deep
            throw tooDeep(positions.at(parser.getCurrentToken()));
        }
        ExprBuilder exprs = new ExprBuilder(positions, this::field);
        AstBuilder builder = new AstBuilder(positions, exprs);
        try {
            return new Module(source, builder.statements(tree.stmt()));
        } catch (StackOverflowError e) {
            // a long left-leaning chain (1 + 1 + ... on one line) parses in a loop but nests as a tree;
            // the end of the innermost part being built is where building gave up
            ParseTree at = exprs.deepest();
            SourcePos pos = at instanceof ParserRuleContext c ? positions.at(c.getStop() != null ? c.getStop() : c.getStart())
                    : at instanceof TerminalNode n ? positions.at(n.getSymbol()) : null;
            throw tooDeep(pos);
        }
    }

    private static TdlError tooDeep(SourcePos pos) {
        return new TdlError(ErrorKind.RECURSION_ERROR, "expression nested too deeply to parse", pos,
                "split it into several statements with intermediate variables, or build it in a loop");
    }

    /** Parses the expression of an f-string field, positioned where it sits in the source. */
    private Expr field(String text, int line, int charPos) {
        TDLParser parser = parser(text, line, charPos, true);
        try {
            return new ExprBuilder(positions, this::field).visit(parser.fieldInput());
        } catch (IncompleteInputError e) {
            // the f-string itself is closed, so more input cannot complete its field
            throw new TdlError(e.kind(), "f-string: " + e.detail(), e.pos(), e.hint());
        }
    }

    private TDLParser parser(String text, int line, int charPos, boolean fragment) {
        TDLLexer lexer = new TDLLexer(CharStreams.fromString(text, source.name()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new SyntaxErrorListener(positions));
        lexer.setLine(line);
        lexer.setCharPositionInLine(charPos);
        IndentingTokenSource tokens = new IndentingTokenSource(lexer, text, positions, fragment);
        TDLParser parser = new TDLParser(new CommonTokenStream(tokens));
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrorListener(positions));
        return parser;
    }

    /** One line-ending convention and no byte-order mark, so lines and columns match SourceText's. */
    private static String normalize(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }
}
