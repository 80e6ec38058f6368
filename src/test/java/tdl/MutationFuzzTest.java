package tdl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tdl.session.Session;
import tdl.session.SessionOptions;
import tdl.syntax.ScriptExit;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * The embedder's fuzzer as a bounded, reproducible test: a few hundred random mutants of the golden
 * scripts (characters deleted, snippets inserted, lines dropped or repeated, numbers and names
 * swapped), each run in-process under a time limit with file access off. Whatever a mutant does, it
 * must end normally or with a Python-level error that has a position and names no Java class, and
 * it must stop near its limit. Wrong-program message quality is WrongProgramsTest's; this one looks
 * for crashes. Fixed seed: a failure names its mutant number, which reproduces it.
 */
class MutationFuzzTest {
    private static final Path ROOT = Path.of("src/test/resources/scripts");
    // -Dfuzz.seed=N -Dfuzz.mutants=M explore further from the command line; the build runs the fixed set
    private static final long SEED = Long.getLong("fuzz.seed", 20261204L);
    private static final int MUTANTS = Integer.getInteger("fuzz.mutants", 200);
    private static final Duration LIMIT = Duration.ofSeconds(1);
    private static final long SLACK_MS = 2000;
    // Python's own Exception and BaseException are fine; NullPointerException, StackOverflowError... are not
    private static final Pattern JAVA = Pattern.compile("java\\.|javax\\.|\\$\\$Lambda|\\b(?!Base)[A-Z][A-Za-z]+Exception\\b"
            + "|StackOverflowError|OutOfMemoryError|NoClassDefFoundError|\\btdl\\.[a-z]+\\.[A-Z]|org\\.antlr|org\\.ejml");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(\\.\\d*)?(e-?\\d+)?\\b");
    private static final Pattern NAME = Pattern.compile("\\b[A-Za-z_][A-Za-z_0-9]*\\b");
    private static final String[] SNIPPETS = {
        "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "+", "-", "*", "**", "/", "//", "%", "@", "<", "==", " not ",
        " and ", " if ", " else ", " in ", " is ", "lambda: ", "None", "True", "0", "-1", "2**70", "10**19", "1e308",
        "float('nan')", "'s'", "\"", "'", "\\", "#", "\n", "\n    ", "    ", "\t", "[]", "()", "{}", "[0]", "[-1]",
        "[::2]", ".T", ".shape", "x", "T.", "np.", "len(", "range(", "print(", "del ", "return ", "yield ", "pass\n",
        "\u00e9", "\u0000", "0x", "1_0", "f'{", "}'", "*[1, 2]", "**{}",
    };

