package tdl.lib.numpy;

import tdl.vocab.ErrorKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.syntax.TdlError;

/**
 * The .npy format (numpy/lib/format.py): magic "\x93NUMPY", version, a little-endian header length,
 * a Python-literal dict header padded with spaces to a multiple of 64 bytes and ending in '\n', then
 * the raw C-order data. We write version 1.0 exactly as numpy does and read versions 1-3.
 */
public final class NpyFile {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private NpyFile() {}

    public static byte[] encode(NDArray a) {
        String header = "{'descr': '" + descr(a.dtype()) + "', 'fortran_order': False, 'shape': "
                + shapeLiteral(a.shape()) + ", }";
        int total = MAGIC.length + 2 + 2 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        int item = itemSize(a.dtype());
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + item * a.size()).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.US_ASCII));
        if (a.isFloats()) { // '<f4' straight from the float storage
            buf.asFloatBuffer().put(a.floats());
            return buf.array();
        }
        for (double v : a.data()) {
            switch (a.dtype()) {
                case FLOAT64 -> buf.putDouble(v);
                case FLOAT32 -> buf.putFloat((float) v);
                case INT64 -> buf.putLong((long) v);
                case INT32 -> buf.putInt((int) (long) v);
                case INT16 -> buf.putShort((short) (long) v);
                case INT8, UINT8 -> buf.put((byte) (long) v);
                case BOOL -> buf.put((byte) (v != 0 ? 1 : 0));
            }
        }
        return buf.array();
    }

    public static void save(Path path, NDArray a) {
        try {
            Files.write(path, encode(a));
        } catch (IOException e) {
            throw new TdlError(ErrorKind.OS_ERROR, "cannot write " + path + ": " + e.getMessage());
        }
    }

    public static NDArray load(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new TdlError(ErrorKind.FILE_NOT_FOUND_ERROR, "No such file or directory: '" + path + "'");
        }
        return decode(bytes, path.toString());
    }

    /** How many of {@code bytes} (a valid .npy start, as decode checked) the first array takes: header and data. */
    static long encodedLength(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int start = bytes[6] == 1 ? 10 : 12;
        long headerLength = bytes[6] == 1 ? Short.toUnsignedInt(buf.getShort(8)) : Integer.toUnsignedLong(buf.getInt(8));
        NDArray a = decode(bytes, "");
        return start + headerLength + (long) itemSize(a.dtype()) * a.size();
    }

    public static NDArray decode(byte[] bytes, String name) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length <= i || bytes[i] != MAGIC[i]) throw bad(name, "it does not start with the .npy magic string");
        }
        if (bytes.length < 10) throw bad(name, "the header is truncated");
        int major = bytes[6];
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = Short.toUnsignedInt(buf.getShort(8));
            start = 10;
        } else if (major == 2 || major == 3) {
            headerLen = buf.getInt(8);
            start = 12;
        } else {
            throw bad(name, "format version " + major + "." + bytes[7] + " is not supported");
        }
        if (start + headerLen > bytes.length) throw bad(name, "the header is truncated");
        String header = new String(bytes, start, headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(header, "descr", "'([^']*)'", name);
        String fortran = field(header, "fortran_order", "(True|False)", name);
        String shapeText = field(header, "shape", "\\(([^)]*)\\)", name);
        if (fortran.equals("True")) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "cannot load " + name + ": Fortran-ordered arrays are not supported",
                    "save it from numpy with np.save(path, np.ascontiguousarray(a))");
        }
        List<Integer> dims = new ArrayList<>();
        for (String part : shapeText.split(",")) {
            String t = part.trim().replace("L", "");
            if (!t.isEmpty()) dims.add(Integer.parseInt(t));
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        if (shape.length > 4) throw bad(name, "rank " + shape.length + " arrays are not supported (rank 0 to 4)");
        char order = descr.charAt(0);
        String code = descr.substring(1);
        DType dtype = switch (code) {
            case "f8" -> DType.FLOAT64;
            case "f4" -> DType.FLOAT32;
            case "i8" -> DType.INT64;
            case "i4" -> DType.INT32;
            case "i2" -> DType.INT16;
            case "i1" -> DType.INT8;
            case "u1" -> DType.UINT8;
            case "b1" -> DType.BOOL;
            default -> throw bad(name, "dtype '" + descr + "' is not supported (float64 float32 int64 int32 int16 int8 uint8 bool)");
        };
        if (order == '>') buf.order(ByteOrder.BIG_ENDIAN);
        else if (order != '<' && order != '|' && order != '=') throw bad(name, "unknown byte order in dtype '" + descr + "'");
        int n = (int) NDArray.sizeOf(shape);
        int dataStart = start + headerLen;
        if ((long) dataStart + (long) n * itemSize(dtype) > bytes.length) {
            throw bad(name, "the data is truncated (expected " + n + " elements of " + descr + ")");
        }
        buf.position(dataStart);
        return items(buf, dtype, shape);
    }

    /** The {@code shape}'s worth of {@code dtype} items at buf's position, in buf's byte order (also np.fromfile's). */
    static NDArray items(ByteBuffer buf, DType dtype, int[] shape) {
        int n = (int) NDArray.sizeOf(shape);
        if (dtype == DType.FLOAT32) { // '<f4' straight into float storage, no double detour
            float[] f = tdl.graph.Memory.floats(shape, dtype);
            buf.asFloatBuffer().get(f);
            buf.position(buf.position() + 4 * n);
            return new NDArray(shape, f);
        }
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = switch (dtype) {
                case FLOAT64 -> buf.getDouble();
                case FLOAT32 -> buf.getFloat();
                case INT64 -> buf.getLong();
                case INT32 -> buf.getInt();
                case INT16 -> buf.getShort();
                case INT8 -> buf.get();
                case UINT8 -> Byte.toUnsignedInt(buf.get());
                case BOOL -> buf.get() != 0 ? 1 : 0;
            };
        }
        return new NDArray(dtype, shape, data);
    }

    private static String field(String header, String key, String valueRegex, String name) {
        Matcher m = Pattern.compile("['\"]" + key + "['\"]\\s*:\\s*" + valueRegex).matcher(header);
        if (!m.find()) throw bad(name, "the header has no '" + key + "' entry");
        return m.group(1);
    }

    private static TdlError bad(String name, String what) {
        return new TdlError(ErrorKind.VALUE_ERROR, "cannot load " + name + " as a .npy file: " + what);
    }

    static String descr(DType d) {
        return switch (d) {
            case FLOAT64 -> "<f8";
            case FLOAT32 -> "<f4";
            case INT64 -> "<i8";
            case INT32 -> "<i4";
            case INT16 -> "<i2";
            case INT8 -> "|i1";
            case UINT8 -> "|u1";
            case BOOL -> "|b1";
        };
    }

    static int itemSize(DType d) {
        return switch (d) {
            case FLOAT64, INT64 -> 8;
            case FLOAT32, INT32 -> 4;
            case INT16 -> 2;
            case INT8, UINT8, BOOL -> 1;
        };
    }

    private static String shapeLiteral(int[] shape) {
        if (shape.length == 0) return "()";
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? ", " : "").append(shape[i]);
        return sb.append(')').toString();
    }
}
