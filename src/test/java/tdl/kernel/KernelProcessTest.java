package tdl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel as Jupyter runs it: a separate process started as {@code tdl kernel --connection-file F}
 * (here through java and the test class path, as an installed kernelspec without the launcher does).
 */
class KernelProcessTest {
    @TempDir
    Path dir;

    @Test
    void aKernelProcessTakesFreePortsAnswersAndExitsOnShutdown() throws Exception {
        Path file = dir.resolve("kernel-test.json");
        ConnectionInfo.loopback(KernelClient.KEY).write(file);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "tdl.cli.Main",
                "kernel", "--connection-file", file.toString()));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("kernel.log").toFile()).start();
        try {
            ConnectionInfo bound = boundPorts(file, p);
            try (KernelClient client = new KernelClient(bound)) {
                assertEquals("ok", client.execute("x = 6 * 7").get("status"));
                Message request = client.send(client.shell, "execute_request", KernelClient.executeContent("print(x)"));
                client.receive(client.shell, request);
                assertEquals("42\n", KernelClient.streamText(client.outputs(request), "stdout"));
                client.request(client.control, "shutdown_request", Map.of("restart", false));
            }
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the kernel exits after shutdown_request");
            assertEquals(0, p.exitValue(), log());
        } finally {
            p.destroyForcibly();
        }
    }

    /** The connection file once the kernel has written back the ports it took (ipykernel does the same). */
    private ConnectionInfo boundPorts(Path file, Process p) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end && p.isAlive()) {
            try {
                ConnectionInfo c = ConnectionInfo.read(file);
                if (!c.anyPortUnset()) return c;
            } catch (IOException e) {
                // being written
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the kernel never wrote its ports; its log:\n" + log());
    }

    private String log() throws IOException {
        Path log = dir.resolve("kernel.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
