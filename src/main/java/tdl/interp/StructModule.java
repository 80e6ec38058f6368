package tdl.interp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * Python's struct.unpack / calcsize for the headers of binary data files (IDX: '>IIII'), with the
 * byte-order prefixes and the fixed-size codes (x c? b B h H i I l L q Q f d, with counts); the
 * native '@' alignment is not modelled (the standard sizes of '=' are used).
 */
final class StructModule {
    private StructModule() {}

    static TdlModule create(Interpreter in) {
        TdlModule m = new TdlModule("struct");
        m.put("unpack", new Builtin("unpack", (rt, a) -> {
            String fmt = format(a.check(2, "format", "buffer").get(0, "format"));
            Object buf = a.get(1, "buffer");
            if (!(buf instanceof PyBytes b)) throw new TdlError(ErrorKind.TYPE_ERROR, "a bytes-like object is required, not '" + in.typeName(buf) + "'");
            return unpack(fmt, b.data());
        }));
        m.put("calcsize", new Builtin("calcsize", (rt, a) -> (long) size(format(a.check(1, "format").get(0, "format")))));
        m.put("error", in.builtins.get("ValueError"));
        return m;
    }

    private static String format(Object f) {
        if (f instanceof String s) return s;
        throw new TdlError(ErrorKind.TYPE_ERROR, "Struct() argument 1 must be a str or bytes object");
    }

    private static ByteOrder order(String fmt) {
        return !fmt.isEmpty() && (fmt.charAt(0) == '>' || fmt.charAt(0) == '!') ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private static int itemSize(char c) {
        return switch (c) {
            case 'x', 'c', 'b', 'B', '?' -> 1;
            case 'h', 'H' -> 2;
            case 'i', 'I', 'l', 'L', 'f' -> 4;
            case 'q', 'Q', 'd' -> 8;
            default -> throw new TdlError(ErrorKind.VALUE_ERROR, "bad char in struct format: '" + c + "'",
                    "TDL's struct reads x c ? b B h H i I l L q Q f d");
        };
    }

    static int size(String fmt) {
        int total = 0;
        for (int[] cn : codes(fmt)) total += itemSize((char) cn[0]) * cn[1];
        return total;
    }

    /** (code, count) pairs after the optional byte-order prefix; whitespace is ignored, as Python's. */
    private static List<int[]> codes(String fmt) {
        List<int[]> out = new ArrayList<>();
        int i = !fmt.isEmpty() && "@=<>!".indexOf(fmt.charAt(0)) >= 0 ? 1 : 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int count = 1;
            if (Character.isDigit(c)) {
                int j = i;
                while (j < fmt.length() && Character.isDigit(fmt.charAt(j))) j++;
                count = Integer.parseInt(fmt.substring(i, j));
                if (j >= fmt.length()) throw new TdlError(ErrorKind.VALUE_ERROR, "repeat count given without format specifier");
                c = fmt.charAt(j);
                i = j;
            }
            itemSize(c);
            out.add(new int[] {c, count});
            i++;
        }
        boolean nativeAlign = fmt.isEmpty() || "=<>!".indexOf(fmt.charAt(0)) < 0;
        int offset = 0;
        for (int[] cn : out) {
            int size = itemSize((char) cn[0]);
            // native mode pads each item to its own size; the files these scripts read name their byte order
            if (nativeAlign && offset % size != 0) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "struct's native alignment padding ('" + fmt + "')",
                        "give the byte order: '<' (little-endian) or '>' (big-endian, as IDX headers)");
            }
            offset += size * cn[1];
        }
        return out;
    }

    private static TdlTuple unpack(String fmt, byte[] data) {
        int need = size(fmt);
        if (data.length != need) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "unpack requires a buffer of " + need + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(data).order(order(fmt));
        List<Object> out = new ArrayList<>();
        for (int[] cn : codes(fmt)) {
            char c = (char) cn[0];
            for (int k = 0; k < cn[1]; k++) {
                switch (c) {
                    case 'x' -> buf.get();
                    case 'c' -> out.add(new PyBytes(new byte[] {buf.get()}));
                    case '?' -> out.add(buf.get() != 0);
                    case 'b' -> out.add((long) buf.get());
                    case 'B' -> out.add((long) (buf.get() & 0xff));
                    case 'h' -> out.add((long) buf.getShort());
                    case 'H' -> out.add((long) (buf.getShort() & 0xffff));
                    case 'i', 'l' -> out.add((long) buf.getInt());
                    case 'I', 'L' -> out.add(Integer.toUnsignedLong(buf.getInt()));
                    case 'q' -> out.add(buf.getLong());
                    case 'Q' -> {
                        long v = buf.getLong();
                        out.add(v >= 0 ? (Object) v : new java.math.BigInteger(Long.toUnsignedString(v)));
                    }
                    case 'f' -> out.add((double) buf.getFloat());
                    case 'd' -> out.add(buf.getDouble());
                    default -> throw new IllegalStateException();
                }
            }
        }
        return new TdlTuple(out);
    }
}
