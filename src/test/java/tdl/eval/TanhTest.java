package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.graph.ops.ScalarMath;

/** The vectorised tanh: bitwise equal to its scalar form, within 2 ulps of numpy's tanh, odd, signed zeros kept. */
class TanhTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static double[] inputs() {
        Random rng = new Random(23);
        double[] x = new double[10_003]; // not a multiple of the vector width
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (i % 4) {
                case 0 -> rng.nextDouble() * 40 - 20;
                case 1 -> rng.nextDouble() * 1.2 - 0.6; // both sides of the branch at 0.55
                case 2 -> rng.nextGaussian() * 1e-8;    // both sides of the 2^-28 cut
                default -> rng.nextGaussian() * 3;
            };
        }
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, 1e-300,
            -1e-300, 0x1p-28, -0x1p-28, Math.nextDown(0x1p-28), 0.55, -0.55, Math.nextDown(0.55), -Math.nextDown(0.55),
            19.0625, -19.0625, 355, -355, 709, -709, 800, -800, INF, -INF, Double.NaN, Double.MAX_VALUE, -Double.MAX_VALUE};
        System.arraycopy(special, 0, x, 0, special.length);
        return x;
    }

    @Test
    void arrayFormEqualsScalarFormBitForBit() {
        double[] x = inputs(), o = new double[x.length];
        for (int rep = 0; rep < 3; rep++) {
            Tanh.apply(x, 0, o, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                double want = ScalarMath.tanh(x[i]);
                if (Double.isNaN(want)) assertTrue(Double.isNaN(o[i]), "x = " + x[i]);
                else assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(o[i]), "x = " + x[i]);
            }
        }
        double[] w = new double[40];
        Tanh.apply(x, 5, w, 3, 37);
        for (int i = 0; i < 37; i++) assertEquals(ScalarMath.tanh(x[5 + i]), w[3 + i], 0.0);
        // in place, and overlapping: the same numbers
        double[] in = x.clone();
        Tanh.apply(in, 0, in, 0, in.length);
        for (int i = 0; i < in.length; i++) assertEquals(ScalarMath.tanh(x[i]), in[i], 0.0, "x = " + x[i]);
        double[] shifted = x.clone();
        Tanh.apply(shifted, 8, shifted, 0, 1000);
        for (int i = 0; i < 1000; i++) assertEquals(ScalarMath.tanh(x[8 + i]), shifted[i], 0.0);
    }

    // python3 -c "import numpy as np; [print(x, np.tanh(np.float64(x))) for x in xs]" (numpy 2.4)
    private static final double[][] NUMPY = {
            {-INF, -1.0},
            {-1e+300, -1.0},
            {-800.0, -1.0},
            {-710.0, -1.0},
            {-19.5, -1.0},
            {-19.0, -1.0},
            {-5.25, -0.9999449286177708},
            {-1.0, -0.7615941559557649},
            {-0.641618334511552, -0.5660004507984393},
            {-0.55, -0.5005202111902353},
            {-0.5499999999999999, -0.5005202111902352},
            {-0.3, -0.2913126124515909},
            {-1e-05, -9.999999999666668e-06},
            {-1e-09, -1e-09},
            {-5e-324, -5e-324},
            {-0.0, -0.0},
            {0.0, 0.0},
            {5e-324, 5e-324},
            {2.2250738585072014e-308, 2.2250738585072014e-308},
            {1e-300, 1e-300},
            {3e-09, 3e-09},
            {1e-08, 1e-08},
            {0.001, 0.0009999996666668},
            {0.125, 0.12435300177159621},
            {0.25, 0.24491866240370913},
            {0.5, 0.46211715726000974},
            {0.5442408883103855, 0.49619144490066547},
            {0.55, 0.5005202111902353},
            {0.6, 0.5370495669980352},
            {0.75, 0.6351489523872873},
            {1.0, 0.7615941559557649},
            {2.5, 0.9866142981514303},
            {10.0, 0.9999999958776927},
            {18.5, 0.9999999999999999},
            {19.0625, 1.0},
            {22.0, 1.0},
            {100.0, 1.0},
            {710.0, 1.0},
            {1e+300, 1.0},
            {INF, 1.0},
    };

    @Test
    void withinTwoUlpsOfNumpysTanh() {
        for (double[] c : NUMPY) {
            double got = ScalarMath.tanh(c[0]);
            assertEquals(Math.copySign(1.0, c[1]), Math.copySign(1.0, got), "sign at x = " + c[0]);
            long ulps = Math.abs(Double.doubleToLongBits(got) - Double.doubleToLongBits(c[1]));
            assertTrue(ulps <= 2, "x = " + c[0] + ": " + got + " vs numpy " + c[1] + " (" + ulps + " ulps)");
        }
        assertTrue(Double.isNaN(ScalarMath.tanh(Double.NaN)));
    }

    @Test
    void oddAndCloseToMathTanhEverywhere() {
        for (double x : inputs()) {
            if (Double.isNaN(x)) continue;
            double got = ScalarMath.tanh(x);
            assertEquals(Double.doubleToRawLongBits(-got), Double.doubleToRawLongBits(ScalarMath.tanh(-x)), "x = " + x);
            // Math.tanh is itself up to 3 ulps from numpy's: 5 ulps between the two, relative 1.2e-15
            assertTrue(Math.abs(got - Math.tanh(x)) <= 1.2e-15 * Math.abs(got), "x = " + x + ": " + got + " vs " + Math.tanh(x));
        }
    }
}
