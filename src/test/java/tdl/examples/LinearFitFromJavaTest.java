package tdl.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LinearFitFromJavaTest {

    /** Least squares in closed form, computed here in Java: what gradient descent must approach. */
    private static double[] closedForm(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double w = sxy / sxx;
        return new double[] {w, my - w * mx};
    }

    @Test
    void bothFrontDoorsLearnTheLeastSquaresLine() throws Exception {
        double[][] d = LinearFitFromJava.data(7, 200);
        double[] best = closedForm(d[0], d[1]);
        assertEquals(3.0, best[0], 0.05);

        double[] api = LinearFitFromJava.trainWithApi(d[0], d[1], 2000, new StringWriter());
        assertArrayEquals(best, new double[] {api[0], api[1]}, 1e-3);
        assertTrue(api[2] < 1e-3, "final cost " + api[2]);

        StringWriter log = new StringWriter();
        double[] jsr = LinearFitFromJava.trainWithJsr223(d[0], d[1], 2000, log);
        assertArrayEquals(new double[] {api[0], api[1]}, jsr, 1e-12, "same model, same data, same steps");
        assertEquals("fitted 200 points\n", log.toString());
    }
}
