package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vectorised logistic function: bitwise equal to its scalar form, a few ulps from the textbook one. */
class SigmoidTest {
    private static double[] inputs() {
        Random rng = new Random(21);
        double[] x = new double[10_003]; // not a multiple of the vector width
        for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian() * (i % 3 == 0 ? 40 : 4);
        double[] special = {0.0, -0.0, 1e-300, -1e-300, 700, -700, 708, -708, 709, -709, 745, -745, 800, -800,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MAX_VALUE, -Double.MAX_VALUE, 36.7, -36.7};
        System.arraycopy(special, 0, x, 0, special.length);
        return x;
    }

    @Test
    void arrayFormEqualsScalarFormBitForBit() {
        double[] x = inputs(), o = new double[x.length];
        for (int rep = 0; rep < 3; rep++) {
            Sigmoid.apply(x, 0, o, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Double.doubleToRawLongBits(Sigmoid.sigmoid(x[i])), Double.doubleToRawLongBits(o[i]),
                        "x = " + x[i]);
            }
        }
        // an offset window, as the fused kernel's chunks use it
        double[] w = new double[20];
        Sigmoid.apply(x, 5, w, 3, 17);
        for (int i = 0; i < 17; i++) assertEquals(Sigmoid.sigmoid(x[5 + i]), w[3 + i], 0.0);
    }

    @Test
    void closeToTheTextbookFormulaEverywhere() {
        for (double x : inputs()) {
            double want = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
            double got = Sigmoid.sigmoid(x);
            if (Double.isNaN(x)) {
                assertTrue(Double.isNaN(got));
                continue;
            }
            assertTrue(got >= 0 && got <= 1, "x = " + x + ": " + got);
            // relative 1e-15 (a few ulps); below exp(-708) both are tiny: absolute 1e-307
            assertTrue(Math.abs(got - want) <= 1e-15 * want || Math.abs(got - want) < 1e-307,
                    "x = " + x + ": " + got + " vs " + want);
        }
    }

    @Test
    void symmetricAndExactAtTheEnds() {
        assertEquals(0.5, Sigmoid.sigmoid(0.0), 0.0);
        assertEquals(1.0, Sigmoid.sigmoid(800), 0.0);
        assertEquals(1.0, Sigmoid.sigmoid(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(0.0, Sigmoid.sigmoid(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(0.0, Sigmoid.sigmoid(-1000), 0.0);
        for (double x = -30; x <= 30; x += 0.37) {
            assertEquals(1.0, Sigmoid.sigmoid(x) + Sigmoid.sigmoid(-x), 4.5e-16, "x = " + x);
        }
    }
}
