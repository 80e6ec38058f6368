package tdl.syntax;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Turns ANTLR token coordinates into {@link SourcePos}: lines continue the source's numbering, columns are 1-based. */
record Positions(SourceText source) {

    SourcePos at(Token t) {
        return at(t.getLine(), t.getCharPositionInLine());
    }

    SourcePos at(ParserRuleContext ctx) {
        return at(ctx.getStart());
    }

    /** @param antlrLine 1-based line within the text, @param charPos 0-based column */
    SourcePos at(int antlrLine, int charPos) {
        return new SourcePos(source, antlrLine + source.firstLine() - 1, charPos + 1);
    }
}
