package tdl.lib.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests, independently of the reader under test. */
final class Idx {
    private Idx() {}

    static byte[] images(int n, int rows, int cols, byte[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels.length); // big-endian by default, as IDX is
        b.putInt(0x803).putInt(n).putInt(rows).putInt(cols).put(pixels);
        return b.array();
    }

    static byte[] labels(byte[] labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(0x801).putInt(labels.length).put(labels);
        return b.array();
    }

    /** Image i has every pixel equal to (i * 7 + pixel index) mod 256, so parts can be told apart. */
    static byte[] pattern(int n, int px) {
        byte[] p = new byte[n * px];
        for (int i = 0; i < n; i++) for (int j = 0; j < px; j++) p[i * px + j] = (byte) ((i * 7 + j) % 256);
        return p;
    }

    static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
                gz.write(raw);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
