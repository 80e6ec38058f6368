package tdl.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.session.Session;
import tdl.session.SessionOptions;

/** The example programs a newcomer runs first still learn what they claim to learn. */
class ExampleScriptsTest {
    private static String run(Path dir, String script, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        new Session(SessionOptions.defaults().withOut(ps).withErr(ps).withWorkingDir(dir))
                .runFile(Path.of("scripts", "examples", script).toAbsolutePath(), List.of(args));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<Double> numbersAfter(String text, String regex) {
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) out.add(Double.parseDouble(m.group(1)));
        return out;
    }

    @Test
    void logisticRegressionClassifiesMostTestDigits(@TempDir Path dir) {
        String out = run(dir, "logistic_mnist.tdl", "1");
        List<Double> test = numbersAfter(out, "test error (\\S+) %");
        assertTrue(test.size() == 1 && test.get(0) < 20, out);
    }

    @Test
    void elmanNetworkLearnsTheWave(@TempDir Path dir) {
        String out = run(dir, "elman_sine.tdl", "200");
        List<Double> mse = numbersAfter(out, "mean squared error (\\S+)");
        assertTrue(mse.size() >= 2 && mse.get(mse.size() - 1) < mse.get(0) / 10, out);
    }

    @Test
    void lenetCostFallsAndItBeatsChanceWithinAFewHundredImages(@TempDir Path dir) {
        // 31 minibatches of 20 images; a reference run reaches cost 0.86 at iteration 30 and 29.2 %
        // validation error, from ln(10) = 2.3026 at the start (zero-initialised logistic layer)
        String out = run(dir, "lenet.tdl", "1", "31", "20");
        List<Double> costs = numbersAfter(out, "training @ iter = \\d+, cost (\\S+)");
        List<Double> valid = numbersAfter(out, "validation error (\\S+) %");
        assertTrue(costs.size() == 4 && Math.abs(costs.get(0) - Math.log(10)) < 1e-6, out);
        assertTrue(costs.get(3) < 1.5 && costs.get(3) < costs.get(0) / 1.5, out);
        assertTrue(valid.size() == 1 && valid.get(0) < 50, out);
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("lenet_filters.png")), out);
    }

    @Test
    void tutorialLogisticRegressionTrainsWithFiniteCost(@TempDir Path dir) {
        // Theano's tutorial program as typed; before the product rewrites its weights became NaN
        String out = run(dir, "logreg_tutorial.tdl", "500");
        List<Double> cost = numbersAfter(out, "final cost (\\S+)");
        List<Double> accuracy = numbersAfter(out, "training accuracy (\\S+)");
        assertTrue(cost.size() == 1 && Double.isFinite(cost.get(0)), out);
        assertTrue(accuracy.size() == 1 && accuracy.get(0) > 0.9, out);
        assertTrue(out.contains("prediction on D:"), out);
    }
}
