package tdl.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.zeromq.ZMQ;

/**
 * The IOPub channel: one thread owns the PUB socket and sends what the others queue, in order.
 * Printed text is gathered and sent as {@code stream} messages every {@value #STREAM_MILLIS} ms
 * (so a training loop's lines appear while it runs without a message per character), and always
 * before any other message, so output and results keep their order. Outputs of a silent
 * execution are dropped, as the protocol asks.
 */
final class Iopub implements Runnable {
    static final long STREAM_MILLIS = 100;

    private final ZMQ.Socket socket;
    private final Wire wire;
    private final BlockingQueue<Message> queue = new LinkedBlockingQueue<>();
    private final StringBuilder pending = new StringBuilder();
    private String pendingStream;
    private Message parent;
    private boolean muted;
    private volatile boolean running = true;

    Iopub(ZMQ.Socket socket, Wire wire) {
        this.socket = socket;
        this.wire = wire;
    }

    /** Later output belongs to {@code request}; {@code silent} drops it. Text printed so far goes out first. */
    synchronized void startOutputOf(Message request, boolean silent) {
        flushText();
        parent = request;
        muted = silent;
    }

    /** Output of the current request: text printed on a stream (stdout, stderr). */
    synchronized void write(String stream, String text) {
        if (muted || parent == null || text.isEmpty()) return;
        if (pendingStream != null && !pendingStream.equals(stream)) flushText();
        pendingStream = stream;
        pending.append(text);
    }

    /** Output of the current request (display_data, execute_result). */
    synchronized void output(String type, Map<String, Object> content) {
        if (muted || parent == null) return;
        flushText();
        queue.add(wire.make(type, content, parent));
    }

    /** A message for a given request (status, execute_input, error), whatever the current output. */
    synchronized void publish(String type, Map<String, Object> content, Message request) {
        flushText();
        queue.add(wire.make(type, content, request));
    }

    /** Queues the text printed so far. */
    synchronized void flush() { flushText(); }

    private void flushText() {
        if (pending.length() == 0) return;
        queue.add(wire.make("stream", Map.of("name", pendingStream, "text", pending.toString()), parent));
        pending.setLength(0);
    }

    @Override
    public void run() {
        try {
            while (running) {
                Message m = queue.poll(STREAM_MILLIS, TimeUnit.MILLISECONDS);
                if (m == null) flush();
                else send(m);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        List<Message> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (Message m : rest) send(m);
    }

    /** Ends the thread once everything queued so far is sent. */
    void stop() { running = false; }

    private void send(Message m) {
        List<byte[]> frames = new ArrayList<>();
        // the topic frame: clients subscribe to everything, ipykernel's form keeps tools that filter happy
        frames.add(("kernel." + wire.session() + "." + m.type()).getBytes(StandardCharsets.UTF_8));
        frames.addAll(wire.encode(m));
        Frames.send(socket, frames);
    }
}
