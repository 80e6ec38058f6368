package tdl.eval;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.ScalarMath;

/**
 * Elementwise loops over float[] for float32 graphs (fused chunks and single nodes alike), so a
 * float32 node gives the same numbers fused or not. Each function's result is rounded to float32 as
 * numpy's and Theano's float32 loops round every operation: add, sub, mul, div and sqr are float
 * operations (the same bits as the double operation rounded once, since a double holds the exact
 * product and sum of two floats closely enough), exp, sigmoid and tanh are {@link FloatMath}'s float
 * kernels, and any other function is its {@link Scalar} table's double rule rounded to float.
 */
final class FloatLoops {
    private FloatLoops() {}

    static void unary(Scalar s, DoubleUnaryOperator f, float[] x, int xo, float[] o, int oo, int n) {
        unary(s, f, x, xo, o, oo, n, null);
    }

    /**
     * {@code wide}: two rows of doubles (or null) in which softplus runs widened, through the float64
     * vector loop: the double rule's bits rounded, as the scalar loop gives, six times faster.
     */
    static void unary(Scalar s, DoubleUnaryOperator f, float[] x, int xo, float[] o, int oo, int n, double[][] wide) {
        switch (s) {
            case NEG -> { for (int i = 0; i < n; i++) o[oo + i] = -x[xo + i]; }
            case SQR -> { for (int i = 0; i < n; i++) { float v = x[xo + i]; o[oo + i] = v * v; } }
            case EXP -> FloatMath.exp(x, xo, o, oo, n);
            case SIGMOID -> FloatMath.sigmoid(x, xo, o, oo, n);
            case TANH -> FloatMath.tanh(x, xo, o, oo, n);
            // the table's double rules, written out: through the operator (a call site every
            // function shares) softplus took 29 ns an element, twice the float64 loop's time
            case SOFTPLUS -> {
                if (wide != null) softplusWide(x, xo, o, oo, n, wide);
                else for (int i = 0; i < n; i++) o[oo + i] = (float) ScalarMath.softplus(x[xo + i]);
            }
            case LOG -> { for (int i = 0; i < n; i++) o[oo + i] = (float) Math.log(x[xo + i]); }
            case SQRT -> { for (int i = 0; i < n; i++) o[oo + i] = (float) Math.sqrt(x[xo + i]); }
            case ABS -> { for (int i = 0; i < n; i++) o[oo + i] = Math.abs(x[xo + i]); }
            default -> { for (int i = 0; i < n; i++) o[oo + i] = (float) f.applyAsDouble(x[xo + i]); }
        }
    }

    static void binary(Scalar s, DoubleBinaryOperator f, float[] x, int xo, float[] y, int yo, float[] o, int oo, int n) {
        switch (s) {
            case ADD -> { for (int i = Gemm.VECTOR ? VectorArith.add(x, xo, y, yo, o, oo, n) : 0; i < n; i++) o[oo + i] = x[xo + i] + y[yo + i]; }
            case SUB -> { for (int i = Gemm.VECTOR ? VectorArith.sub(x, xo, y, yo, o, oo, n) : 0; i < n; i++) o[oo + i] = x[xo + i] - y[yo + i]; }
            case MUL -> { for (int i = Gemm.VECTOR ? VectorArith.mul(x, xo, y, yo, o, oo, n) : 0; i < n; i++) o[oo + i] = x[xo + i] * y[yo + i]; }
            case TRUE_DIV -> { for (int i = Gemm.VECTOR ? VectorArith.div(x, xo, y, yo, o, oo, n) : 0; i < n; i++) o[oo + i] = x[xo + i] / y[yo + i]; }
            case MAXIMUM -> { for (int i = 0; i < n; i++) o[oo + i] = Math.max(x[xo + i], y[yo + i]); }
            case MINIMUM -> { for (int i = 0; i < n; i++) o[oo + i] = Math.min(x[xo + i], y[yo + i]); }
            default -> { for (int i = 0; i < n; i++) o[oo + i] = (float) f.applyAsDouble(x[xo + i], y[yo + i]); }
        }
    }

    private static void softplusWide(float[] x, int xo, float[] o, int oo, int n, double[][] wide) {
        double[] wx = wide[0], wo = wide[1];
        for (int done = 0; done < n; ) {
            int len = Math.min(wx.length, n - done);
            for (int i = 0; i < len; i++) wx[i] = x[xo + done + i];
            Sigmoid.softplus(wx, 0, wo, 0, len);
            for (int i = 0; i < len; i++) o[oo + done + i] = (float) wo[i];
            done += len;
        }
    }

    /** Whether {@link #unary} computes {@code s} with a float kernel of its own (not the double rule rounded). */
    static boolean ownUnary(Scalar s) {
        return s == Scalar.NEG || s == Scalar.SQR || s == Scalar.EXP || s == Scalar.SIGMOID || s == Scalar.TANH;
    }
}
