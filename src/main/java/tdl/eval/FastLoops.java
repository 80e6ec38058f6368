package tdl.eval;

import tdl.graph.ops.Scalar;

/**
 * Dedicated loops for the scalar functions that dominate training (add, sub, mul, sigmoid, exp,
 * neg). The general kernels call one functional interface from a loop shared by every node, which
 * the JIT sees as megamorphic and cannot inline; here each function has its own loop with the
 * arithmetic written in, so it inlines (and add/sub/mul vectorise). Same numbers as
 * the {@link Scalar} table: the same expressions, evaluated the same way.
 */
final class FastLoops {
    private FastLoops() {}

    /** Whether {@link #unary} has a loop for {@code s}. */
    static boolean hasUnary(Scalar s) {
        return s == Scalar.SIGMOID || s == Scalar.EXP || s == Scalar.NEG;
    }

    static void unary(Scalar s, double[] x, double[] o) {
        switch (s) {
            case SIGMOID -> sigmoid(x, o);
            case EXP -> { for (int i = 0; i < o.length; i++) o[i] = Math.exp(x[i]); }
            case NEG -> { for (int i = 0; i < o.length; i++) o[i] = -x[i]; }
            default -> throw new IllegalArgumentException(s.toString());
        }
    }

    private static void sigmoid(double[] x, double[] o) {
        Sigmoid.apply(x, 0, o, 0, o.length);
    }

    static boolean hasBinary(Scalar s) {
        return s == Scalar.ADD || s == Scalar.SUB || s == Scalar.MUL;
    }

    /** The broadcast layouts {@link ElemwiseKernel} recognises. */
    enum Layout { SAME, SCALAR_RIGHT, SCALAR_LEFT, ROW }

    static void binary(Scalar s, Layout layout, double[] x, double[] y, double[] o) {
        switch (s) {
            case ADD -> add(layout, x, y, o);
            case SUB -> sub(layout, x, y, o);
            case MUL -> mul(layout, x, y, o);
            default -> throw new IllegalArgumentException(s.toString());
        }
    }

    private static void add(Layout layout, double[] x, double[] y, double[] o) {
        switch (layout) {
            case SAME -> { for (int i = 0; i < o.length; i++) o[i] = x[i] + y[i]; }
            case SCALAR_RIGHT -> { double v = y[0]; for (int i = 0; i < o.length; i++) o[i] = x[i] + v; }
            case SCALAR_LEFT -> { double v = x[0]; for (int i = 0; i < o.length; i++) o[i] = v + y[i]; }
            case ROW -> {
                int cols = y.length;
                for (int r = 0; r < o.length; r += cols) for (int j = 0; j < cols; j++) o[r + j] = x[r + j] + y[j];
            }
        }
    }

    private static void sub(Layout layout, double[] x, double[] y, double[] o) {
        switch (layout) {
            case SAME -> { for (int i = 0; i < o.length; i++) o[i] = x[i] - y[i]; }
            case SCALAR_RIGHT -> { double v = y[0]; for (int i = 0; i < o.length; i++) o[i] = x[i] - v; }
            case SCALAR_LEFT -> { double v = x[0]; for (int i = 0; i < o.length; i++) o[i] = v - y[i]; }
            case ROW -> {
                int cols = y.length;
                for (int r = 0; r < o.length; r += cols) for (int j = 0; j < cols; j++) o[r + j] = x[r + j] - y[j];
            }
        }
    }

    private static void mul(Layout layout, double[] x, double[] y, double[] o) {
        switch (layout) {
            case SAME -> { for (int i = 0; i < o.length; i++) o[i] = x[i] * y[i]; }
            case SCALAR_RIGHT -> { double v = y[0]; for (int i = 0; i < o.length; i++) o[i] = x[i] * v; }
            case SCALAR_LEFT -> { double v = x[0]; for (int i = 0; i < o.length; i++) o[i] = v * y[i]; }
            case ROW -> {
                int cols = y.length;
                for (int r = 0; r < o.length; r += cols) for (int j = 0; j < cols; j++) o[r + j] = x[r + j] * y[j];
            }
        }
    }
}
