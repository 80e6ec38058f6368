package tdl.interp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/** Python's codec names as Java charsets ('latin-1' is ISO-8859-1 there, 'utf8' UTF-8, ...). */
final class Codecs {
    private Codecs() {}

    static Charset forName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        switch (n) {
            case "utf-8", "utf8", "u8": return StandardCharsets.UTF_8;
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "8859", "cp819": return StandardCharsets.ISO_8859_1;
            case "ascii", "us-ascii", "646": return StandardCharsets.US_ASCII;
            case "utf-16": return StandardCharsets.UTF_16;
            default: break;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new TdlError(ErrorKind.LOOKUP_ERROR, "unknown encoding: " + name);
        }
    }
}
