package tdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, with the real interpreter behind it. */
class SessionCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() { return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"); }

    private String err() { return err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"); }

    @Test
    void codeOptionPrints() {
        assertEquals(0, run("", "-e", "print(1+2)"));
        assertEquals("3\n", out());
        assertEquals("", err());
    }

    @Test
    void floatXOptionSetsTheanoConfig() {
        assertEquals(0, run("", "--floatX", "float32", "-e", "import theano\nprint(theano.config.floatX, T.matrix().dtype, (T.vector() * 0.1).dtype)"));
        assertEquals("float32 float32 float32\n", out());
    }

    @Test
    void aFloatXTdlDoesNotHaveIsAValueError() {
        assertEquals(1, run("", "--floatX", "float16", "-e", "pass"));
        assertTrue(err().startsWith("ValueError: Invalid value ('float16') for configuration variable \"floatX\""), err());
    }

    @Test
    void theFloatXOptionWinsOverTheanoFlags() {
        assertEquals("device=cpu,floatX=float64,floatX=float32", HostSettings.theanoFlags("device=cpu,floatX=float64", "float32"));
        assertEquals("floatX=float32", HostSettings.theanoFlags(null, "float32"));
        assertEquals("floatX=float64", HostSettings.theanoFlags("floatX=float64", null));
    }

    @Test
    void scriptSeesArgvAsPythonsSysArgv() throws Exception {
        Path s = Files.writeString(dir.resolve("args.tdl"), "print(len(argv), argv[1], argv[2])\n");
        assertEquals(0, run("", s.toString(), "--epochs", "1"));
        assertEquals("3 --epochs 1\n", out());
    }

    @Test
    void scriptErrorIsFormattedWithItsLineAndExitsOne() throws Exception {
        Path s = Files.writeString(dir.resolve("bad.tdl"), "x = 1\ny = x + undefined_name\n");
        assertEquals(1, run("", s.toString()));
        assertTrue(err().startsWith("NameError: "), err());
        assertTrue(err().contains("undefined_name"), err());
        assertTrue(err().contains(":2:"), "names the line: " + err());
        assertFalse(err().contains("at java."), err());
        assertFalse(err().contains("\tat "), err());
    }

    @Test
    void debugAddsTheJavaStackTrace() throws Exception {
        Path s = Files.writeString(dir.resolve("bad.tdl"), "y = 1 + undefined_name\n");
        assertEquals(1, run("", "--debug", s.toString()));
        assertTrue(err().startsWith("NameError: "), err());
        assertTrue(err().contains("\tat tdl."), err());
    }

    @Test
    void pipedStdinRunsAsAScript() {
        assertEquals(0, run("for i in range(3):\n    print(i)\n"));
        assertEquals("0\n1\n2\n", out());
    }

    @Test
    void scriptsCanPlotWithMatplotlibNames() throws Exception {
        Path png = dir.resolve("curve.png");
        String code = String.join("\n",
                "import matplotlib",
                "matplotlib.use('Agg')",
                "import matplotlib.pyplot as plt",
                "from matplotlib import pyplot",
                "assert plt is pyplot",
                "plt.plot([0, 1, 2], [0, 1, 4], 'r+', label='cost')",
                "plt.legend(loc='upper left')",
                "plt.savefig(r'" + png + "')",
                "");
        Path s = Files.writeString(dir.resolve("plot.tdl"), code);
        assertEquals(0, run("", s.toString()), err());
        assertEquals(640, ImageIO.read(png.toFile()).getWidth());
    }
}
