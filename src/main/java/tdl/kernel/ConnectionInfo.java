package tdl.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Jupyter connection file: where the five sockets listen and the key messages are signed with.
 * A port of 0 means "pick one"; the kernel then writes the ports it took back into the file, as
 * ipykernel does.
 */
record ConnectionInfo(String transport, String ip, int shellPort, int iopubPort, int stdinPort, int controlPort,
                      int hbPort, String key, String signatureScheme) {

    static ConnectionInfo read(Path file) throws IOException {
        Map<String, Object> m;
        try {
            m = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a Jupyter connection file: " + e.getMessage(), e);
        }
        return new ConnectionInfo(text(m, "transport", "tcp"), text(m, "ip", "127.0.0.1"),
                port(m, "shell_port"), port(m, "iopub_port"), port(m, "stdin_port"), port(m, "control_port"),
                port(m, "hb_port"), text(m, "key", ""), text(m, "signature_scheme", "hmac-sha256"));
    }

    /** A connection on the loopback address with every port left to the kernel, for tests and tools. */
    static ConnectionInfo loopback(String key) {
        return new ConnectionInfo("tcp", "127.0.0.1", 0, 0, 0, 0, 0, key, "hmac-sha256");
    }

    String address(int port) {
        return transport + "://" + ip + ":" + port;
    }

    ConnectionInfo withPorts(int shell, int iopub, int stdin, int control, int hb) {
        return new ConnectionInfo(transport, ip, shell, iopub, stdin, control, hb, key, signatureScheme);
    }

    boolean anyPortUnset() {
        return shellPort == 0 || iopubPort == 0 || stdinPort == 0 || controlPort == 0 || hbPort == 0;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transport", transport);
        m.put("ip", ip);
        m.put("shell_port", shellPort);
        m.put("iopub_port", iopubPort);
        m.put("stdin_port", stdinPort);
        m.put("control_port", controlPort);
        m.put("hb_port", hbPort);
        m.put("key", key);
        m.put("signature_scheme", signatureScheme);
        return m;
    }

    void write(Path file) throws IOException {
        Files.writeString(file, Json.writePretty(toJson()), StandardCharsets.UTF_8);
    }

    private static String text(Map<String, Object> m, String name, String fallback) {
        Object v = m.get(name);
        return v == null ? fallback : v.toString();
    }

    private static int port(Map<String, Object> m, String name) throws IOException {
        Object v = m.get(name);
        if (v == null) return 0;
        if (v instanceof Number n && n.doubleValue() == n.intValue() && n.intValue() >= 0 && n.intValue() < 65536) {
            return n.intValue();
        }
        throw new IOException("connection file: " + name + " must be a port number, got " + v);
    }
}
