package tdl.syntax;

import tdl.vocab.ErrorKind;
/** Decoding of number and string literal text into Java values, with Python's rules. */
final class Literals {
    private Literals() {}

    /** An int literal: a Long when it fits in 64 bits, else a BigInteger (Python's ints are unbounded). */
    static Object integer(String text, SourcePos at) {
        String digits = text.replace("_", "");
        int radix = 10;
        if (digits.length() > 1 && digits.charAt(0) == '0' && Character.isLetter(digits.charAt(1))) {
            radix = switch (Character.toLowerCase(digits.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            digits = digits.substring(2);
        }
        if (radix == 10 && digits.length() > 4300) {
            // CPython's int/str conversion limit applies to decimal literals too
            throw new TdlError(ErrorKind.SYNTAX_ERROR, "Exceeds the limit (4300 digits) for integer string conversion: value has "
                    + digits.length() + " digits", at, "Consider hexadecimal for huge integer literals to avoid decimal conversion limits.");
        }
        if (digits.length() * Math.log(radix) / Math.log(2) > (1 << 18)) {
            // the interpreter's limit on int size (tdl.interp.Ints.MAX_BITS), checked before the slow conversion
            throw new TdlError(ErrorKind.SYNTAX_ERROR, "integer literal too large", at, "TDL ints hold at most 262144 bits");
        }
        java.math.BigInteger b = new java.math.BigInteger(digits, radix);
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    static Double floating(String text) {
        return Double.parseDouble(text.replace("_", ""));
    }

    /** Length of the prefix letters (r, f, b, u) before the opening quote. */
    static int prefixLength(String token) {
        int i = 0;
        while (i < token.length() && token.charAt(i) != '\'' && token.charAt(i) != '"') i++;
        return i;
    }

    static int quoteLength(String token, int prefix) {
        return token.startsWith("'''", prefix) || token.startsWith("\"\"\"", prefix) ? 3 : 1;
    }

    /** Processes backslash escapes as Python does for a non-raw string literal. */
    static String unescape(String body, SourcePos at) {
        if (body.indexOf('\\') < 0) return body;
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                sb.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case '\n' -> { }
                case '\\', '\'', '"' -> sb.append(e);
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000B');
                case 'x' -> i = hex(body, i, 2, sb, at, "\\xXX");
                case 'u' -> i = hex(body, i, 4, sb, at, "\\uXXXX");
                case 'U' -> i = hex(body, i, 8, sb, at, "\\UXXXXXXXX");
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') end++;
                        sb.append((char) Integer.parseInt(body.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        sb.append('\\').append(e);  // Python keeps unknown escapes verbatim
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Reads `digits` hex digits after body[i]; returns the index of the last one. */
    private static int hex(String body, int i, int digits, StringBuilder sb, SourcePos at, String form) {
        int end = i + 1 + digits;
        String hex = end <= body.length() ? body.substring(i + 1, end) : "";
        if (hex.length() != digits || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new TdlError(ErrorKind.SYNTAX_ERROR, "(unicode error) truncated " + form + " escape", at,
                    "write exactly " + digits + " hex digits, or use a raw string r'...' for a literal backslash");
        }
        sb.appendCodePoint(Integer.parseInt(hex, 16));
        return end - 1;
    }
}
