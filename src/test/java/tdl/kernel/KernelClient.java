package tdl.kernel;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import tdl.session.Session;
import tdl.session.SessionOptions;

/**
 * A Jupyter client over real sockets, as a notebook talks to the kernel: DEALER sockets on shell
 * and control, SUB on IOPub, REQ on the heartbeat; every message signed and every answer's
 * signature checked (decoding fails on a bad one).
 */
final class KernelClient implements AutoCloseable {
    static final String KEY = "a0436f6c-1916-498b-8eb9-e81ab9368e84";
    static final Duration WAIT = Duration.ofSeconds(60);

    /** The kernel when it runs in this JVM, else null. */
    final Kernel kernel;
    final ByteArrayOutputStream kernelLog = new ByteArrayOutputStream();
    private final ZContext context = new ZContext();
    private final Wire wire = new Wire(new Signer(KEY, "hmac-sha256"));
    final ZMQ.Socket shell;
    final ZMQ.Socket control;
    final ZMQ.Socket iopub;
    final ZMQ.Socket heartbeat;
    /** IOPub messages received but not yet asked for. */
    private final List<Message> published = new ArrayList<>();

    /** A client of a kernel started in this JVM on free loopback ports. */
    KernelClient() {
        this((Path) null);
    }

    /** A client of a kernel started in this JVM, working in {@code workingDir} (as if started by Jupyter there). */
    KernelClient(Path workingDir) {
        this((o, e) -> new Session(SessionOptions.defaults().withOut(o).withErr(e).withSeed(1L).withWorkingDir(workingDir)));
    }

    /** A client of a kernel started in this JVM with its sessions made by {@code sessions}. */
    KernelClient(BiFunction<PrintStream, PrintStream, Session> sessions) {
        this(null, sessions);
    }

    /** A client of the kernel at {@code connection} (another process). */
    KernelClient(ConnectionInfo connection) {
        this(connection, null);
    }

    private KernelClient(ConnectionInfo connection, BiFunction<PrintStream, PrintStream, Session> sessions) {
        kernel = connection != null ? null : Kernel.start(ConnectionInfo.loopback(KEY), sessions,
                "0.1.0", new PrintStream(kernelLog, true, StandardCharsets.UTF_8));
        ConnectionInfo c = connection != null ? connection : kernel.connection();
        shell = connect(SocketType.DEALER, c.address(c.shellPort()));
        control = connect(SocketType.DEALER, c.address(c.controlPort()));
        heartbeat = connect(SocketType.REQ, c.address(c.hbPort()));
        iopub = connect(SocketType.SUB, c.address(c.iopubPort()));
        iopub.subscribe(new byte[0]);
        waitForIopub();
    }

    private ZMQ.Socket connect(SocketType type, String address) {
        ZMQ.Socket s = context.createSocket(type);
        s.setLinger(0);
        s.connect(address);
        return s;
    }

    /** A subscription takes effect a moment after connecting: ask until IOPub answers, as jupyter_client does. */
    private void waitForIopub() {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Message m = send(shell, "kernel_info_request", Map.of());
            receive(shell, m);
            List<byte[]> frames = receiveFrames(iopub, 200);
            if (frames != null) {
                drain();
                return;
            }
        }
        throw new AssertionError("IOPub never answered");
    }

    private void drain() {
        while (receiveFrames(iopub, 300) != null) { /* the status messages of the handshake */ }
        published.clear();
    }

    Message send(ZMQ.Socket socket, String type, Map<String, Object> content) {
        return send(socket, wire, type, content);
    }

    /** Sends with another signer (a forged message). */
    Message send(ZMQ.Socket socket, Wire signer, String type, Map<String, Object> content) {
        Message m = signer.make(type, new LinkedHashMap<>(content), null);
        Frames.send(socket, signer.encode(m));
        return m;
    }

    /** The reply to {@code request} on {@code socket}. */
    Message receive(ZMQ.Socket socket, Message request) {
        List<byte[]> frames = receiveFrames(socket, (int) WAIT.toMillis());
        if (frames == null) throw new AssertionError("no reply to " + request.type() + "; kernel log: " + log());
        Message reply = wire.decode(frames);
        if (!request.header().get("msg_id").equals(reply.parentHeader().get("msg_id"))) {
            throw new AssertionError("a reply to another request: " + reply.parentHeader());
        }
        return reply;
    }

    /** Nothing on {@code socket} within {@code millis}. */
    boolean silentFor(ZMQ.Socket socket, int millis) {
        return receiveFrames(socket, millis) == null;
    }

    Message request(ZMQ.Socket socket, String type, Map<String, Object> content) {
        return receive(socket, send(socket, type, content));
    }

    Map<String, Object> execute(String code) {
        return request(shell, "execute_request", executeContent(code)).content();
    }

    static Map<String, Object> executeContent(String code) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code);
        c.put("silent", false);
        c.put("store_history", true);
        c.put("user_expressions", Map.of());
        c.put("allow_stdin", false);
        c.put("stop_on_error", true);
        return c;
    }

    /** IOPub messages answering {@code request}, up to and including its idle status. */
    List<Message> outputs(Message request) {
        List<Message> out = new ArrayList<>();
        while (true) {
            Message m = nextPublished(request, WAIT);
            out.add(m);
            if (m.type().equals("status") && "idle".equals(m.content().get("execution_state"))) return out;
        }
    }

    /** The next IOPub message answering {@code request}. */
    Message nextPublished(Message request, Duration wait) {
        Object id = request.header().get("msg_id");
        for (int i = 0; i < published.size(); i++) {
            if (id.equals(published.get(i).parentHeader().get("msg_id"))) return published.remove(i);
        }
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            List<byte[]> frames = receiveFrames(iopub, 100);
            if (frames == null) continue;
            Message m = wire.decode(frames.subList(1, frames.size())); // the first frame is the topic
            if (id.equals(m.parentHeader().get("msg_id"))) return m;
            published.add(m);
        }
        throw new AssertionError("no IOPub message for " + request.type() + " within " + wait + "; kernel log: " + log());
    }

    /** Everything the cell printed on a stream, in order. */
    static String streamText(List<Message> outputs, String name) {
        StringBuilder sb = new StringBuilder();
        for (Message m : outputs) {
            if (m.type().equals("stream") && name.equals(m.content().get("name"))) sb.append(m.content().get("text"));
        }
        return sb.toString();
    }

    static List<Message> ofType(List<Message> outputs, String type) {
        return outputs.stream().filter(m -> m.type().equals(type)).toList();
    }

    private static List<byte[]> receiveFrames(ZMQ.Socket socket, int millis) {
        socket.setReceiveTimeOut(millis);
        return Frames.receive(socket, 0);
    }

    String log() { return kernelLog.toString(StandardCharsets.UTF_8); }

    @Override
    public void close() {
        if (kernel != null) kernel.close();
        context.close();
    }
}