    @Test
    void mutantsOfTheGoldenScriptsNeverCrashTheInterpreter() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(p -> p.toString().endsWith(".tdl")).sorted().toList();
        }
        assertTrue(files.size() > 20, "golden scripts not found under " + ROOT.toAbsolutePath());
        Random rnd = new Random(SEED);
        List<String> problems = new ArrayList<>();
        long start = System.nanoTime();
        int errors = 0;
        for (int n = 0; n < MUTANTS; n++) {
            Path file = files.get(rnd.nextInt(files.size()));
            String text = Files.readString(file, StandardCharsets.UTF_8);
            StringBuilder how = new StringBuilder();
            int edits = 1 + rnd.nextInt(3);
            for (int k = 0; k < edits; k++) text = mutate(text, rnd, how);
            String problem = run(file, text);
            if (problem == null) continue;
            if (problem.isEmpty()) {
                errors++;
                continue;
            }
            problems.add("mutant " + n + " of " + ROOT.relativize(file) + " (" + how + "): " + problem);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println("fuzz: " + MUTANTS + " mutants, " + errors + " ended with a clean error, " + seconds + " s");
        assertTrue(problems.isEmpty(), problems.size() + " mutants broke a rule:\n" + String.join("\n\n", problems));
    }

    /** null when the mutant ran through, "" for a clean Python-level error, else what was wrong. */
    private static String run(Path file, String text) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Session s = new Session(SessionOptions.defaults().withOut(sink).withErr(sink).withSeed(1234L)
                .withWorkingDir(file.toAbsolutePath().getParent()).withFileAccess(false).withTimeLimit(LIMIT));
        long t0 = System.nanoTime();
        String problem = null;
        try {
            s.exec(text, file.getFileName().toString());
        } catch (ScriptExit e) {
            // sys.exit() in a mutant: ends the script, as it should
        } catch (TdlError e) {
            problem = check(e);
        } catch (Throwable t) {
            problem = "escaped as a Java " + t.getClass().getName() + ": " + t.getMessage();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ms > LIMIT.toMillis() + SLACK_MS) problem = (problem == null || problem.isEmpty() ? "" : problem + "; ") + "ran " + ms + " ms past a " + LIMIT.toMillis() + " ms limit";
        return problem;
    }

    private static String check(TdlError e) {
        String shown = e.kindName() + ": " + e.detail() + (e.hint() == null ? "" : " (hint: " + e.hint() + ")");
        if (e.kind() == ErrorKind.INTERNAL_ERROR) return "internal error: " + shown;
        Matcher m = JAVA.matcher(e.detail() + " " + (e.hint() == null ? "" : e.hint()));
        if (m.find()) return "names Java ('" + m.group() + "'): " + shown;
        if (e.pos() == null) return "error without a position: " + shown;
        return "";
    }

    private static String mutate(String text, Random rnd, StringBuilder how) {
        if (text.isEmpty()) return text;
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int li = rnd.nextInt(lines.size());
        switch (rnd.nextInt(7)) {
            case 0 -> {
                int i = rnd.nextInt(text.length());
                how.append("delete char ").append(i).append("; ");
                return text.substring(0, i) + text.substring(i + 1);
            }
            case 1 -> {
                int i = rnd.nextInt(text.length() + 1);
                String snip = SNIPPETS[rnd.nextInt(SNIPPETS.length)];
                how.append("insert ").append(show(snip)).append(" at ").append(i).append("; ");
                return text.substring(0, i) + snip + text.substring(i);
            }
            case 2 -> {
                how.append("repeat line ").append(li + 1).append("; ");
                lines.add(li, lines.get(li));
            }
            case 3 -> {
                how.append("drop line ").append(li + 1).append("; ");
                lines.remove(li);
            }
            case 4 -> {
                if (li + 1 >= lines.size()) return text;
                how.append("swap lines ").append(li + 1).append(", ").append(li + 2).append("; ");
                String a = lines.get(li);
                lines.set(li, lines.get(li + 1));
                lines.set(li + 1, a);
            }
            case 5 -> {
                Matcher m = NUMBER.matcher(lines.get(li));
                List<int[]> spans = new ArrayList<>();
                while (m.find()) spans.add(new int[] {m.start(), m.end()});
                if (spans.isEmpty()) return text;
                int[] sp = spans.get(rnd.nextInt(spans.size()));
                String[] values = {"0", "-1", "2**70", "10**10", "1e308", "0.5", "None", "'7'", "[]", "-0.0"};
                String v = values[rnd.nextInt(values.length)];
                how.append("number on line ").append(li + 1).append(" -> ").append(v).append("; ");
                String l = lines.get(li);
                lines.set(li, l.substring(0, sp[0]) + v + l.substring(sp[1]));
            }
            default -> {
                Matcher m = NAME.matcher(lines.get(li));
                List<int[]> spans = new ArrayList<>();
                while (m.find()) spans.add(new int[] {m.start(), m.end()});
                Matcher all = NAME.matcher(text);
                List<String> names = new ArrayList<>();
                while (all.find()) names.add(all.group());
                if (spans.isEmpty() || names.isEmpty()) return text;
                int[] sp = spans.get(rnd.nextInt(spans.size()));
                String v = names.get(rnd.nextInt(names.size()));
                how.append("name on line ").append(li + 1).append(" -> ").append(v).append("; ");
                String l = lines.get(li);
                lines.set(li, l.substring(0, sp[0]) + v + l.substring(sp[1]));
            }
        }
        return String.join("\n", lines);
    }

    private static String show(String s) {
        return "'" + s.replace("\n", "\\n").replace("\t", "\\t").replace("\u0000", "\\0") + "'";
    }
}
