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
}
