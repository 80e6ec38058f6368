package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.graph.ops.ScalarMath;

/** The vectorised softplus: bitwise equal to its scalar form, within 2 ulps of numpy's logaddexp(0, x). */
class SoftplusTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static double[] inputs() {
        Random rng = new Random(22);
        double[] x = new double[10_003]; // not a multiple of the vector width
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 4 == 0 ? rng.nextDouble() * 1460 - 750 : rng.nextGaussian() * (i % 3 == 0 ? 40 : 4);
        }
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, 1e-300,
            -1e-300, 700, -700, 708, -708, 709, -709, 745, -745, -745.2, -749.9, -750, -751, 800, -800, INF, -INF, Double.NaN,
            Double.MAX_VALUE, -Double.MAX_VALUE, 36.7, -36.7};
        System.arraycopy(special, 0, x, 0, special.length);
        return x;
    }

    @Test
    void arrayFormEqualsScalarFormBitForBit() {
        double[] x = inputs(), o = new double[x.length];
        for (int rep = 0; rep < 3; rep++) {
            Softplus.apply(x, 0, o, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                double want = ScalarMath.softplus(x[i]);
                if (Double.isNaN(want)) assertTrue(Double.isNaN(o[i]), "x = " + x[i]);
                else assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(o[i]), "x = " + x[i]);
            }
        }
        // an offset window, as the fused kernel's chunks use it
        double[] w = new double[40];
        Softplus.apply(x, 5, w, 3, 37);
        for (int i = 0; i < 37; i++) assertEquals(ScalarMath.softplus(x[5 + i]), w[3 + i], 0.0);
        // in place (a scan's carried value), and overlapping by a few elements: the same numbers
        double[] in = x.clone();
        Softplus.apply(in, 0, in, 0, in.length);
        for (int i = 0; i < in.length; i++) assertEquals(ScalarMath.softplus(x[i]), in[i], 0.0, "x = " + x[i]);
        double[] shifted = x.clone();
        Softplus.apply(shifted, 8, shifted, 0, 1000);
        for (int i = 0; i < 1000; i++) assertEquals(ScalarMath.softplus(x[8 + i]), shifted[i], 0.0);
    }

    // python3 -c "import numpy as np; [print(x, np.logaddexp(0, np.float64(x))) for x in xs]" (numpy 2.4)
    private static final double[][] NUMPY = {
            {-INF, 0.0},
            {-1e+300, 0.0},
            {-746.0, 0.0},
            {-745.1, 5e-324},
            {-744.0, 1e-323},
            {-740.5, 2.5e-322},
            {-720.25, 1.5827029403e-313},
            {-708.5, 2.006132305331306e-308},
            {-700.0, 9.85967654375977e-305},
            {-600.3, 1.9634620584977012e-261},
            {-300.7, 2.556520571425501e-131},
            {-100.0, 3.720075976020836e-44},
            {-37.5, 5.175555005801869e-17},
            {-20.0, 2.061153620314381e-09},
            {-5.25, 0.005233798151743032},
            {-1.0, 0.31326168751822286},
            {-0.4380036111634808, 0.4979369925388665},
            {-1e-05, 0.6931421805724453},
            {-5e-324, 0.6931471805599453},
            {-0.0, 0.6931471805599453},
            {0.0, 0.6931471805599453},
            {5e-324, 0.6931471805599453},
            {2.2250738585072014e-308, 0.6931471805599453},
            {1e-300, 0.6931471805599453},
            {1e-08, 0.6931471855599454},
            {0.125, 0.7575990353171691},
            {0.5, 0.9740769841801067},
            {0.6931471805599453, 1.0986122886681096},
            {1.0, 1.3132616875182228},
            {2.5, 2.5788897342925496},
            {10.0, 10.000045398899218},
            {19.75, 19.750000002646573},
            {36.5, 36.5},
            {37.0, 37.0},
            {40.0, 40.0},
            {100.0, 100.0},
            {709.78, 709.78},
            {710.0, 710.0},
            {1e+300, 1e+300},
            {INF, INF},
    };

    @Test
    void withinTwoUlpsOfNumpysLogaddexp() {
        for (double[] c : NUMPY) {
            double got = ScalarMath.softplus(c[0]);
            if (Double.isInfinite(c[1]) || c[1] == 0) {
                assertEquals(c[1], got, 0.0, "x = " + c[0]);
                continue;
            }
            long ulps = Math.abs(Double.doubleToLongBits(got) - Double.doubleToLongBits(c[1]));
            assertTrue(ulps <= 2, "x = " + c[0] + ": " + got + " vs numpy " + c[1] + " (" + ulps + " ulps)");
        }
        assertTrue(Double.isNaN(ScalarMath.softplus(Double.NaN)));
    }

    @Test
    void closeToTheTextbookFormulaEverywhere() {
        // the former Math.exp / Math.log1p form, correctly rounded to within an ulp: relative 4.5e-16 (2 ulps)
        for (double x : inputs()) {
            if (Double.isNaN(x)) continue;
            double want = x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
            double got = ScalarMath.softplus(x);
            assertTrue(got == want || Math.abs(got - want) <= 4.5e-16 * want || Math.abs(got - want) <= Double.MIN_VALUE,
                    "x = " + x + ": " + got + " vs " + want);
        }
    }
}
