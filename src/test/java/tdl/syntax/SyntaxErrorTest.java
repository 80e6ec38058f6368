package tdl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every syntax error kind: its kind, message and line:col; and the incomplete-input cases. */
class SyntaxErrorTest {

    /** "Kind: message @line:col" of the error parsing src raises. */
    static String error(String src) {
        TdlError e = assertThrows(TdlError.class, () -> Parser.parse(new SourceText("t.tdl", src)));
        return e.kind() + ": " + e.detail() + " @" + e.pos().line() + ":" + e.pos().col();
    }

    static boolean incomplete(String src) {
        return Parser.isIncomplete(src);
    }

    @Test void invalidSyntax() {
        assertEquals("SyntaxError: invalid syntax @1:7", error("x = 1 2 3\n"));
        assertEquals("SyntaxError: invalid syntax @2:6", error("x = 1\ny = *\n"));
        assertEquals("SyntaxError: invalid syntax @1:8", error("x = 1 +\n"));
    }

    @Test void missingColon() {
        assertEquals("SyntaxError: expected ':' @1:5", error("if x\n    y = 1\n"));
        assertEquals("SyntaxError: expected ':' @1:8", error("def f()\n    pass\n"));
        assertEquals("SyntaxError: expected ':' @1:18", error("for i in range(3)\n    pass\n"));
        assertEquals("SyntaxError: expected ':' @3:5", error("if x:\n  pass\nelse\n  pass\n"));
    }

    @Test void indentationErrors() {
        assertEquals("IndentationError: unexpected indent @2:5", error("x = 1\n    y = 2\n"));
        assertEquals("IndentationError: expected an indented block after 'if' statement on line 1 @2:1",
                error("if x:\ny = 2\n"));
        assertEquals("IndentationError: expected an indented block after function definition on line 2 @3:1",
                error("\ndef f():\nreturn 1\n"));
        assertEquals("IndentationError: unindent does not match any outer indentation level @3:3",
                error("if x:\n    a = 1\n  b = 2\n"));
    }

    @Test void mixingTabsAndSpaces() {
        assertEquals("IndentationError: mixing tabs and spaces in one block's indentation @3:1",
                error("if x:\n    a = 1\n\tb = 2\n"));
        assertEquals("IndentationError: mixing tabs and spaces in one block's indentation @2:1",
                error("if x:\n \ta = 1\n"));
    }

    @Test void lexicalErrors() {
        assertEquals("SyntaxError: unexpected character '$' @1:5", error("x = $y\n"));
        assertEquals("SyntaxError: unexpected character '?' @2:3", error("x = 1\nx ? 2\n"));
        assertEquals("SyntaxError: unterminated string literal @1:5", error("x = 'abc\ny = 2\n"));
        assertEquals("SyntaxError: unexpected character after line continuation character @1:9",
                error("x = 1 + \\ 2\n"));
        assertEquals("SyntaxError: invalid character '\u201C' (U+201C) @1:7", error("print(\u201Chi\u201D)\n"));
    }

    @Test void bracketErrors() {
        assertEquals("SyntaxError: unmatched ')' @1:6", error("x = 1)\n"));
        assertEquals("SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:7",
                error("f(a, b]\n"));
        assertEquals("SyntaxError: '(' was never closed @1:2", error("f(a,\n  b\n"));
    }

    @Test void aBracketNeverClosedIsBlamedForTheErrorOnALaterLine() {
        assertEquals("SyntaxError: '[' was never closed @1:5", error("a = [1, 2\nb = 3\n"));
        assertEquals("SyntaxError: invalid syntax. Perhaps you forgot a comma? @2:5", error("f(a,\n  b c)\n"));
        assertFalse(incomplete("a = [1, 2\nb = 3\n"));
    }

    @Test void ternaryWithoutElse() {
        assertEquals("SyntaxError: expected 'else' after 'if' expression @1:11", error("x = 1 if y\n"));
    }

    @Test void theFirstErrorInSourceOrderWins() {
        assertEquals("SyntaxError: invalid syntax @1:7", error("x = 1 2\ny = $\n"));
        assertEquals("SyntaxError: unexpected character '$' @1:5", error("x = $\ny = 1 2\n"));
    }

    @Test void assignmentTargetErrors() {
        assertEquals("SyntaxError: cannot assign to function call @1:1", error("f() = 1\n"));
        assertEquals("SyntaxError: cannot assign to literal @1:1", error("1 = x\n"));
        assertEquals("SyntaxError: cannot assign to None @1:1", error("None = x\n"));
        assertEquals("SyntaxError: 'tuple' is an illegal expression for augmented assignment @1:1",
                error("a, b += 1\n"));
        assertEquals("SyntaxError: multiple starred expressions in assignment @1:5", error("*a, *b = c\n"));
        assertEquals("SyntaxError: cannot delete to function call @1:5", error("del f()\n"));
    }

