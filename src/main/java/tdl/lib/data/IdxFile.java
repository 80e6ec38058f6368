package tdl.lib.data;

import tdl.vocab.ErrorKind;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import tdl.syntax.TdlError;

/**
 * Reads the IDX files MNIST and Fashion-MNIST ship in: a big-endian header (magic, then one 32-bit
 * size per dimension) followed by unsigned bytes. Gzip is detected by its magic bytes 1f 8b, not
 * by the file name, because renamed and re-packed copies are common. Every error names the file.
 */
final class IdxFile {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxFile() {}

    /** Images: {@code count} images of {@code rows x cols} bytes in {@code pixels}. */
    record Images(String name, int count, int rows, int cols, byte[] pixels) {
        int pixelsPerImage() { return rows * cols; }
    }

    /** Labels: {@code count} bytes. */
    record Labels(String name, int count, byte[] labels) {}

    /** What one file holds: a parsed header and then its data. */
    @FunctionalInterface
    private interface Body<T> {
        T read(InputStream in) throws IOException;
    }

    static Images readImages(InputStream raw, String name) {
        return read(raw, name, in -> {
            byte[] h = header(in, name, 16, IMAGES_MAGIC, "image");
            int count = dim(h, 4, name);
            int rows = dim(h, 8, name);
            int cols = dim(h, 12, name);
            long need = (long) count * rows * cols;
            if (need > Integer.MAX_VALUE - 16) {
                throw new TdlError(ErrorKind.VALUE_ERROR, name + ": " + count + " images of " + rows + "x" + cols + " are too many to load at once");
            }
            // one exact-size read: no growing buffers, so 60000 images cost one 47 MB array
            byte[] px = allocate(need, name);
            int got = in.readNBytes(px, 0, px.length);
            if (got < need) {
                throw new TdlError(ErrorKind.VALUE_ERROR, name + ": truncated: header says " + count + " images of " + rows + "x" + cols
                        + ", file holds only " + got + " bytes of pixel data (" + need + " needed)", TRUNCATED_HINT);
            }
            return new Images(name, count, rows, cols, px);
        });
    }

    static Labels readLabels(InputStream raw, String name) {
        return read(raw, name, in -> {
            byte[] h = header(in, name, 8, LABELS_MAGIC, "label");
            int count = dim(h, 4, name);
            byte[] lb = allocate(count, name);
            int got = in.readNBytes(lb, 0, count);
            if (got < count) {
                throw new TdlError(ErrorKind.VALUE_ERROR, name + ": truncated: header says " + count + " labels, file holds only "
                        + got + " bytes of label data", TRUNCATED_HINT);
            }
            return new Labels(name, count, lb);
        });
    }

    private static final String TRUNCATED_HINT = "the download or copy was probably cut short; fetch the file again";

    /** Opens {@code raw} (un-gzipping when it starts with the gzip magic) and reads its body. */
    private static <T> T read(InputStream raw, String name, Body<T> body) {
        try (InputStream in = new BufferedInputStream(raw, 1 << 16)) {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                try (InputStream gz = new GZIPInputStream(in, 1 << 16)) {
                    return body.read(gz);
                }
            }
            return body.read(in);
        } catch (EOFException e) {
            throw new TdlError(ErrorKind.VALUE_ERROR, name + ": truncated gzip data (the file ends before the compressed stream does)",
                    TRUNCATED_HINT);
        } catch (ZipException e) {
            throw new TdlError(ErrorKind.VALUE_ERROR, name + ": corrupt gzip data (" + e.getMessage() + ")",
                    "fetch the file again, or give the un-gzipped file");
        } catch (IOException e) {
            throw new TdlError(ErrorKind.OS_ERROR, name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static byte[] header(InputStream in, String name, int size, int magic, String what) throws IOException {
        byte[] b = in.readNBytes(size);
        if (b.length < 4) {
            throw new TdlError(ErrorKind.VALUE_ERROR, name + ": truncated: only " + b.length + " bytes, an IDX " + what
                    + " file starts with a " + size + "-byte header");
        }
        int m = readInt(b, 0);
        if (m != magic) {
            String hint = null;
            if (m == IMAGES_MAGIC) hint = "this is an image file (idx3); the labels are in the matching *-labels-idx1-ubyte file";
            else if (m == LABELS_MAGIC) hint = "this is a label file (idx1); the images are in the matching *-images-idx3-ubyte file";
            else if ((m >>> 16) == 0x1f8b) hint = "the file looks gzipped twice or damaged";
            throw new TdlError(ErrorKind.VALUE_ERROR, name + ": not an IDX " + what + " file (magic " + hex(m)
                    + ", expected " + hex(magic) + ")", hint);
        }
        if (b.length < size) {
            throw new TdlError(ErrorKind.VALUE_ERROR, name + ": truncated: only " + b.length + " bytes, an IDX " + what
                    + " file starts with a " + size + "-byte header");
        }
        return b;
    }

    /** The array the header asks for; a damaged header asking for gigabytes fails clearly. */
    private static byte[] allocate(long n, String name) {
        try {
            return new byte[(int) n];
        } catch (OutOfMemoryError e) {
            throw new TdlError(ErrorKind.MEMORY_ERROR, name + ": header asks for " + n / (1 << 20) + " MB, more than this JVM has",
                    "the header may be damaged; if not, start Java with a larger -Xmx");
        }
    }

    private static int dim(byte[] b, int at, String name) {
        int v = readInt(b, at);
        if (v < 0) throw new TdlError(ErrorKind.VALUE_ERROR, name + ": corrupt IDX header (size " + Integer.toUnsignedString(v) + ")");
        return v;
    }

    static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    static String hex(int v) {
        return String.format("0x%08x", v);
    }
}
