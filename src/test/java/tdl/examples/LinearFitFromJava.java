package tdl.examples;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Random;
import javax.script.Invocable;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import tdl.api.Tdl;
import tdl.api.TdlSession;

/**
 * Trains the one-neuron linear fit y = w*x + b from Java: the data is made in Java, the model and its
 * gradient-descent step are TDL, and the learnt weights come back as Java doubles. Shown twice, with
 * the plain Java API and with javax.script. Run it with
 * {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=tdl.examples.LinearFitFromJava}
 * or from an IDE; {@code LinearFitFromJavaTest} runs it in the build.
 */
public final class LinearFitFromJava {
    /** The model: defined once, called per epoch from Java. */
    static final String MODEL = String.join("\n",
            "import theano",
            "import theano.tensor as T",
            "x = T.dvector('x')",
            "y = T.dvector('y')",
            "w = theano.shared(0.0, name='w')",
            "b = theano.shared(0.0, name='b')",
            "cost = T.mean((w * x + b - y) ** 2)",
            "gw, gb = T.grad(cost, [w, b])",
            "train_step = theano.function([x, y], cost, updates=[(w, w - lr * gw), (b, b - lr * gb)])",
            "def weights():",
            "    return [float(w.get_value()), float(b.get_value())]",
            "");

    private LinearFitFromJava() {}

    /** Noisy samples of y = 3x - 1 on [0, 1]. */
    static double[][] data(long seed, int n) {
        Random r = new Random(seed);
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = r.nextDouble();
            ys[i] = 3 * xs[i] - 1 + 0.01 * r.nextGaussian();
        }
        return new double[][] {xs, ys};
    }

    /** With the Java API: returns {w, b, final cost}. */
    public static double[] trainWithApi(double[] xs, double[] ys, int epochs, Writer log) {
        TdlSession tdl = Tdl.builder().output(log).noFileAccess().build();
        tdl.set("lr", 0.5);
        tdl.eval(MODEL, "linear_fit.tdl");
        double cost = Double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++) {
            cost = tdl.callAs("train_step", double.class, xs, ys);
        }
        return new double[] {tdl.eval("float(w.get_value())", double.class), tdl.eval("float(b.get_value())", double.class), cost};
    }

    /** With javax.script: returns {w, b}. */
    public static double[] trainWithJsr223(double[] xs, double[] ys, int epochs, Writer log) throws ScriptException, NoSuchMethodException {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("tdl");
        engine.getContext().setWriter(log);
        engine.put("lr", 0.5);
        engine.eval(MODEL);
        Invocable inv = (Invocable) engine;
        for (int epoch = 0; epoch < epochs; epoch++) inv.invokeFunction("train_step", xs, ys);
        engine.put("xs", xs);
        engine.eval("print('fitted', len(xs), 'points')");
        java.util.List<?> wb = (java.util.List<?>) inv.invokeFunction("weights");
        return new double[] {(Double) wb.get(0), (Double) wb.get(1)};
    }

    public static void main(String[] args) throws Exception {
        double[][] d = data(42, 200);
        PrintWriter console = new PrintWriter(System.out, true);
        double[] api = trainWithApi(d[0], d[1], 500, console);
        System.out.printf("Java API:   w = %.4f, b = %.4f, cost = %.6f%n", api[0], api[1], api[2]);
        double[] jsr = trainWithJsr223(d[0], d[1], 500, console);
        System.out.printf("javax.script: w = %.4f, b = %.4f%n", jsr[0], jsr[1]);
    }
}