    @Test void argumentAndParameterErrors() {
        assertEquals("SyntaxError: positional argument follows keyword argument @1:8", error("f(a=1, b)\n"));
        assertEquals("SyntaxError: keyword argument repeated: a @1:8", error("f(a=1, a=2)\n"));
        assertEquals("SyntaxError: Generator expression must be parenthesized @1:3", error("f(x for x in y, 1)\n"));
        assertEquals("SyntaxError: non-default argument follows default argument @1:15", error("def f(a, b=1, c):\n  pass\n"));
        assertEquals("SyntaxError: duplicate argument 'a' in function definition @1:10", error("def f(a, a):\n  pass\n"));
    }

    @Test void helpfulMessagesForCommonMistakes() {
        assertEquals("SyntaxError: Missing parentheses in call to 'print' @1:1", error("print 'hello'\n"));
        assertEquals("SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:9", error("f(a, b  c)\n"));
        assertEquals("SyntaxError: invalid syntax @1:6", error("if x = 1:\n  pass\n"));
        assertEquals("SyntaxError: set literals are not supported @1:5", error("s = {1, 2}\n"));
        assertEquals("SyntaxError: class decorators are not supported @2:1", error("@dec\nclass C: pass\n"));
        assertEquals("SyntaxError: expected 'except' or 'finally' block @3:1", error("try:\n  x\ny = 1\n"));
    }

    @Test void keywordsUsedAsNames() {
        TdlError e = assertThrows(TdlError.class, () -> Parser.parse(new SourceText("t", "lambda = 0.1\n")));
        assertEquals("invalid syntax @1:1", e.detail() + " @" + e.pos().line() + ":" + e.pos().col());
        assertEquals("'lambda' is a keyword and cannot be used as a variable name", e.hint());
        e = assertThrows(TdlError.class, () -> Parser.parse(new SourceText("t", "def class(x):\n  pass\n")));
        assertEquals("'class' is a keyword and cannot be used as a name", e.hint());
    }

    @Test void python2Leftovers() {
        assertEquals("SyntaxError: multiple exception types must be parenthesized @3:18",
                error("try:\n  f()\nexcept ValueError, e:\n  pass\n"));
        assertEquals("SyntaxError: 'yield' is not supported in TDL @2:3", error("def f():\n  yield x\n"));
        assertEquals("SyntaxError: unexpected character '`' @1:5", error("s = `x`\n"));
    }

    @Test void fStringErrors() {
        assertEquals("SyntaxError: f-string: single '}' is not allowed @1:5", error("f'a }'\n"));
        assertEquals("SyntaxError: f-string: expecting '}' @1:3", error("f'{a'\n"));
        assertEquals("SyntaxError: f-string: empty expression not allowed @1:5", error("f'ab{ }'\n"));
        assertEquals("SyntaxError: invalid syntax @1:7", error("f'{a +}'\n"));
        assertEquals("SyntaxError: f-string: expecting '}' @1:3", error("f'{f(a, \"}\"}'\n"));
        assertFalse(incomplete("f'{f(a, \"}\"}'"));
    }

    @Test void errorsAreFormattedWithACaret() {
        TdlError e = assertThrows(TdlError.class, () -> Parser.parse(new SourceText("t.tdl", "y = 1\nx = (1 +\ny = 2\n")));
        assertEquals("SyntaxError: '(' was never closed\n  at t.tdl:2:5\n    x = (1 +\n        ^\n"
                + "  hint: close it before the line where the error was found", e.format());
    }

    @Test void incompleteInput() {
        assertTrue(incomplete("x = (1 +"));
        assertTrue(incomplete("f(a,\n  b"));
        assertTrue(incomplete("d = {'a': [1,\n"));
        assertTrue(incomplete("s = '''doc\nmore"));
        assertTrue(incomplete("x = 1 + \\\n"));
        assertTrue(incomplete("x = 1 + \\"));
        assertTrue(incomplete("if x:"));
        assertTrue(incomplete("if x:\n"));
        assertTrue(incomplete("for i in xs:\n    if i:\n"));
        assertTrue(incomplete("class C:\n    def f(self):\n"));
        assertTrue(incomplete("@decorator\n"));
        IncompleteInputError e = assertThrows(IncompleteInputError.class, () -> Parser.parse(new SourceText("t", "f(1,\n")));
        assertEquals("'(' was never closed", e.detail());
    }

    @Test void completeOrWrongInputIsNotIncomplete() {
        assertFalse(incomplete("x = 1"));
        assertFalse(incomplete("if x:\n    y = 1\n"));
        assertFalse(incomplete("x = 1 +\n"));
        assertFalse(incomplete("x = )"));
        assertFalse(incomplete("'abc"));
        assertFalse(incomplete("if x:\ny"));
        assertFalse(incomplete("f(a b"));
    }
}
