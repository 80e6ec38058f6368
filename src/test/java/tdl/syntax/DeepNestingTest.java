package tdl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Input nested past what a recursive parser can take gets a positioned error (file:line:col, so a
 * caret can point at it), never a bare RecursionError. Brackets stop at CPython's limit of 200 with
 * its message; other chains stop where the stack ran out.
 */
class DeepNestingTest {
    private static TdlError parseError(String text) {
        return assertThrows(TdlError.class, () -> Parser.parse(new SourceText("deep.tdl", text)));
    }

    @Test
    void fiftyThousandParenthesesStopAtTheTwoHundredAndFirst() {
        // python3: x = (((...50000 -> SyntaxError: too many nested parentheses, caret under the 201st '('
        TdlError e = parseError("y = 1\nx = " + "(".repeat(50000) + "1" + ")".repeat(50000) + "\n");
        assertEquals("SyntaxError", e.kind().pyName());
        assertEquals("too many nested parentheses", e.detail());
        assertEquals(2, e.pos().line());
        assertEquals(5 + 200, e.pos().col());
        assertEquals("deep.tdl", e.pos().file());
    }

    @Test
    void twentyThousandNestedListsStopAtTheLimitToo() {
        TdlError e = parseError("x = " + "[".repeat(20000) + "]".repeat(20000) + "\n");
        assertEquals("too many nested parentheses", e.detail());
        assertEquals(1, e.pos().line());
        assertEquals(5 + 200, e.pos().col());
    }

    @Test
    void twoHundredBracketsStillParse() {
        Parser.parse(new SourceText("ok.tdl", "x = " + "(".repeat(200) + "1" + ")".repeat(200) + "\n"));
    }

    @Test
    void aHundredThousandUnaryMinusesArePositioned() {
        TdlError e = parseError("y = 1\nx = " + "-".repeat(100000) + "1\n");
        assertEquals("RecursionError", e.kind().pyName());
        assertNotNull(e.pos());
        assertEquals(2, e.pos().line());
        assertTrue(e.pos().col() > 5 && e.pos().col() <= 100005, "inside the run of '-': " + e.pos());
        assertTrue(e.format().contains("deep.tdl:2:"), e.format());
        assertTrue(e.format().contains("^"), "a caret under the place: " + e.format());
    }

    @Test
    void aMegabyteLongSumOnOneLineIsPositioned() {
        String line = "x = " + String.join(" + ", Collections.nCopies(400_000, "1"));
        assertTrue(line.length() > 1_200_000);
        TdlError e = parseError("y = 2\n" + line + "\n");
        assertEquals("RecursionError", e.kind().pyName());
        assertNotNull(e.pos());
        assertEquals(2, e.pos().line());
        assertTrue(e.pos().col() >= 5 && e.pos().col() <= line.length(), e.pos().toString());
    }

    @Test
    void aDeepPowerChainIsPositioned() {
        TdlError e = parseError("x = " + String.join(" ** ", Collections.nCopies(100_000, "1")) + "\n");
        assertEquals("RecursionError", e.kind().pyName());
        assertNotNull(e.pos());
        assertEquals(1, e.pos().line());
    }
}
