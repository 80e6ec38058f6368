package tdl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.session.Session;
import tdl.session.SessionOptions;

/** The Lab 4 linear programs run as shipped and learn what the lab says they learn. */
class LabScriptsTest {
    private static final Path LAB = Path.of("scripts", "lab4");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d*)?([eE][-+]?\\d+)?");

    private static String run(Path script, Path workDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session s = new Session(SessionOptions.defaults().withOut(ps).withErr(ps).withWorkingDir(workDir));
        s.runFile(script.toAbsolutePath(), List.of(args));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static double valueAfter(String output, String label) {
        for (String line : output.split("\n")) {
            if (line.startsWith(label)) {
                Matcher m = NUMBER.matcher(line.substring(label.length()));
                assertTrue(m.find(), "no number in: " + line);
                return Double.parseDouble(m.group());
            }
        }
        throw new AssertionError("no line starting with '" + label + "' in:\n" + output);
    }

    @Test
    void oneLayerLearnsTwoXPlusOne(@TempDir Path dir) {
        String out = run(LAB.resolve("one_layer.tdl"), dir);
        assertEquals(2.0, valueAfter(out, "weight:"), 0.01, out);
        assertEquals(1.0, valueAfter(out, "bias:"), 0.01, out);
        assertTrue(out.contains("iteration 0: performance"), "shows progress while training:\n" + out);
    }

    @Test
    void problem3PredictsTheLineAndPlotsIt(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("response.png");
        String out = run(LAB.resolve("problem3.tdl"), dir, png.toString());
        assertEquals(2.0, valueAfter(out, "weight:"), 0.01, out);
        assertEquals(0.5, valueAfter(out, "bias:"), 0.01, out);

        int start = out.indexOf("[[");
        int end = out.indexOf("]]", start);
        assertTrue(start >= 0 && end > start, "predict(x) is printed as a matrix:\n" + out);
        List<Double> values = new ArrayList<>();
        Matcher m = NUMBER.matcher(out.substring(start, end));
        while (m.find()) values.add(Double.parseDouble(m.group()));
        assertEquals(30, values.size(), out);
        for (int i = 0; i < 30; i++) {
            double x = -1.5 + 0.1 * i;
            assertEquals(2 * x + 0.5, values.get(i), 1e-6, "value " + i);
        }

        assertTrue(out.contains(png.toString()), "says where the plot is:\n" + out);
        byte[] bytes = Files.readAllBytes(png);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII));
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() >= 400 && img.getHeight() >= 300, "sensible size: " + img.getWidth() + "x" + img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
        }
        assertTrue(colours.size() > 5, "the plot is not blank: " + colours.size() + " colours");
    }
}
