package tdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tdl.interp.Interpreter;
import tdl.interp.TdlModule;
import tdl.session.Session;
import tdl.session.SessionOptions;
import tdl.syntax.TdlError;

/**
 * docs/language.md cannot drift from the code: every ```python block runs in a fresh session and
 * prints exactly what its {@code # prints: TEXT} comments say (or fails where {@code # raises: Kind:
 * message} says), and each {@code <!-- members: MODULE -->} ... {@code <!-- end -->} section names
 * (in backticks; a dotted `a.b` is prose, not a member) exactly the public members of that module ("builtins": the global built-ins).
 * A name added to a module without a line in the reference fails here with its name.
 */
class LanguageDocTest {
    private static final Path DOC = Path.of("docs/language.md");
    private static final Pattern BLOCK = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PRINTS = Pattern.compile("#\\s*prints:(.*)$");
    private static final Pattern RAISES = Pattern.compile("#\\s*raises:\\s*(\\w+):\\s*(.*?)\\s*$");
    private static final Pattern MEMBERS = Pattern.compile("<!-- members: ([\\w.]+)(?: = ([\\w.]+))? -->(.*?)<!-- end -->", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("`([A-Za-z_][A-Za-z0-9_]*)`");

    @TestFactory
    Stream<DynamicTest> everyExampleRunsAndPrintsWhatItSays() throws IOException {
        String text = Files.readString(DOC);
        List<DynamicTest> tests = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            int line = text.substring(0, m.start()).split("\n", -1).length + 1;
            String code = m.group(1);
            tests.add(DynamicTest.dynamicTest("language.md:" + line, () -> run(code, line)));
        }
        assertTrue(tests.size() >= 10, "expected the reference's examples, found " + tests.size());
        return tests.stream();
    }

    private static void run(String code, int firstLine) {
        List<String> expected = new ArrayList<>();
        String kind = null, message = null;
        int errorLine = -1;
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher p = PRINTS.matcher(lines[i]);
            if (p.find()) expected.add(p.group(1).startsWith(" ") ? p.group(1).substring(1).stripTrailing() : p.group(1).stripTrailing());
            Matcher r = RAISES.matcher(lines[i]);
            if (r.find()) {
                kind = r.group(1);
                message = r.group(2);
                errorLine = i + 1;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session s = new Session(SessionOptions.defaults().withOut(ps).withErr(ps).withSeed(1234L));
        TdlError error = null;
        try {
            s.exec(code, "example.tdl");
        } catch (TdlError e) {
            error = e;
        }
        String where = "docs/language.md:" + firstLine;
        String printed = out.toString(StandardCharsets.UTF_8);
        if (kind == null && error != null) fail(where + ": the example fails:\n" + error.format() + "\noutput:\n" + printed);
        if (kind != null) {
            assertNotNull(error, where + ": expected " + kind + " but the example ran; output:\n" + printed);
            assertEquals(kind, error.kindName(), where + ":\n" + error.format());
            assertTrue(error.detail().contains(message), where + ": message should contain '" + message + "':\n" + error.format());
            assertEquals(errorLine, error.pos().line(), where + ": error line\n" + error.format());
        }
        List<String> actual = printed.lines().map(String::stripTrailing).toList();
        assertEquals(String.join("\n", expected), String.join("\n", actual), where + ": printed output");
    }

    @TestFactory
    Stream<DynamicTest> everyModuleListsExactlyItsMembers() throws IOException {
        String text = Files.readString(DOC);
        Session s = new Session(SessionOptions.defaults().withOut(new PrintStream(new ByteArrayOutputStream())));
        Interpreter in = s.interpreter();
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> documented = new TreeSet<>();
        Matcher m = MEMBERS.matcher(text);
        while (m.find()) {
            String module = m.group(1), sameAs = m.group(2), body = m.group(3);
            documented.add(module);
            tests.add(DynamicTest.dynamicTest(module, () -> compare(in, module, sameAs, body)));
        }
        tests.add(DynamicTest.dynamicTest("every module has a section", () -> {
            Set<String> modules = new TreeSet<>(in.moduleNames());
            modules.add("builtins");
            modules.removeAll(documented);
            assertTrue(modules.isEmpty(), "docs/language.md has no '<!-- members: NAME -->' section for: " + modules);
        }));
        return tests.stream();
    }

    /** {@code sameAs}: the section says "the functions of that module", i.e. its members that are not modules. */
    private static void compare(Interpreter in, String module, String sameAs, String body) {
        Set<String> listed = new TreeSet<>();
        if (sameAs != null) {
            for (java.util.Map.Entry<String, Object> e : in.module(sameAs).members().entrySet()) {
                if (!e.getKey().startsWith("_") && !(e.getValue() instanceof TdlModule)) listed.add(e.getKey());
            }
        }
        Matcher n = NAME.matcher(body);
        while (n.find()) listed.add(n.group(1));
        Set<String> actual = new TreeSet<>();
        if (module.equals("builtins")) {
            for (String name : in.visibleNames()) {
                Object v = in.builtin(name);
                if (!name.startsWith("_") && v != null && !(v instanceof TdlModule)) actual.add(name);
            }
        } else {
            TdlModule mod = in.module(module);
            assertNotNull(mod, "docs/language.md lists members of '" + module + "', which is not a module");
            for (String name : mod.members().keySet()) if (!name.startsWith("_")) actual.add(name);
            for (String sub : in.moduleNames()) {
                if (sub.startsWith(module + ".") && sub.indexOf('.', module.length() + 1) < 0) actual.add(sub.substring(module.length() + 1));
            }
        }
        Set<String> missing = new TreeSet<>(actual);
        missing.removeAll(listed);
        Set<String> extra = new TreeSet<>(listed);
        extra.removeAll(actual);
        assertTrue(missing.isEmpty() && extra.isEmpty(), "docs/language.md, section '" + module + "':\n  not listed (add them, in backticks): "
                + missing + "\n  listed but not in the module: " + extra);
    }
}
