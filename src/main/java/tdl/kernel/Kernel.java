package tdl.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import tdl.session.Session;

/**
 * A Jupyter kernel for TDL (messaging protocol 5.3 over ZeroMQ): one session per kernel, so cells
 * share their variables as REPL entries do. Threads: shell (requests, one at a time; a cell runs
 * on the session's worker while the shell thread waits), control (interrupt, shutdown,
 * kernel_info, answered even while a cell runs), heartbeat (echo), IOPub (the only sender on the
 * PUB socket). The stdin channel is bound as the protocol asks but never used: TDL has no input().
 */
public final class Kernel implements AutoCloseable {
    private static final int POLL_MILLIS = 100;

    private final ZContext context = new ZContext();
    private final ConnectionInfo connection;
    private final Wire wire;
    private final Iopub iopub;
    private final Replies replies;
    private final PrintStream log;
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket stdin;
    private final ZMQ.Socket heartbeat;
    private final CompletableFuture<Session> session;
    private final CompletableFuture<CellRunner> cells;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Thread> threads;
    private volatile boolean running = true;
    private int executionCount;

    private Kernel(ConnectionInfo info, BiFunction<PrintStream, PrintStream, Session> sessions, String version, PrintStream log) {
        this.log = log;
        this.wire = new Wire(new Signer(info.key(), info.signatureScheme()));
        if (!info.transport().equals("tcp")) {
            throw new IllegalArgumentException("transport '" + info.transport() + "' is not supported: this kernel "
                    + "speaks tcp only (start Jupyter with its default transport)");
        }
        shell = bind(SocketType.ROUTER, info, info.shellPort());
        control = bind(SocketType.ROUTER, info, info.controlPort());
        stdin = bind(SocketType.ROUTER, info, info.stdinPort());
        heartbeat = bind(SocketType.REP, info, info.hbPort());
        ZMQ.Socket pub = bind(SocketType.PUB, info, info.iopubPort());
        pub.setLinger(1000); // the last status and shutdown messages still leave after close
        this.connection = info.withPorts(port(shell), port(pub), port(stdin), port(control), port(heartbeat));
        this.iopub = new Iopub(pub, wire);
        this.replies = new Replies(version);
        // the libraries install while the first requests (kernel_info) are answered
        this.session = CompletableFuture.supplyAsync(() -> {
            PrintStream out = new PrintStream(new StreamOutput(iopub, "stdout"), true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new StreamOutput(iopub, "stderr"), true, StandardCharsets.UTF_8);
            Session s = sessions.apply(out, err);
            s.setDisplay(new KernelDisplay(iopub));
            return s;
        });
        this.cells = session.thenApply(s -> new CellRunner(s, iopub));
        this.threads = List.of(thread("tdl-kernel-iopub", iopub), thread("tdl-kernel-shell", this::serveShell),
                thread("tdl-kernel-control", this::serveControl), thread("tdl-kernel-heartbeat", this::serveHeartbeat));
    }

    /**
     * Starts a kernel on the connection: binds its sockets (taking free ports where the connection says
     * 0) and answers from now on. {@code sessions} makes the session from the streams the kernel
     * publishes; {@code log} receives the kernel's own complaints (bad messages).
     */
    static Kernel start(ConnectionInfo info, BiFunction<PrintStream, PrintStream, Session> sessions, String version,
                        PrintStream log) {
        Kernel k = new Kernel(info, sessions, version, log);
        for (Thread t : k.threads) t.start();
        k.iopub.publish("status", Map.of("execution_state", "starting"), null);
        return k;
    }

