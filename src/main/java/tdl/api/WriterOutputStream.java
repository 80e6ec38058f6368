package tdl.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a session prints, decoded and passed on to a Writer that the host may swap between runs
 * (a JSR-223 context's writer changes with each eval). The session's PrintStream flushes on every
 * write, so each flush ends on a whole character.
 */
final class WriterOutputStream extends OutputStream {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private volatile Writer target;

    WriterOutputStream(Writer target) { this.target = target; }

    void setTarget(Writer w) {
        flush();
        this.target = w;
    }

    Writer target() { return target; }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        if (b == '\n') flush();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) { pending.write(b, off, len); }

    @Override
    public synchronized void flush() {
        if (pending.size() == 0) return;
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        Writer w = target;
        if (w == null) return;
        try {
            w.write(text);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
