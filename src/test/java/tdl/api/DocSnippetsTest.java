package tdl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java block of README.md and docs/*.md compiles and runs as a method body (its imports
 * lifted to the top), and prints, line by line, what its {@code // prints: ...} comments say.
 * A snippet a user copies must work as it stands.
 */
class DocSnippetsTest {
    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PRINTS = Pattern.compile("//\\s*prints:\\s*(.*)$", Pattern.MULTILINE);

    @TempDir
    Path work;

    record Snippet(String where, String code) {}

    static List<Snippet> snippets() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Snippet> out = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                int line = text.substring(0, m.start()).split("\n", -1).length;
                out.add(new Snippet(f + ":" + line, m.group(1).stripIndent()));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetRunsAndPrintsWhatItSays() throws IOException {
        List<Snippet> all = snippets();
        assertTrue(all.size() >= 3, "expected the README's and embedding.md's snippets, found " + all.size());
        return all.stream().map(s -> DynamicTest.dynamicTest(s.where(), () -> run(s)));
    }

    private void run(Snippet s) throws Exception {
        StringBuilder imports = new StringBuilder(), body = new StringBuilder();
        for (String line : s.code().split("\n")) {
            if (line.startsWith("import ")) imports.append(line).append('\n');
            else body.append(line).append('\n');
        }
        String cls = "Snippet";
        String src = imports + "public class " + cls + " {\n public static void run() throws Exception {\n" + body + "\n }\n}\n";
        Path dir = Files.createTempDirectory(work, "snippet");
        Path file = Files.writeString(dir.resolve(cls + ".java"), src);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diag = new ByteArrayOutputStream();
        String classes = Path.of(Tdl.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        int rc = javac.run(null, diag, diag, "-classpath", classes, "-d", dir.toString(), file.toString());
        assertEquals(0, rc, s.where() + " does not compile:\n" + diag.toString(StandardCharsets.UTF_8) + "\n" + src);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Method m = loader.loadClass(cls).getMethod("run");
            m.invoke(null);
        } finally {
            System.setOut(saved);
        }
        List<String> expected = new ArrayList<>();
        Matcher m = PRINTS.matcher(s.code());
        while (m.find()) expected.add(m.group(1).strip());
        String out = printed.toString(StandardCharsets.UTF_8);
        assertFalse(expected.isEmpty(), s.where() + ": say what the snippet prints with a // prints: comment");
        List<String> lines = out.lines().map(String::strip).toList();
        int from = 0;
        for (String want : expected) {
            int at = lines.subList(from, lines.size()).indexOf(want);
            assertTrue(at >= 0, s.where() + ": expected a line '" + want + "' in:\n" + out);
            from += at + 1;
        }
    }
}
