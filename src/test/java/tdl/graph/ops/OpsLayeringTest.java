package tdl.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * tdl.graph.ops sees only tdl.graph; tdl.eval sees graph, graph.ops and EJML (ARCHITECTURE.md).
 * A scan of the import lines: fast, and enough for two packages (the project-wide rule is ArchUnit's).
 */
class OpsLayeringTest {
    private static List<String> badImports(String pkgDir, List<String> allowed) throws IOException {
        List<String> bad = new ArrayList<>();
        Path dir = Path.of("src/main/java", pkgDir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String l = line.strip();
                    if (!l.startsWith("import ")) continue;
                    String name = l.substring(7).replace("static ", "").replace(";", "").strip();
                    boolean ours = name.startsWith("tdl.") || name.startsWith("org.ejml.");
                    if (ours && allowed.stream().noneMatch(name::startsWith)) bad.add(f.getFileName() + ": " + name);
                }
            }
        }
        return bad;
    }

    @Test
    void opsImportOnlyTheGraphPackage() throws IOException {
        assertTrue(Files.isDirectory(Path.of("src/main/java/tdl/graph/ops")));
        assertEquals(List.of(), badImports("tdl/graph/ops", List.of("tdl.graph.")));
    }

    @Test
    void evalImportsOnlyGraphOpsAndEjml() throws IOException {
        assertTrue(Files.isDirectory(Path.of("src/main/java/tdl/eval")));
        assertEquals(List.of(), badImports("tdl/eval", List.of("tdl.graph.", "org.ejml.")));
    }
}
