package tdl.cli;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.syntax.TdlError;

/**
 * The command line's contract (options, exit status, what reaches stderr), checked against a
 * stand-in interpreter that records what it was asked to run. "fail" in the code raises a script
 * error; "crash" an internal one.
 */
class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> calls = new ArrayList<>();
    private HostSettings seen;

    private final class RecordingHost implements ScriptHost {
        @Override
        public void runFile(Path file, List<String> argv) {
            calls.add("file " + file.getFileName() + " " + argv);
            run(readFile(file));
        }

        @Override
        public void exec(String code, String sourceName, List<String> argv) {
            calls.add("exec " + sourceName + " " + argv + " " + code.strip());
            run(code);
        }

        private void run(String code) {
            if (code.contains("fail")) throw new TdlError(ErrorKind.NAME_ERROR, "name 'fail' is not defined");
            if (code.contains("crash")) throw new IllegalStateException("broken invariant");
            seen.out().print("ran");
        }

        @Override
        public String format(TdlError e) {
            return seen.debug() ? e.format() + "\njava.lang.Thread.run(Thread.java)" : e.format();
        }
    }

    private int withStdin(String stdin, String... args) {
        return Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                s -> {
                    seen = s;
                    return new RecordingHost();
                }, false);
    }

    private int run(String... args) {
        return withStdin("", args);
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    private static String readFile(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path script(String name, String code) throws java.io.IOException {
        return Files.writeString(dir.resolve(name), code);
    }

    @Test
    void versionNamesTdlAndJava() {
        assertEquals(0, run("--version"));
        assertTrue(out().startsWith("tdl 0.1.0"), out());
        assertTrue(out().contains("Java " + System.getProperty("java.version")), out());
        assertTrue(calls.isEmpty());
    }

    @Test
    void helpListsTheOptions() {
        assertEquals(0, run("--help"));
        for (String opt : List.of("-e", "--seed", "--debug", "--profile", "--nan-guard", "--version", "FILE")) {
            assertTrue(out().contains(opt), "help mentions " + opt);
        }
    }

    @Test
    void unknownOptionIsBadUsage() {
        assertEquals(2, run("--bogus"));
        assertTrue(err().contains("Unknown option: '--bogus'"), err());
        assertTrue(err().contains("Usage: tdl"), err());
        assertTrue(calls.isEmpty());
    }

    @Test
    void badSeedIsBadUsage() {
        assertEquals(2, run("--seed", "abc", "-e", "x"));
        assertTrue(calls.isEmpty());
    }

    @Test
    void missingFileIsBadUsage() {
        assertEquals(2, run(dir.resolve("x.tdl").toString()));
        assertEquals("tdl: cannot open '" + dir.resolve("x.tdl") + "': no such file", err().strip());
        assertTrue(calls.isEmpty());
    }

    @Test
    void scriptGetsArgvAndItsOptionsAreNotTdls() throws Exception {
        Path s = script("s.tdl", "ok");
        assertEquals(0, run("--seed", "7", s.toString(), "--epochs", "1", "--debug"));
        assertEquals(List.of("file s.tdl [" + s + ", --epochs, 1, --debug]"), calls);
        assertEquals(7L, seen.seed());
        assertFalse(seen.debug(), "--debug after FILE belongs to the script");
        assertEquals("ran", out());
    }

    @Test
    void plainFormsSkipPicocliAndMeanWhatPicocliWouldParse() throws Exception {
        Path s = script("s.tdl", "ok");
        String[][] plain = {{s.toString(), "--epochs", "1", "-e", "x"}, {"-e", "print(1)"}};
        for (String[] args : plain) {
            Main viaShortcut = newMain();
            assertTrue(viaShortcut.takePlainForm(args), String.join(" ", args));
            // picocli on the same words, as a form it would also accept
            calls.clear();
            assertEquals(0, run(args));
            List<String> picocliCalls = List.copyOf(calls);
            calls.clear();
            assertEquals(0, run(prepend("--seed", "3", args)));
            assertEquals(picocliCalls, calls, "the shortcut and picocli disagree on " + List.of(args));
        }
        for (String[] other : new String[][] {{"--seed", "1", "f.tdl"}, {"-"}, {"@args.txt"}, {"-e", "x", "f"}, {}}) {
            assertFalse(newMain().takePlainForm(other), "picocli should parse " + List.of(other));
        }
    }

    private Main newMain() {
        return Main.forTest(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static String[] prepend(String a, String b, String[] rest) {
        String[] r = new String[rest.length + 2];
        r[0] = a;
        r[1] = b;
        System.arraycopy(rest, 0, r, 2, rest.length);
        return r;
    }

    @Test
    void optionsBeforeTheFileReachTheSession() throws Exception {
        Path s = script("s.tdl", "ok");
        assertEquals(0, run("--debug", "--profile", "--nan-guard", s.toString()));
        assertTrue(seen.debug() && seen.profile() && seen.nanGuard());
        assertEquals(null, seen.seed());
    }

    @Test
    void scriptErrorExitsOneWithTheFormattedMessageAndNoJavaTrace() throws Exception {
        Path s = script("bad.tdl", "fail");
        assertEquals(1, run(s.toString()));
        assertEquals("NameError: name 'fail' is not defined", err().strip());
        assertFalse(err().contains("at java."));
    }

    @Test
    void internalErrorIsOneLineWithoutDebugAndATraceWithIt() {
        assertEquals(1, run("-e", "crash"));
        assertTrue(err().contains("internal error: java.lang.IllegalStateException: broken invariant"), err());
        assertFalse(err().contains("\tat "), err());
        err.reset();
        assertEquals(1, run("--debug", "-e", "crash"));
        assertTrue(err().contains("\tat tdl."), err());
    }

    @Test
    void debugAsksTheSessionForStackTraces() {
        assertEquals(1, run("--debug", "-e", "fail"));
        assertTrue(err().contains("Thread.java"), err());
    }

    @Test
    void codeOptionRunsAsStringWithItsArguments() {
        assertEquals(0, run("-e", "print(1+2)", "a", "b"));
        assertEquals(List.of("exec <string> [-e, a, b] print(1+2)"), calls);
    }

    @Test
    void noFileReadsAPipedStdin() {
        assertEquals(0, withStdin("print(1)\n"));
        assertEquals(List.of("exec <stdin> [] print(1)"), calls);
        calls.clear();
        assertEquals(0, withStdin("print(2)\n", "-", "x"));
        assertEquals(List.of("exec <stdin> [-, x] print(2)"), calls);
    }

    @Test
    void theRealInterpreterIsTheDefault() {
        int status = Main.run(new String[] {"--version"}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
    }
}
