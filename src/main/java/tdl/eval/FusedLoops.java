package tdl.eval;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import tdl.graph.ops.Scalar;

/**
 * The chunk loops of {@link FusedKernel}: the common functions written out (so they inline and
 * vectorise; through the operator, a call site every function shares, each element costs a call),
 * the others through their {@link Scalar} table's operator. Same expressions as the table's.
 */
final class FusedLoops {
    private FusedLoops() {}

    static void unary(Scalar s, DoubleUnaryOperator f, double[] x, int xo, double[] o, int oo, int n) {
        switch (s) {
            case NEG -> { for (int i = 0; i < n; i++) o[oo + i] = -x[xo + i]; }
            case SQR -> { for (int i = 0; i < n; i++) { double v = x[xo + i]; o[oo + i] = v * v; } }
            case EXP -> { for (int i = 0; i < n; i++) o[oo + i] = Math.exp(x[xo + i]); }
            case SIGMOID -> Sigmoid.apply(x, xo, o, oo, n);
            case SOFTPLUS -> Sigmoid.softplus(x, xo, o, oo, n);
            case TANH -> Sigmoid.tanh(x, xo, o, oo, n);
            case LOG -> { for (int i = 0; i < n; i++) o[oo + i] = Math.log(x[xo + i]); }
            case SQRT -> { for (int i = 0; i < n; i++) o[oo + i] = Math.sqrt(x[xo + i]); }
            case ABS -> { for (int i = 0; i < n; i++) o[oo + i] = Math.abs(x[xo + i]); }
            default -> { for (int i = 0; i < n; i++) o[oo + i] = f.applyAsDouble(x[xo + i]); }
        }
    }

    static void binary(Scalar s, DoubleBinaryOperator f, double[] x, int xo, double[] y, int yo, double[] o, int oo, int n) {
        switch (s) {
            case ADD -> { for (int i = Gemm.VECTOR ? VectorArith.add(x, xo, y, yo, o, oo, n) : 0; i < n; i++) o[oo + i] = x[xo + i] + y[yo + i]; }
            case SUB -> { for (int i = Gemm.VECTOR ? VectorArith.sub(x, xo, y, yo, o, oo, n) : 0; i < n; i++) o[oo + i] = x[xo + i] - y[yo + i]; }
            case MUL -> { for (int i = Gemm.VECTOR ? VectorArith.mul(x, xo, y, yo, o, oo, n) : 0; i < n; i++) o[oo + i] = x[xo + i] * y[yo + i]; }
            case TRUE_DIV -> { for (int i = Gemm.VECTOR ? VectorArith.div(x, xo, y, yo, o, oo, n) : 0; i < n; i++) o[oo + i] = x[xo + i] / y[yo + i]; }
            case MAXIMUM -> { for (int i = 0; i < n; i++) o[oo + i] = Math.max(x[xo + i], y[yo + i]); }
            case MINIMUM -> { for (int i = 0; i < n; i++) o[oo + i] = Math.min(x[xo + i], y[yo + i]); }
            default -> { for (int i = 0; i < n; i++) o[oo + i] = f.applyAsDouble(x[xo + i], y[yo + i]); }
        }
    }
}
