package tdl.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a session prints on one stream (stdout or stderr), decoded as UTF-8 and handed to the
 * IOPub channel as they come. A character split between two writes waits for its last bytes.
 */
final class StreamOutput extends OutputStream {
    private final Iopub iopub;
    private final String name;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    StreamOutput(Iopub iopub, String name) {
        this.iopub = iopub;
        this.name = name;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        pass();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
        pass();
    }

    private void pass() {
        byte[] bytes = pending.toByteArray();
        int whole = wholeCharacters(bytes);
        if (whole == 0) return;
        iopub.write(name, new String(bytes, 0, whole, StandardCharsets.UTF_8));
        pending.reset();
        pending.write(bytes, whole, bytes.length - whole);
    }

    /** How many leading bytes end on a character boundary (a trailing multi-byte sequence may be cut). */
    static int wholeCharacters(byte[] b) {
        int n = b.length;
        // look back at most 3 bytes for the lead byte of the last sequence
        for (int i = n - 1; i >= Math.max(0, n - 4); i--) {
            int c = b[i] & 0xff;
            if (c < 0x80) return n;                   // ASCII: everything before it is whole too
            if (c >= 0xc0) {                          // a lead byte: is its sequence complete?
                int len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
                return i + len <= n ? n : i;
            }
        }
        return n; // stray continuation bytes: let the decoder replace them
    }
}
