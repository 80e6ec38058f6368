package tdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tdl kernel ...} on the command line. */
class KernelCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return KernelCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    @Test
    void installWritesTheSpecUnderThePrefixWithTheLaunchersPath() throws Exception {
        assertEquals(Main.OK, run(Map.of("TDL_LAUNCHER", "/opt/tdl/tdl"), "kernel", "install", "--prefix", dir.toString()));
        Path json = dir.resolve("share/jupyter/kernels/tdl/kernel.json");
        assertTrue(Files.readString(json).contains("\"/opt/tdl/tdl\""), Files.readString(json));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("installed the TDL kernel in " + json.getParent()));
    }

    @Test
    void installForTheUserGoesToJupytersDataFolder() {
        assertEquals(Main.OK, run(Map.of("JUPYTER_DATA_DIR", dir.toString(), "TDL_LAUNCHER", "/t/tdl"), "kernel", "install", "--user"));
        assertTrue(Files.isRegularFile(dir.resolve("kernels/tdl/kernel.json")));
        assertEquals(Main.OK, run(Map.of("JUPYTER_DATA_DIR", dir.resolve("d2").toString(), "TDL_LAUNCHER", "/t/tdl"), "kernel", "install"),
                "--user is the default");
        assertTrue(Files.isRegularFile(dir.resolve("d2/kernels/tdl/kernel.json")));
        assertEquals(Main.OK, run(Map.of("HOME", dir.resolve("home").toString(), "TDL_LAUNCHER", "/t/tdl"), "kernel", "install"));
        assertTrue(Files.isRegularFile(dir.resolve("home/.local/share/jupyter/kernels/tdl/kernel.json")) || isMac(),
                "under $HOME, where Jupyter looks (Java's user.home ignores $HOME)");
    }

    private static boolean isMac() {
        return System.getProperty("os.name").toLowerCase().contains("mac");
    }

    @Test
    void withoutTheLauncherTheSpecStartsThisJava() {
        List<String> cmd = KernelCommand.launcher(Map.of());
        assertTrue(Files.isExecutable(Path.of(cmd.get(0))), cmd.toString());
        assertTrue(cmd.contains("-jar") || cmd.contains(Main.class.getName()), cmd.toString());
    }

    @Test
    void mistakesGiveUsageAndStatusTwo() {
        assertEquals(Main.USAGE, run(Map.of(), "kernel"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--connection-file is missing"), err.toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: tdl kernel install"), err.toString());
        err.reset();
        assertEquals(Main.USAGE, run(Map.of(), "kernel", "install", "--system"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --system"), err.toString());
        err.reset();
        assertEquals(Main.USAGE, run(Map.of(), "kernel", "--connection-file", dir.resolve("none.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read the connection file"), err.toString());
        assertEquals(Main.OK, run(Map.of(), "kernel", "--help"));
    }
}
