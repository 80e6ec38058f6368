package tdl.eval;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import tdl.graph.DType;
import tdl.graph.ops.Scalar;

/**
 * The numeric meaning of each {@link Scalar} function, as numpy computes it (Python's floor
 * division and modulo, round half to even, softplus without overflow). Picked once per kernel so
 * inner loops call one operator and never switch on the op.
 */
public final class ScalarFns {
    private ScalarFns() {}

    /** A three-argument scalar function (switch, clip). */
    @FunctionalInterface
    public interface Ternary {
        double apply(double a, double b, double c);
    }

    public static DoubleUnaryOperator unary(Scalar s) {
        return switch (s) {
            case NEG -> a -> -a;
            case ABS -> Math::abs;
            case EXP -> Math::exp;
            case LOG -> Math::log;
            case LOG1P -> Math::log1p;
            case SQRT -> Math::sqrt;
            case SQR -> a -> a * a;
            case TANH -> Math::tanh;
            case SIGMOID -> ScalarFns::sigmoid;
            case SOFTPLUS -> ScalarFns::softplus;
            case FLOOR -> Math::floor;
            case CEIL -> Math::ceil;
            case ROUND -> Math::rint; // numpy rounds half to even
            case SGN -> a -> Double.isNaN(a) ? a : Math.signum(a);
            case ISNAN -> a -> Double.isNaN(a) ? 1 : 0;
            case ISINF -> a -> Double.isInfinite(a) ? 1 : 0;
            case NOT -> a -> a == 0 ? 1 : 0;
            case SIN -> Math::sin;
            case COS -> Math::cos;
            case INV -> a -> 1.0 / a;
            default -> throw new IllegalArgumentException(s + " is not unary");
        };
    }

    /** {@code intResult}: the output dtype is an integer one (integer division by zero gives 0, as numpy). */
    public static DoubleBinaryOperator binary(Scalar s, boolean intResult) {
        return switch (s) {
            case ADD -> Double::sum;
            case SUB -> (a, b) -> a - b;
            case MUL -> (a, b) -> a * b;
            case TRUE_DIV -> (a, b) -> a / b;
            case INT_DIV -> intResult ? (a, b) -> b == 0 ? 0 : Math.floor(a / b) : (a, b) -> Math.floor(a / b);
            case MOD -> intResult ? (a, b) -> b == 0 ? 0 : pyMod(a, b) : ScalarFns::pyMod;
            case POW -> Math::pow;
            case MAXIMUM -> Math::max; // NaN-propagating, as numpy.maximum
            case MINIMUM -> Math::min;
            case LT -> (a, b) -> a < b ? 1 : 0;
            case LE -> (a, b) -> a <= b ? 1 : 0;
            case GT -> (a, b) -> a > b ? 1 : 0;
            case GE -> (a, b) -> a >= b ? 1 : 0;
            case EQ -> (a, b) -> a == b ? 1 : 0;
            case NEQ -> (a, b) -> a != b ? 1 : 0;
            case AND -> (a, b) -> a != 0 && b != 0 ? 1 : 0;
            case OR -> (a, b) -> a != 0 || b != 0 ? 1 : 0;
            case XOR -> (a, b) -> (a != 0) != (b != 0) ? 1 : 0;
            default -> throw new IllegalArgumentException(s + " is not binary");
        };
    }

    public static Ternary ternary(Scalar s) {
        return switch (s) {
            case SWITCH -> (c, a, b) -> c != 0 ? a : b;
            case CLIP -> (x, lo, hi) -> x < lo ? lo : x > hi ? hi : x;
            default -> throw new IllegalArgumentException(s + " is not ternary");
        };
    }

    /** Python's modulo: the result has the sign of the divisor. */
    public static double pyMod(double a, double b) {
        double m = a % b;
        return m != 0 && (m < 0) != (b < 0) ? m + b : m;
    }

    public static double sigmoid(double x) {
        return Sigmoid.sigmoid(x);
    }

    /** log(1 + exp(x)) without overflow for large x. */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** Whether results in {@code d} need rounding to the dtype after computing in double. */
    static boolean needsCoerce(DType d) {
        return d != DType.FLOAT64 && d != DType.BOOL;
    }

    /** The numpy-style operator text for messages: '+', '<', or the function name. */
    public static String symbol(Scalar s) {
        return s.infix() != null ? s.infix() : s.pyName();
    }
}
