package tdl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * scripts/lab4/lab4.ipynb and what its run must show, whoever runs it (the kernel driven by these
 * tests, or real Jupyter): outputs per cell id in nbformat's JSON shape.
 */
final class LabNotebook {
    static final Path DIR = Path.of("scripts/lab4");
    static final Path FILE = DIR.resolve("lab4.ipynb");
    private static final Pattern WEIGHT = Pattern.compile("weight: \\[([-0-9.e]+)\\]");

    private LabNotebook() {}

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cells(Path notebook) throws IOException {
        Map<String, Object> nb = Json.parseObject(Files.readString(notebook, StandardCharsets.UTF_8));
        return (List<Map<String, Object>>) nb.get("cells");
    }

    static String source(Map<String, Object> cell) {
        Object s = cell.get("source");
        return s instanceof List<?> lines ? String.join("", lines.stream().map(String::valueOf).toList()) : String.valueOf(s);
    }

    /** The outputs of each code cell of an executed notebook, by cell id. */
    @SuppressWarnings("unchecked")
    static Map<String, List<Map<String, Object>>> outputs(Path executed) throws IOException {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (Map<String, Object> cell : cells(executed)) {
            if ("code".equals(cell.get("cell_type"))) out.put((String) cell.get("id"), (List<Map<String, Object>>) cell.get("outputs"));
        }
        return out;
    }

    /** What a notebook stores for one IOPub output message (stream, display_data, execute_result, error). */
    static Map<String, Object> asOutput(Message m) {
        Map<String, Object> o = new LinkedHashMap<>(m.content());
        o.put("output_type", m.type());
        return o;
    }

    /**
     * The run worked as the lab says: no cell failed; both fits found w = 2 (the exact least-squares
     * solution of their points: y = 2x + 1 and y = 2x + 0.5); Problem 3's plot and the RBM's 8 x 8
     * filters (28-pixel tiles, 1 pixel apart: 231 pixels) are PNGs below their cells.
     */
    static void check(Map<String, List<Map<String, Object>>> outputs) throws IOException {
        for (Map.Entry<String, List<Map<String, Object>>> cell : outputs.entrySet()) {
            for (Map<String, Object> o : cell.getValue()) {
                assertTrue(!"error".equals(o.get("output_type")), "cell " + cell.getKey() + " failed: " + o.get("traceback"));
            }
        }
        assertEquals(2.0, weight(outputs.get("train1")), 1e-3, "the linear neuron's weight");
        assertEquals(2.0, weight(outputs.get("model3")), 1e-3, "Problem 3's weight");
        BufferedImage plot = picture(outputs.get("plot3"));
        assertEquals(640, plot.getWidth());
        assertEquals(480, plot.getHeight());
        BufferedImage filters = picture(outputs.get("rbm_filters"));
        assertEquals(231, filters.getWidth());
        assertEquals(231, filters.getHeight());
    }

    private static double weight(List<Map<String, Object>> outputs) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> o : outputs) {
            if ("stream".equals(o.get("output_type"))) {
                Object t = o.get("text");
                text.append(t instanceof List<?> l ? String.join("", l.stream().map(String::valueOf).toList()) : t);
            }
        }
        Matcher m = WEIGHT.matcher(text);
        assertTrue(m.find(), "no weight printed in: " + text);
        return Double.parseDouble(m.group(1));
    }

    private static BufferedImage picture(List<Map<String, Object>> outputs) throws IOException {
        List<String> pngs = new ArrayList<>();
        for (Map<String, Object> o : outputs) {
            if (o.get("data") instanceof Map<?, ?> data && data.get("image/png") != null) {
                Object png = data.get("image/png");
                pngs.add(png instanceof List<?> l ? String.join("", l.stream().map(String::valueOf).toList()) : png.toString());
            }
        }
        assertEquals(1, pngs.size(), "one picture in " + outputs);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(pngs.get(0))));
        assertNotNull(img, "a decodable PNG");
        return img;
    }
}
