package tdl.lib.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
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

    /** Images: {@code count} images of {@code rows x cols} bytes, starting at {@code offset} in {@code bytes}. */
    record Images(String name, int count, int rows, int cols, byte[] bytes, int offset) {
        int pixelsPerImage() { return rows * cols; }
    }

    /** Labels: {@code count} bytes starting at {@code offset} in {@code bytes}. */
    record Labels(String name, int count, byte[] bytes, int offset) {}

    /** The whole content, un-gzipped when it starts with the gzip magic. */
    static byte[] readAll(InputStream raw, String name) {
        try (InputStream in = new BufferedInputStream(raw, 1 << 16)) {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                try (InputStream gz = new GZIPInputStream(in, 1 << 16)) {
                    return gz.readAllBytes();
                }
            }
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new TdlError("ValueError", name + ": truncated gzip data (the file ends before the compressed stream does)",
                    "the download or copy was probably cut short; fetch the file again");
        } catch (ZipException e) {
            throw new TdlError("ValueError", name + ": corrupt gzip data (" + e.getMessage() + ")",
                    "fetch the file again, or give the un-gzipped file");
        } catch (IOException e) {
            throw new TdlError("OSError", name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    static Images parseImages(byte[] b, String name) {
        header(b, name, 16, IMAGES_MAGIC, "image", "idx3");
        int count = dim(b, 4, name);
        int rows = dim(b, 8, name);
        int cols = dim(b, 12, name);
        long need = (long) count * rows * cols;
        long have = b.length - 16L;
        if (have < need) {
            throw new TdlError("ValueError", name + ": truncated: header says " + count + " images of " + rows + "x" + cols
                    + ", file holds only " + have + " bytes of pixel data (" + need + " needed)",
                    "the download or copy was probably cut short; fetch the file again");
        }
        if (need > Integer.MAX_VALUE - 16) {
            throw new TdlError("ValueError", name + ": " + count + " images of " + rows + "x" + cols + " are too many to load at once");
        }
        return new Images(name, count, rows, cols, b, 16);
    }

    static Labels parseLabels(byte[] b, String name) {
        header(b, name, 8, LABELS_MAGIC, "label", "idx1");
        int count = dim(b, 4, name);
        long have = b.length - 8L;
        if (have < count) {
            throw new TdlError("ValueError", name + ": truncated: header says " + count + " labels, file holds only "
                    + have + " bytes of label data",
                    "the download or copy was probably cut short; fetch the file again");
        }
        return new Labels(name, count, b, 8);
    }

    private static void header(byte[] b, String name, int size, int magic, String what, String idx) {
        if (b.length < 4) {
            throw new TdlError("ValueError", name + ": truncated: only " + b.length + " bytes, an IDX " + what
                    + " file starts with a " + size + "-byte header");
        }
        int m = readInt(b, 0);
        if (m != magic) {
            String hint = null;
            if (m == IMAGES_MAGIC) hint = "this is an image file (idx3); the labels are in the matching *-labels-idx1-ubyte file";
            else if (m == LABELS_MAGIC) hint = "this is a label file (idx1); the images are in the matching *-images-idx3-ubyte file";
            else if ((m >>> 16) == 0x1f8b) hint = "the file looks gzipped twice or damaged";
            throw new TdlError("ValueError", name + ": not an IDX " + what + " file (magic " + hex(m)
                    + ", expected " + hex(magic) + ")", hint);
        }
        if (b.length < size) {
            throw new TdlError("ValueError", name + ": truncated: only " + b.length + " bytes, an IDX " + what
                    + " file starts with a " + size + "-byte header");
        }
    }

    private static int dim(byte[] b, int at, String name) {
        int v = readInt(b, at);
        if (v < 0) throw new TdlError("ValueError", name + ": corrupt IDX header (size " + Integer.toUnsignedString(v) + ")");
        return v;
    }

    static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    static String hex(int v) {
        return String.format("0x%08x", v);
    }

    /** For tests and callers holding bytes already. */
    static byte[] readAll(byte[] content, String name) {
        return readAll(new ByteArrayInputStream(content), name);
    }
}