    /**
     * {@code tdl kernel --connection-file F}: serves the connection file's sockets until a client asks
     * to shut down (or the process that started the kernel is gone). Returns the exit status.
     */
    public static int serve(Path connectionFile, BiFunction<PrintStream, PrintStream, Session> sessions, String version,
                            PrintStream log) {
        ConnectionInfo info;
        try {
            info = ConnectionInfo.read(connectionFile);
        } catch (IOException e) {
            log.println("tdl kernel: cannot read the connection file: " + e.getMessage());
            return 2;
        }
        try (Kernel k = start(info, sessions, version, log)) {
            if (info.anyPortUnset()) k.connection.write(connectionFile);
            ParentWatch.start(k::stop);
            k.stopped.await();
            return 0;
        } catch (IOException e) {
            log.println("tdl kernel: cannot write the connection file: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | org.zeromq.ZMQException e) {
            log.println("tdl kernel: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The connection with the ports actually bound. */
    ConnectionInfo connection() { return connection; }

    /** Whether a shutdown was asked for, waiting up to {@code timeout} for it. */
    boolean awaitShutdown(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops answering and releases the sockets; a running cell is interrupted. */
    @Override
    public void close() {
        stop();
        interruptCell();
        for (Thread t : threads) {
            if (t.getName().endsWith("iopub")) continue;
            join(t);
        }
        iopub.stop();
        for (Thread t : threads) join(t);
        context.close();
    }

    private void stop() {
        running = false;
        stopped.countDown();
    }

    // ---- the channels ----

    private void serveShell() {
        while (running) {
            Message m = receive(shell, POLL_MILLIS);
            if (m != null) handle(shell, m);
        }
        shell.close();
    }

    private void serveControl() {
        while (running) {
            Message m = receive(control, POLL_MILLIS);
            if (m != null) handle(control, m);
        }
        control.close();
        stdin.close();
    }

    private void serveHeartbeat() {
        heartbeat.setReceiveTimeOut(POLL_MILLIS);
        while (running) {
            List<byte[]> ping = Frames.receive(heartbeat, 0);
            if (ping != null) Frames.send(heartbeat, ping);
        }
        heartbeat.close();
    }

    /** One request, between a busy and an idle status as the protocol asks. */
    private void handle(ZMQ.Socket socket, Message m) {
        iopub.publish("status", Map.of("execution_state", "busy"), m);
        try {
            switch (m.type()) {
                case "kernel_info_request" -> reply(socket, m, "kernel_info_reply", replies.kernelInfo());
                case "execute_request" -> execute(socket, m);
                case "complete_request" -> reply(socket, m, "complete_reply",
                        replies.complete(session(), m.text("code"), m.number("cursor_pos", m.text("code").length())));
                case "inspect_request" -> reply(socket, m, "inspect_reply",
                        replies.inspect(session(), m.text("code"), m.number("cursor_pos", m.text("code").length())));
                case "is_complete_request" -> reply(socket, m, "is_complete_reply", Replies.isComplete(m.text("code")));
                case "history_request" -> reply(socket, m, "history_reply", with(Replies.ok(), "history", List.of()));
                case "comm_info_request" -> reply(socket, m, "comm_info_reply", with(Replies.ok(), "comms", Map.of()));
                case "interrupt_request" -> {
                    interruptCell();
                    reply(socket, m, "interrupt_reply", Replies.ok());
                }
                case "shutdown_request" -> {
                    Map<String, Object> c = with(Replies.ok(), "restart", m.flag("restart", false));
                    reply(socket, m, "shutdown_reply", c);
                    iopub.publish("shutdown_reply", c, m);
                    interruptCell();
                    stop();
                }
                // widgets and other comms: there are none, so their messages have no one to go to
                case "comm_open", "comm_msg", "comm_close" -> { }
                default -> log.println("tdl kernel: ignoring a " + m.type() + " message (not supported)");
            }
        } catch (RuntimeException e) {
            // a client waits for its reply: it gets one that says what went wrong
            log.println("tdl kernel: cannot answer " + m.type() + ": " + e);
            if (m.type().endsWith("_request")) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("status", "error");
                c.put("ename", "InternalError");
                c.put("evalue", "tdl kernel: " + e);
                c.put("traceback", List.of("InternalError: tdl kernel: " + e));
                reply(socket, m, m.type().replace("_request", "_reply"), c);
            }
        } finally {
            iopub.publish("status", Map.of("execution_state", "idle"), m);
        }
    }

    private void execute(ZMQ.Socket socket, Message m) {
        String code = m.text("code");
        boolean silent = m.flag("silent", false);
        boolean store = !silent && m.flag("store_history", true);
        if (store) executionCount++;
        int count = executionCount;
        iopub.startOutputOf(m, silent);
        if (!silent) iopub.publish("execute_input", with(with(new LinkedHashMap<>(), "code", code), "execution_count", count), m);
        @SuppressWarnings("unchecked")
        Map<String, Object> expressions = m.get("user_expressions", Map.of()) instanceof Map<?, ?> e
                ? (Map<String, Object>) e : Map.of();
        CellRunner runner = cells();
        CellRunner.Outcome outcome = runner.run(code, count, expressions);
        Map<String, Object> c = new LinkedHashMap<>();
        if (outcome.error() == null) {
            c.put("status", "ok");
            c.put("execution_count", count);
            c.put("user_expressions", outcome.userExpressions());
            c.put("payload", List.of());
            reply(socket, m, "execute_reply", c);
            return;
        }
        // the requests already waiting were sent before the client heard of the error: with
        // stop_on_error, the cells among them (which counted on this one) do not run, as in ipykernel
        List<Message> queued = m.flag("stop_on_error", true) ? waiting(socket) : List.of();
        Map<String, Object> error = runner.errorContent(outcome.error());
        if (!silent) iopub.publish("error", error, m);
        c.put("status", "error");
        c.put("execution_count", count);
        c.putAll(error);
        reply(socket, m, "execute_reply", c);
        for (Message next : queued) {
            if (!next.type().equals("execute_request")) {
                handle(socket, next);
                continue;
            }
            iopub.publish("status", Map.of("execution_state", "busy"), next);
            reply(socket, next, "execute_reply", with(new LinkedHashMap<>(), "status", "aborted"));
            iopub.publish("status", Map.of("execution_state", "idle"), next);
        }
    }

    /** The requests that have arrived on a socket and wait there, taken without waiting for more. */
    private List<Message> waiting(ZMQ.Socket socket) {
        List<Message> queued = new ArrayList<>();
        for (Message next; (next = receive(socket, -1)) != null; ) queued.add(next);
        return queued;
    }

    // ---- plumbing ----

    /** Stops the running cell, if a session is up and a cell runs. */
    private void interruptCell() {
        if (cells.isDone() && !cells.isCompletedExceptionally()) cells.join().interrupt();
    }

    private Session session() { return join(session); }

    private CellRunner cells() { return join(cells); }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void reply(ZMQ.Socket socket, Message request, String type, Map<String, Object> content) {
        Frames.send(socket, wire.encode(wire.make(type, content, request)));
    }

    /**
     * The next request on a socket: waiting up to {@code millis}, or not at all when negative. Null when
     * none came; a message that is not ours (bad signature, not JSON) is logged and dropped.
     */
    private Message receive(ZMQ.Socket socket, int millis) {
        if (millis >= 0) socket.setReceiveTimeOut(millis);
        List<byte[]> frames = Frames.receive(socket, millis < 0 ? ZMQ.DONTWAIT : 0);
        if (frames == null) return null;
        try {
            return wire.decode(frames);
        } catch (IllegalArgumentException e) {
            log.println("tdl kernel: dropped a message: " + e.getMessage());
            return null;
        }
    }

    private ZMQ.Socket bind(SocketType type, ConnectionInfo info, int port) {
        ZMQ.Socket s = context.createSocket(type);
        s.setLinger(0);
        if (port == 0) s.bindToRandomPort(info.transport() + "://" + info.ip());
        else s.bind(info.address(port));
        return s;
    }

    private static int port(ZMQ.Socket s) {
        String endpoint = s.getLastEndpoint();
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        m.put(key, value);
        return m;
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private static void join(Thread t) {
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
