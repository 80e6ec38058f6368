package tdl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.session.Session;
import tdl.session.SessionOptions;

/** The Lab 4 RBM, on a small configuration: it trains, reports costs and draws its pictures. */
class RbmScriptTest {
    private static final Pattern COST = Pattern.compile("Training epoch (\\d+), cost is\\s+(\\S+)");

    @Test
    void smallRbmTrainsAndDrawsFiltersAndSamples(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session s = new Session(SessionOptions.defaults().withOut(ps).withErr(ps).withSeed(7L).withWorkingDir(dir));
        Path plots = dir.resolve("plots");
        s.runFile(Path.of("scripts", "lab4", "rbm.tdl").toAbsolutePath(), List.of(
                "--epochs", "2", "--batches", "10", "--hidden", "40", "--plot-every", "5", "--output", plots.toString()));
        String text = out.toString(StandardCharsets.UTF_8);

        List<Double> costs = new ArrayList<>();
        Matcher m = COST.matcher(text);
        while (m.find()) costs.add(Double.parseDouble(m.group(2)));
        assertEquals(2, costs.size(), text);
        for (double c : costs) assertTrue(Double.isFinite(c) && c < 0, "cost finite and negative: " + c + "\n" + text);
        assertTrue(text.contains("... plotting sample 9"), text);
        assertTrue(text.contains("Training took"), text);

        for (int epoch = 0; epoch < 2; epoch++) {
            BufferedImage filters = ImageIO.read(plots.resolve("filters_at_epoch_" + epoch + ".png").toFile());
            assertEquals(10 * 29 - 1, filters.getWidth());
            assertEquals(10 * 29 - 1, filters.getHeight());
        }
        BufferedImage samples = ImageIO.read(plots.resolve("samples.png").toFile());
        assertEquals(29 * 20 - 1, samples.getWidth());
        assertEquals(29 * 10 + 1, samples.getHeight());

        NDArray chain = ((SharedVariable) s.get("persistent_chain")).value();
        assertEquals(20, chain.dim(0));
        assertEquals(40, chain.dim(1));
        for (double v : chain.data()) assertTrue(v == 0 || v == 1, "persistent chain holds binary samples: " + v);
        NDArray vis = ((SharedVariable) s.get("persistent_vis_chain")).value();
        for (double v : vis.data()) assertTrue(v == 0 || v == 1, "visible chain holds binary samples: " + v);
    }

    /** The epoch costs of a short run with these theano flags (null: Theano's defaults). */
    private static List<Double> costs(Path dir, String flags, List<Session> keep) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session s = new Session(SessionOptions.defaults().withOut(ps).withErr(ps).withSeed(7L).withWorkingDir(dir)
                .withTheanoFlags(flags));
        keep.add(s);
        s.runFile(Path.of("scripts", "lab4", "rbm.tdl").toAbsolutePath(), List.of(
                "--epochs", "2", "--batches", "10", "--hidden", "40", "--plot-every", "1000", "--output", dir.resolve("p").toString()));
        List<Double> costs = new ArrayList<>();
        Matcher m = COST.matcher(out.toString(StandardCharsets.UTF_8));
        while (m.find()) costs.add(Double.parseDouble(m.group(2)));
        return costs;
    }

    @Test
    void underFloatXFloat32TheRbmTrainsInFloat32AndTracksTheFloat64Run(@TempDir Path dir) {
        List<Session> sessions = new ArrayList<>();
        List<Double> c64 = costs(dir.resolve("d"), null, sessions);
        List<Double> c32 = costs(dir.resolve("f"), "floatX=float32", sessions);
        assertEquals(2, c32.size());
        // the first epoch sees the same data and, until a draw flips, the same samples
        assertEquals(c64.get(0), c32.get(0), 1e-3 * Math.abs(c64.get(0)), c64 + " vs " + c32);
        assertTrue(Double.isFinite(c32.get(1)) && c32.get(1) < 0, c32.toString());
        Session f32 = sessions.get(1);
        f32.exec("w_now = rbm.W.get_value()", "<test>");
        NDArray w = (NDArray) f32.get("w_now");
        assertEquals(tdl.graph.DType.FLOAT32, w.dtype());
        assertTrue(w.isFloats(), "W is stored as 4-byte floats");
        NDArray chain = ((SharedVariable) f32.get("persistent_chain")).value();
        assertEquals(tdl.graph.DType.FLOAT32, chain.dtype());
        NDArray vis = ((SharedVariable) f32.get("persistent_vis_chain")).value();
        assertEquals(tdl.graph.DType.FLOAT32, vis.dtype());
    }
}
