package tdl.lib.plot;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tdl.syntax.TdlError;

class FormatSpecTest {
    private static void check(String fmt, String line, char marker, String color) {
        FormatSpec s = FormatSpec.parse(fmt);
        assertEquals(line, s.lineStyle(), "line style of '" + fmt + "'");
        assertEquals(marker, s.marker(), "marker of '" + fmt + "'");
        assertEquals(color, s.color(), "colour of '" + fmt + "'");
    }

    @Test
    void markerWithoutLineStyleMeansMarkersOnly() {
        check("r+", "", '+', "r");
        check("+r", "", '+', "r");
        check("o", "", 'o', null);
        check("k.", "", '.', "k");
    }

    @Test
    void colourAloneOrWithLineStyleDrawsALine() {
        check("b-", "-", (char) 0, "b");
        check("g", "-", (char) 0, "g");
        check("--", "--", (char) 0, null);
        check(":m", ":", (char) 0, "m");
        check("-.y", "-.", (char) 0, "y");
    }

    @Test
    void allThreePartsInAnyOrder() {
        check("go--", "--", 'o', "g");
        check("--go", "--", 'o', "g");
        check("o--g", "--", 'o', "g");
        check("rx-", "-", 'x', "r");
        check("s:c", ":", 's', "c");
        check("^-.k", "-.", '^', "k");
        check("*w", "", '*', "w");
    }

    @Test
    void cycleColoursAndNamedColours() {
        check("C3o", "", 'o', "C3");
        check("red", "-", (char) 0, "red");
    }

    @Test
    void badFormatStringsAreValueErrorsNamingTheCharacter() {
        TdlError e = assertThrows(TdlError.class, () -> FormatSpec.parse("q-"));
        assertEquals(ErrorKind.VALUE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("Unrecognized character q"), e.getMessage());
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(TdlError.class, () -> FormatSpec.parse("rb")).kind());
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(TdlError.class, () -> FormatSpec.parse("--:")).kind());
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(TdlError.class, () -> FormatSpec.parse("o+")).kind());
    }
}
