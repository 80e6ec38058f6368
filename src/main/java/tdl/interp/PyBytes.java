package tdl.interp;

import java.util.Arrays;

/**
 * Python's bytes, as far as binary data loaders need them: what read() of a binary file returns,
 * for np.frombuffer, struct.unpack, len, indexing (an int), slicing, ==, + and decode().
 */
public record PyBytes(byte[] data) {
    public int length() { return data.length; }

    /** Element i as Python gives it: an int 0..255. */
    long at(int i) { return data[i] & 0xff; }

    @Override
    public boolean equals(Object o) { return o instanceof PyBytes b && Arrays.equals(data, b.data); }

    @Override
    public int hashCode() { return Arrays.hashCode(data); }

    /** Python's repr: b'...' with printable ASCII as itself and the rest as escapes. */
    @Override
    public String toString() {
        boolean single = false, dbl = false;
        for (byte b : data) {
            if (b == '\'') single = true;
            if (b == '"') dbl = true;
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder s = new StringBuilder("b").append(quote);
        for (byte x : data) {
            int c = x & 0xff;
            if (c == '\\' || c == quote) s.append('\\').append((char) c);
            else if (c == '\n') s.append("\\n");
            else if (c == '\r') s.append("\\r");
            else if (c == '\t') s.append("\\t");
            else if (c >= 32 && c < 127) s.append((char) c);
            else s.append(String.format("\\x%02x", c));
        }
        return s.append(quote).toString();
    }
}
