package tdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tdl.session.Session;
import tdl.session.SessionOptions;
import tdl.syntax.TdlError;

/**
 * Runs every src/test/resources/scripts/**.tdl in a fresh session and checks its inline
 * expectations: {@code # expect: TEXT} (stdout lines, in order, whole output), {@code # expect-near:
 * TEXT} (numbers within 1e-6 relative), and {@code # expect-error: Kind: message} on the failing line.
 */
class GoldenScriptsTest {
    private static final Path ROOT = Path.of("src/test/resources/scripts");
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect(-near)?:(.*)$");
    private static final Pattern ERROR = Pattern.compile("#\\s*expect-error:\\s*(\\w+):\\s*(.*?)\\s*$");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    record Expected(String text, boolean near) {}

    @TestFactory
    Stream<DynamicTest> scripts() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(p -> p.toString().endsWith(".tdl") && !p.getFileName().toString().startsWith("_"))
                    .sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> run(f)));
    }

    private static void run(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Expected> expected = new ArrayList<>();
        String errKind = null, errMsg = null;
        int errLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher e = ERROR.matcher(line);
            if (e.find()) {
                errKind = e.group(1);
                errMsg = e.group(2);
                errLine = i + 1;
                continue;
            }
            Matcher m = EXPECT.matcher(line);
            if (m.find()) {
                String text = m.group(2);
                if (text.startsWith(" ")) text = text.substring(1);
                expected.add(new Expected(text.stripTrailing(), m.group(1) != null));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        Session session = new Session(SessionOptions.defaults().withOut(ps).withErr(ps).withSeed(1234L).withWorkingDir(dir));
        TdlError error = null;
        try {
            session.runFile(file, List.of());
        } catch (TdlError e) {
            error = e;
        }
        ps.flush();
        String stdout = out.toString(StandardCharsets.UTF_8);
        if (errKind == null && error != null) fail("unexpected error:\n" + error.format() + "\noutput so far:\n" + stdout);
        if (errKind != null) {
            assertNotNull(error, "expected " + errKind + " at line " + errLine + " but the script succeeded; output:\n" + stdout);
            String text = error.format();
            assertEquals(errKind, error.kindName(), text);
            assertTrue(error.detail().contains(errMsg), "message should contain '" + errMsg + "':\n" + text);
            assertNotNull(error.pos(), "error without position:\n" + text);
            assertEquals(errLine, error.pos().line(), "error line:\n" + text);
            assertTrue(text.contains(file.getFileName() + ":" + errLine + ":"), "location missing:\n" + text);
            assertTrue(text.contains(lines.get(errLine - 1).strip().substring(0, Math.min(10, lines.get(errLine - 1).strip().length()))),
                    "source line missing:\n" + text);
            assertTrue(text.contains("^"), "caret missing:\n" + text);
            assertFalse(text.contains(errKind + ": " + errKind), "kind printed twice:\n" + text);
            assertFalse(text.contains("Exception") && !errKind.contains("Exception") || text.contains("at java."),
                    "stack trace text in:\n" + text);
        }
        List<String> actual = stdout.isEmpty() ? List.of() : List.of(stdout.split("\n", -1));
        if (!actual.isEmpty() && actual.get(actual.size() - 1).isEmpty()) actual = actual.subList(0, actual.size() - 1);
        for (int i = 0; i < Math.max(actual.size(), expected.size()); i++) {
            String a = i < actual.size() ? actual.get(i).stripTrailing() : null;
            Expected x = i < expected.size() ? expected.get(i) : null;
            String where = "output line " + (i + 1) + "\nwhole output:\n" + stdout;
            if (x == null) fail("unexpected extra output '" + a + "' at " + where);
            if (a == null) fail("missing output '" + x.text + "' at " + where);
            if (x.near) assertNear(x.text, a, where);
            else assertEquals(x.text, a, where);
        }
    }

    private static void assertNear(String expected, String actual, String where) {
        Matcher me = NUMBER.matcher(expected), ma = NUMBER.matcher(actual);
        assertEquals(NUMBER.matcher(expected).replaceAll("#"), NUMBER.matcher(actual).replaceAll("#"), where);
        while (me.find() && ma.find()) {
            double e = Double.parseDouble(me.group()), a = Double.parseDouble(ma.group());
            assertTrue(Math.abs(e - a) <= 1e-6 * Math.max(1, Math.abs(e)), "expected " + e + " got " + a + " at " + where);
        }
    }
}
