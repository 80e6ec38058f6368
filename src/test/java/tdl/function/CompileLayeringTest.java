package tdl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * grad, rewrite and function only reach down the package order of ARCHITECTURE.md (syntax < graph <
 * graph.ops < grad < rewrite/eval < function). Scans every reference to a tdl package, imports and
 * fully qualified names alike.
 */
class CompileLayeringTest {
    private static final Pattern REF = Pattern.compile("\\btdl\\.([a-z]+(?:\\.ops)?)\\b");

    private static List<String> badReferences(String pkg, List<String> allowed) throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/tdl", pkg))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String l = line.strip();
                    if (l.startsWith("package ") || l.startsWith("*") || l.startsWith("/*") || l.startsWith("//")) continue;
                    Matcher m = REF.matcher(line);
                    while (m.find()) {
                        if (!m.group(1).equals(pkg) && !allowed.contains(m.group(1))) bad.add(f.getFileName() + ": tdl." + m.group(1));
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void gradSeesOnlyTheGraph() throws IOException {
        assertEquals(List.of(), badReferences("grad", List.of("graph", "graph.ops")));
    }

    @Test
    void rewriteSeesGraphGradAndEval() throws IOException {
        assertEquals(List.of(), badReferences("rewrite", List.of("graph", "graph.ops", "grad", "eval")));
    }

    @Test
    void functionSeesEverythingBelowTheInterpreter() throws IOException {
        assertEquals(List.of(), badReferences("function", List.of("graph", "graph.ops", "grad", "eval", "rewrite")));
    }
}
