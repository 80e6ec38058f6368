package tdl.lib.plot;

import tdl.vocab.ErrorKind;
import tdl.syntax.TdlError;

/**
 * matplotlib's plot format string ({@code 'r+'}, {@code 'b-'}, {@code 'go--'}): a line style, a
 * marker and a colour, each optional and in any order.
 *
 * @param lineStyle one of {@code - -- : -.}, or "" for no line (a marker without a line style)
 * @param marker    a marker character, or 0 for none
 * @param color     a colour letter ({@code b g r c m y k w}), {@code C0..C9}, or null for the cycle
 */
public record FormatSpec(String lineStyle, char marker, String color) {
    public static final String MARKERS = "+o.x*s^vD<>dph|_,";
    private static final String COLOR_LETTERS = "bgrcmykw";

    /** No format string: a solid line in the next cycle colour. */
    public static final FormatSpec DEFAULT = new FormatSpec("-", (char) 0, null);

    public static FormatSpec parse(String fmt) {
        if (Colors.isNamed(fmt)) return new FormatSpec("-", (char) 0, fmt);
        String line = null;
        char marker = 0;
        String color = null;
        int i = 0;
        while (i < fmt.length()) {
            String two = i + 1 < fmt.length() ? fmt.substring(i, i + 2) : "";
            char c = fmt.charAt(i);
            if (two.equals("--") || two.equals("-.")) {
                line = once(line, two, "linestyle", fmt);
                i += 2;
            } else if (c == '-' || c == ':') {
                line = once(line, String.valueOf(c), "linestyle", fmt);
                i++;
            } else if (c == 'C' && i + 1 < fmt.length() && Character.isDigit(fmt.charAt(i + 1))) {
                color = once(color, two, "color", fmt);
                i += 2;
            } else if (COLOR_LETTERS.indexOf(c) >= 0) {
                color = once(color, String.valueOf(c), "color", fmt);
                i++;
            } else if (MARKERS.indexOf(c) >= 0) {
                if (marker != 0) throw illegal("two marker symbols", fmt);
                marker = c;
                i++;
            } else {
                throw new TdlError(ErrorKind.VALUE_ERROR, "Unrecognized character " + c + " in format string '" + fmt + "'",
                        "line styles - -- : -., markers " + MARKERS.replace(",", "") + ", colours b g r c m y k w");
            }
        }
        // matplotlib: a marker alone means markers only; nothing at all means a solid line
        if (line == null) line = marker != 0 ? "" : "-";
        return new FormatSpec(line, marker, color);
    }

    private static String once(String previous, String value, String what, String fmt) {
        if (previous != null) throw illegal("two " + what + " symbols", fmt);
        return value;
    }

    private static TdlError illegal(String why, String fmt) {
        return new TdlError(ErrorKind.VALUE_ERROR, "Illegal format string '" + fmt + "'; " + why);
    }
}
