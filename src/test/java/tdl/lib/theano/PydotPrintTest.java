package tdl.lib.theano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.session.Session;
import tdl.session.SessionOptions;

/** theano.printing.pydotprint writes Graphviz DOT (and a PNG only through a 'dot' executable on the PATH). */
class PydotPrintTest {
    private static String run(Path dir, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        new Session(SessionOptions.defaults().withOut(ps).withErr(ps).withWorkingDir(dir)).exec(code, "t.tdl");
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final String GRAPH = """
            import theano
            import theano.tensor as T
            x = T.dvector('x')
            w = theano.shared(1.5, name='w')
            y = T.exp(x * w).sum()
            f = theano.function([x], y)
            """;

    @Test
    void formatDotWritesTheDotTextUnderTheGivenName() throws IOException {
        String said = run(tmp, GRAPH + "theano.printing.pydotprint(y, outfile='g', format='dot')\n");
        assertEquals("The output file is available at g.dot\n", said);
        String dot = Files.readString(tmp.resolve("g.dot"));
        assertTrue(dot.startsWith("digraph G {"), dot);
        assertTrue(dot.contains("label=\"x\"") && dot.contains("label=\"w\"") && dot.contains("Elemwise{exp,no_inplace}"), dot);
        assertTrue(dot.strip().endsWith("}"), dot);
    }

    @Test
    void aPngNeedsGraphvizElseTheDotTextIsWrittenAndSaidSo() throws IOException {
        String said = run(tmp, GRAPH + "theano.printing.pydotprint(f, outfile='f.png')\n");
        if (hasDot()) {
            assertEquals("The output file is available at f.png\n", said);
            byte[] png = Files.readAllBytes(tmp.resolve("f.png"));
            assertEquals((byte) 0x89, png[0]);
            assertEquals('P', png[1]);
        } else {
            assertTrue(said.startsWith("pydotprint: no Graphviz 'dot' executable on the PATH, so no png was made; wrote the DOT text to f.dot"), said);
            assertTrue(Files.readString(tmp.resolve("f.dot")).startsWith("digraph G {"));
            assertTrue(!Files.exists(tmp.resolve("f.png")), "no broken png");
        }
    }

    @TempDir
    Path tmp;

    private static boolean hasDot() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "dot"))) return true;
        }
        return false;
    }
}
