package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;
import tdl.vocab.Operator;

/**
 * The scalar functions an {@link ElemwiseOp} maps over arrays (with numpy broadcasting), one entry
 * each, holding everything about the function: its dtype rule, the infix operator Python writes
 * for it, its numeric rule, its derivative, and the names and help under which users reach it
 * ({@code T.exp}, {@code np.exp}). Ops, kernels, fusion, the modules and the help table all read
 * this table, so adding a function is one entry here (and its test in ScalarTest).
 */
public enum Scalar {
    // ---- unary ----
    NEG(DTypeRule.ARITH, Operator.NEG, unary(a -> -a),
            (t, in, out, g) -> grads(t.neg(g)),
            help("x", "Elementwise -x.", "T.neg", "np.negative")),
    ABS(DTypeRule.ARITH, Operator.ABS, unary(Math::abs),
            (t, in, out, g) -> grads(t.mul(g, t.sgn(in[0]))),
            help("x", "Elementwise absolute value.", "T.abs_", "T.abs", "np.abs", "np.absolute")),
    EXP(DTypeRule.FLOAT, null, unary(Math::exp),
            (t, in, out, g) -> grads(t.mul(g, out)),
            help("x", "Elementwise e**x.", "T.exp", "np.exp")),
    LOG(DTypeRule.FLOAT, null, unary(Math::log),
            (t, in, out, g) -> grads(t.trueDiv(g, in[0])),
            help("x", "Elementwise natural logarithm.", "T.log", "np.log")),
    LOG1P(DTypeRule.FLOAT, null, unary(Math::log1p),
            (t, in, out, g) -> grads(t.trueDiv(g, t.add(in[0], 1.0))),
            help("x", "Elementwise log(1 + x), accurate for small x.", "T.log1p", "np.log1p")),
    SQRT(DTypeRule.FLOAT, null, unary(Math::sqrt),
            (t, in, out, g) -> grads(t.trueDiv(g, t.mul(out, 2.0))),
            help("x", "Elementwise square root.", "T.sqrt", "np.sqrt")),
    SQR(DTypeRule.ARITH, null, unary(a -> a * a),
            (t, in, out, g) -> grads(t.mul(g, t.mul(in[0], 2.0))),
            help("x", "Elementwise square.", "T.sqr", "T.square", "np.square")),
    TANH(DTypeRule.FLOAT, null, unary(ScalarMath::tanh),
            (t, in, out, g) -> grads(t.mul(g, t.sub(1.0, t.sqr(out)))),
            help("x", "Elementwise hyperbolic tangent.", "T.tanh", "np.tanh")),
    SIGMOID(DTypeRule.FLOAT, null, unary(ScalarMath::sigmoid),
            (t, in, out, g) -> grads(t.mul(g, t.mul(out, t.sub(1.0, out)))),
            help("x", "Elementwise logistic function 1 / (1 + exp(-x)).", "T.nnet.sigmoid", "T.sigmoid")),
    SOFTPLUS(DTypeRule.FLOAT, null, unary(ScalarMath::softplus),
            (t, in, out, g) -> grads(t.mul(g, t.sigmoid(in[0]))),
            help("x", "Elementwise log(1 + exp(x)), computed stably.", "T.nnet.softplus", "T.softplus")),
    FLOOR(DTypeRule.ARITH, null, unary(Math::floor), Derivative.ZERO,
            help("x", "Elementwise largest integer <= x.", "T.floor", "np.floor")),
    CEIL(DTypeRule.ARITH, null, unary(Math::ceil), Derivative.ZERO,
            help("x", "Elementwise smallest integer >= x.", "T.ceil", "np.ceil")),
    ROUND(DTypeRule.ARITH, null, unary(Math::rint), Derivative.ZERO, // half to even, as numpy
            help("x", "Elementwise rounding to the nearest integer, halves to even (T.round's default mode).", "T.round_half_to_even")),
    ROUND_HALF_AWAY_FROM_ZERO(DTypeRule.ARITH, null, unary(ScalarMath::roundHalfAwayFromZero), Derivative.ZERO,
            help("x", "Elementwise rounding to the nearest integer, halves away from zero (C's round()).", "T.round_half_away_from_zero")),
    SGN(DTypeRule.ARITH, null, unary(ScalarMath::sign), Derivative.ZERO,
            help("x", "Elementwise sign: -1, 0 or 1.", "T.sgn", "T.sign", "np.sign")),
    ISNAN(DTypeRule.PREDICATE, null, unary(a -> Double.isNaN(a) ? 1 : 0), Derivative.NONE,
            help("x", "Elementwise test for NaN, as bool.", "T.isnan", "np.isnan")),
    ISINF(DTypeRule.PREDICATE, null, unary(a -> Double.isInfinite(a) ? 1 : 0), Derivative.NONE,
            help("x", "Elementwise test for +-inf, as bool.", "T.isinf", "np.isinf")),
    NOT(DTypeRule.BITWISE, Operator.INVERT, unary(a -> a == 0 ? 1 : 0, a -> ~(long) a), Derivative.NONE,
            help("x", "Elementwise bitwise not: logical not on bools, ~x on integers.", "T.invert", "T.bitwise_not",
                    "np.invert", "np.bitwise_not")),
    SIN(DTypeRule.FLOAT, null, unary(Math::sin),
            (t, in, out, g) -> grads(t.mul(g, other(t, "COS", in[0]))),
            help("x", "Elementwise sine.", "T.sin", "np.sin")),
    COS(DTypeRule.FLOAT, null, unary(Math::cos),
            (t, in, out, g) -> grads(t.neg(t.mul(g, other(t, "SIN", in[0])))),
            help("x", "Elementwise cosine.", "T.cos", "np.cos")),
    INV(DTypeRule.FLOAT, null, unary(a -> 1.0 / a),
            (t, in, out, g) -> grads(t.neg(t.mul(g, t.sqr(out)))),
            help("x", "Elementwise 1 / x.", "T.inv", "T.reciprocal", "np.reciprocal")),
    TAN(DTypeRule.FLOAT, null, unary(Math::tan),
            (t, in, out, g) -> grads(t.mul(g, t.add(t.sqr(out), 1.0))),
            help("x", "Elementwise tangent.", "T.tan", "np.tan")),
    ARCSIN(DTypeRule.FLOAT, null, unary(Math::asin),
            (t, in, out, g) -> grads(t.trueDiv(g, t.sqrt(t.sub(1.0, t.sqr(in[0]))))),
            help("x", "Elementwise inverse sine.", "T.arcsin", "np.arcsin")),
    ARCCOS(DTypeRule.FLOAT, null, unary(Math::acos),
            (t, in, out, g) -> grads(t.neg(t.trueDiv(g, t.sqrt(t.sub(1.0, t.sqr(in[0])))))),
            help("x", "Elementwise inverse cosine.", "T.arccos", "np.arccos")),
    ARCTAN(DTypeRule.FLOAT, null, unary(Math::atan),
            (t, in, out, g) -> grads(t.trueDiv(g, t.add(t.sqr(in[0]), 1.0))),
            help("x", "Elementwise inverse tangent.", "T.arctan", "np.arctan")),
    SINH(DTypeRule.FLOAT, null, unary(Math::sinh),
            (t, in, out, g) -> grads(t.mul(g, other(t, "COSH", in[0]))),
            help("x", "Elementwise hyperbolic sine.", "T.sinh", "np.sinh")),
    COSH(DTypeRule.FLOAT, null, unary(Math::cosh),
            (t, in, out, g) -> grads(t.mul(g, other(t, "SINH", in[0]))),
            help("x", "Elementwise hyperbolic cosine.", "T.cosh", "np.cosh")),
    ARCSINH(DTypeRule.FLOAT, null, unary(ScalarMath::asinh),
            (t, in, out, g) -> grads(t.trueDiv(g, t.sqrt(t.add(t.sqr(in[0]), 1.0)))),
            help("x", "Elementwise inverse hyperbolic sine.", "T.arcsinh", "np.arcsinh")),
    ARCCOSH(DTypeRule.FLOAT, null, unary(ScalarMath::acosh),
            (t, in, out, g) -> grads(t.trueDiv(g, t.sqrt(t.sub(t.sqr(in[0]), 1.0)))),
            help("x", "Elementwise inverse hyperbolic cosine.", "T.arccosh", "np.arccosh")),
    ARCTANH(DTypeRule.FLOAT, null, unary(ScalarMath::atanh),
            (t, in, out, g) -> grads(t.trueDiv(g, t.sub(1.0, t.sqr(in[0])))),
            help("x", "Elementwise inverse hyperbolic tangent.", "T.arctanh", "np.arctanh")),
    LOG2(DTypeRule.FLOAT, null, unary(ScalarMath::log2),
            (t, in, out, g) -> grads(t.trueDiv(g, t.mul(in[0], ScalarMath.LN2))),
            help("x", "Elementwise base-2 logarithm.", "T.log2", "np.log2")),
    LOG10(DTypeRule.FLOAT, null, unary(Math::log10),
            (t, in, out, g) -> grads(t.trueDiv(g, t.mul(in[0], ScalarMath.LN10))),
            help("x", "Elementwise base-10 logarithm.", "T.log10", "np.log10")),
    EXPM1(DTypeRule.FLOAT, null, unary(Math::expm1),
            (t, in, out, g) -> grads(t.mul(g, t.add(out, 1.0))),
            help("x", "Elementwise exp(x) - 1, accurate for small x.", "T.expm1", "np.expm1")),
    EXP2(DTypeRule.FLOAT, null, unary(a -> Math.pow(2, a)),
            (t, in, out, g) -> grads(t.mul(g, t.mul(out, ScalarMath.LN2))),
            help("x", "Elementwise 2**x.", "T.exp2", "np.exp2")),
    ERF(DTypeRule.FLOAT, null, unary(ScalarMath::erf),
            (t, in, out, g) -> grads(t.mul(g, t.mul(t.exp(t.neg(t.sqr(in[0]))), 2 / Math.sqrt(Math.PI)))),
            help("x", "Elementwise error function.", "T.erf")),
    ERFC(DTypeRule.FLOAT, null, unary(ScalarMath::erfc),
            (t, in, out, g) -> grads(t.mul(g, t.mul(t.exp(t.neg(t.sqr(in[0]))), -2 / Math.sqrt(Math.PI)))),
            help("x", "Elementwise complementary error function 1 - erf(x).", "T.erfc")),
    ERFINV(DTypeRule.FLOAT, null, unary(ScalarMath::erfinv),
            (t, in, out, g) -> grads(t.mul(g, t.mul(t.exp(t.sqr(out)), Math.sqrt(Math.PI) / 2))),
            help("x", "Elementwise inverse error function, on (-1, 1).", "T.erfinv")),
    GAMMA(DTypeRule.FLOAT, null, unary(ScalarMath::gamma),
            (t, in, out, g) -> grads(t.mul(g, t.mul(out, other(t, "PSI", in[0])))),
            help("x", "Elementwise gamma function.", "T.gamma")),
    GAMMALN(DTypeRule.FLOAT, null, unary(ScalarMath::gammaln),
            (t, in, out, g) -> grads(t.mul(g, other(t, "PSI", in[0]))),
            help("x", "Elementwise log(gamma(x)), for x > 0.", "T.gammaln")),
    PSI(DTypeRule.FLOAT, null, unary(ScalarMath::psi), Derivative.undefined("psi has no gradient (Theano 1.0 defines none)",
            "leave it out of the cost, or hold it fixed with grad(..., consider_constant=[...])"),
            help("x", "Elementwise digamma function gamma'(x) / gamma(x) (no gradient, as in Theano 1.0).", "T.psi")),
    TRUNC(DTypeRule.FLOAT, null, unary(ScalarMath::trunc), Derivative.ZERO,
            help("x", "Elementwise rounding toward zero.", "T.trunc", "np.trunc")),
    IROUND(DTypeRule.INTEGER, null, unary(Math::rint), Derivative.NONE,
            help("x", "Elementwise rounding to the nearest integer (halves to even), as int64.", "T.iround")),

    HARD_SIGMOID(DTypeRule.FLOAT, null, unary(a -> Math.min(1, Math.max(0, a * 0.2 + 0.5))),
            (t, in, out, g) -> {
                // Theano's hard_sigmoid is clip(0.2 x + 0.5, 0, 1), and clip passes the gradient on the closed
                // interval, so the two corners (x = -2.5 and 2.5) get the slope too
                Variable z = t.add(t.mul(in[0], 0.2), 0.5);
                Variable inside = t.and(t.ge(z, t.constant(0.0)), t.le(z, t.constant(1.0)));
                return grads(t.switchOp(inside, t.mul(g, 0.2), t.constant(g.dtype(), 0)));
            },
            help("x", "Elementwise piecewise-linear sigmoid clip(0.2 * x + 0.5, 0, 1), as Theano's.", "T.nnet.hard_sigmoid")),
    // Theano's approximation and its constants; Theano 1.0 defines no gradient for it (its optimizer swaps
    // it in for sigmoid after the gradient is built), and y (1 - y) is not the slope of the approximation
    ULTRA_FAST_SIGMOID(DTypeRule.FLOAT, null, unary(ScalarMath::ultraFastSigmoid),
            Derivative.undefined("ultra_fast_sigmoid has no gradient (Theano 1.0 defines none)",
                    "use T.nnet.sigmoid in the cost to be differentiated"),
            help("x", "Elementwise piecewise approximation of the sigmoid (Theano's; within 0.02 of it).",
                    "T.nnet.ultra_fast_sigmoid")),
    SOFTSIGN(DTypeRule.FLOAT, null, unary(a -> a / (1 + Math.abs(a))),
            (t, in, out, g) -> grads(t.trueDiv(g, t.sqr(t.add(t.abs(in[0]), 1.0)))),
            help("x", "Elementwise x / (1 + |x|).", "T.nnet.softsign")),
    SELU(DTypeRule.FLOAT, null, unary(ScalarMath::selu),
            (t, in, out, g) -> grads(t.switchOp(t.gt(in[0], t.constant(0.0)), t.mul(g, ScalarMath.SELU_SCALE),
                    t.mul(g, t.add(out, ScalarMath.SELU_SCALE * ScalarMath.SELU_ALPHA)))),
            help("x", "Elementwise scaled exponential linear unit: scale * elu(x, alpha) with Klambauer et al.'s constants.",
                    "T.nnet.selu")),
    // theano.tensor.xlogx: the entropy terms, with Theano's special case 0 log 0 = 0 and its
    // gradient (1 + log x, -inf at 0 as in Theano)
    XLOGX(DTypeRule.FLOAT, null, unary(a -> a == 0 ? 0 : a * Math.log(a)),
            (t, in, out, g) -> grads(t.mul(g, t.add(t.log(in[0]), 1.0))),
            help("x", "Elementwise x * log(x), 0 where x = 0.", "T.xlogx.xlogx")),

    // ---- binary ----
    ADD(DTypeRule.ARITH, Operator.ADD, binary(Double::sum),
            (t, in, out, g) -> grads(g, g),
            help("a, b", "Elementwise a + b.", "T.add", "np.add")),
    SUB(DTypeRule.ARITH, Operator.SUB, binary((a, b) -> a - b),
            (t, in, out, g) -> grads(g, t.neg(g)),
            help("a, b", "Elementwise a - b.", "T.sub", "np.subtract")),
    MUL(DTypeRule.ARITH, Operator.MUL, binary((a, b) -> a * b),
            (t, in, out, g) -> grads(t.mul(g, in[1]), t.mul(g, in[0])),
            help("a, b", "Elementwise a * b.", "T.mul", "np.multiply")),
    TRUE_DIV(DTypeRule.TRUE_DIV, Operator.TRUE_DIV, binary((a, b) -> a / b),
            (t, in, out, g) -> grads(t.trueDiv(g, in[1]), t.neg(t.trueDiv(t.mul(g, out), in[1]))),
            help("a, b", "Elementwise a / b, a float result.", "T.true_div", "np.divide", "np.true_divide")),
    // integer division and modulo by zero give 0 in integer dtypes, as numpy's
    INT_DIV(DTypeRule.ARITH, Operator.FLOOR_DIV, binary((a, b) -> Math.floor(a / b), (a, b) -> b == 0 ? 0 : Math.floor(a / b)),
            Derivative.ZERO,
            help("a, b", "Elementwise floor division a // b.", "T.int_div", "T.floor_div", "np.floor_divide")),
    MOD(DTypeRule.ARITH, Operator.MOD, binary(ScalarMath::pyMod, (a, b) -> b == 0 ? 0 : ScalarMath.pyMod(a, b)),
            // x mod y = x - floor(x / y) * y
            (t, in, out, g) -> grads(g, t.neg(t.mul(g, t.floor(t.trueDiv(in[0], in[1]))))),
            help("a, b", "Elementwise a % b with the sign of b, as Python.", "T.mod", "np.mod", "np.remainder")),
    POW(DTypeRule.ARITH, Operator.POW, binary(Math::pow),
            // d/dx x^y = y x^(y-1); d/dy = x^y log x (0 where x = 0)
            (t, in, out, g) -> grads(t.mul(g, t.mul(in[1], t.pow(in[0], t.sub(in[1], 1.0)))),
                    t.mul(g, t.mul(out, t.switchOp(t.eq(in[0], 0.0), t.constant(in[0].dtype(), 0), t.log(in[0]))))),
            help("a, b", "Elementwise a ** b.", "T.pow", "T.power", "np.power")),
    MAXIMUM(DTypeRule.ARITH, null, binary(Math::max), // NaN-propagating, as numpy.maximum
            (t, in, out, g) -> toEqual(t, in, out, g),
            help("a, b", "Elementwise larger of a and b (on ties both get the gradient, as in Theano).", "T.maximum", "np.maximum")),
    MINIMUM(DTypeRule.ARITH, null, binary(Math::min),
            (t, in, out, g) -> toEqual(t, in, out, g),
            help("a, b", "Elementwise smaller of a and b (on ties both get the gradient, as in Theano).", "T.minimum", "np.minimum")),
    LT(DTypeRule.PREDICATE, Operator.LT, binary((a, b) -> a < b ? 1 : 0), Derivative.NONE,
            help("a, b", "Elementwise a < b, as bool.", "T.lt")),
    LE(DTypeRule.PREDICATE, Operator.LE, binary((a, b) -> a <= b ? 1 : 0), Derivative.NONE,
            help("a, b", "Elementwise a <= b, as bool.", "T.le")),
    GT(DTypeRule.PREDICATE, Operator.GT, binary((a, b) -> a > b ? 1 : 0), Derivative.NONE,
            help("a, b", "Elementwise a > b, as bool.", "T.gt")),
    GE(DTypeRule.PREDICATE, Operator.GE, binary((a, b) -> a >= b ? 1 : 0), Derivative.NONE,
            help("a, b", "Elementwise a >= b, as bool.", "T.ge")),
    EQ(DTypeRule.PREDICATE, Operator.EQ, binary((a, b) -> a == b ? 1 : 0), Derivative.NONE,
            help("a, b", "Elementwise a == b, as bool (symbolic == compares identity, as in Theano).", "T.eq")),
    NEQ(DTypeRule.PREDICATE, Operator.NE, binary((a, b) -> a != b ? 1 : 0), Derivative.NONE,
            help("a, b", "Elementwise a != b, as bool (symbolic != compares identity, as in Theano).", "T.neq")),
    // bools are 0/1, so one bitwise rule serves bools and integers
    AND(DTypeRule.BITWISE, Operator.AND, binary((a, b) -> (long) a & (long) b), Derivative.NONE,
            help("a, b", "Elementwise bitwise and (logical and on bools).", "T.and_", "T.bitwise_and", "np.bitwise_and")),
    OR(DTypeRule.BITWISE, Operator.OR, binary((a, b) -> (long) a | (long) b), Derivative.NONE,
            help("a, b", "Elementwise bitwise or (logical or on bools).", "T.or_", "T.bitwise_or", "np.bitwise_or")),
    XOR(DTypeRule.BITWISE, Operator.XOR, binary((a, b) -> (long) a ^ (long) b), Derivative.NONE,
            help("a, b", "Elementwise bitwise exclusive or (logical on bools).", "T.xor", "T.bitwise_xor", "np.bitwise_xor")),
    ELU(DTypeRule.FLOAT, null, binary((x, a) -> x > 0 ? x : a * Math.expm1(x)),
            // out + alpha = alpha * exp(x) where x <= 0
            (t, in, out, g) -> {
                Variable pos = t.gt(in[0], t.constant(0.0));
                Variable zero = t.constant(g.dtype(), 0);
                return grads(t.switchOp(pos, g, t.mul(g, t.add(out, in[1]))),
                        t.switchOp(pos, zero, t.mul(g, t.sub(t.exp(in[0]), 1.0))));
            },
            help("x, alpha=1.0", "Elementwise exponential linear unit: x if x > 0 else alpha * (exp(x) - 1).",
                    "T.nnet.elu")),
    ARCTAN2(DTypeRule.FLOAT, null, binary(Math::atan2),
            // d/da atan2(a, b) = b / (a^2 + b^2), d/db = -a / (a^2 + b^2)
            (t, in, out, g) -> {
                Variable r2 = t.add(t.sqr(in[0]), t.sqr(in[1]));
                return grads(t.trueDiv(t.mul(g, in[1]), r2), t.neg(t.trueDiv(t.mul(g, in[0]), r2)));
            },
            help("a, b", "Elementwise angle of the point (b, a): arctan(a / b) in the right quadrant.", "T.arctan2", "np.arctan2")),
    // x log y with 0 where x = 0 (whatever y): Theano's XlogY0, whose gradient (log y, x / y) this is;
    // a switch would give the x-gradient 0 where x = 0, and log y is the slope there
    XLOGY0(DTypeRule.FLOAT, null, binary((x, y) -> x == 0 ? 0 : x * Math.log(y)),
            (t, in, out, g) -> grads(t.mul(g, t.log(in[1])), t.trueDiv(t.mul(g, in[0]), in[1])),
            help("x, y", "Elementwise x * log(y), 0 where x = 0.", "T.xlogx.xlogy0")),

    // ---- ternary ----
    SWITCH(DTypeRule.CHOICE, null, ternary((c, a, b) -> c != 0 ? a : b),
            (t, in, out, g) -> {
                Variable zero = t.constant(g.dtype(), 0);
                return new Variable[] {null, t.switchOp(in[0], g, zero), t.switchOp(in[0], zero, g)};
            },
            help("cond, ift, iff", "Elementwise choice: ift where cond is nonzero, iff elsewhere.", "T.switch", "T.where")),
    CLIP(DTypeRule.ARITH, null, ternary((x, lo, hi) -> x < lo ? lo : x > hi ? hi : x),
            (t, in, out, g) -> {
                Variable zero = t.constant(g.dtype(), 0);
                Variable inside = t.and(t.ge(in[0], in[1]), t.le(in[0], in[2]));
                return grads(t.switchOp(inside, g, zero), t.switchOp(t.lt(in[0], in[1]), g, zero),
                        t.switchOp(t.gt(in[0], in[2]), g, zero));
            },
            help("x, min, max", "Elementwise x limited to [min, max].", "T.clip"));

    private final DTypeRule dtypeRule;
    private final Operator operator;
    private final Numeric numeric;
    private final Derivative derivative;
    private final Help help;

    Scalar(DTypeRule dtypeRule, Operator operator, Numeric numeric, Derivative derivative, Help help) {
        this.dtypeRule = dtypeRule;
        this.operator = operator;
        this.numeric = numeric;
        this.derivative = derivative;
        this.help = help;
        if (help.params().size() != numeric.arity()) throw new IllegalStateException(name() + ": help lists the wrong parameters");
    }

    public int arity() { return numeric.arity(); }

    public DTypeRule dtypeRule() { return dtypeRule; }

    /** Comparison and logical ops produce bool. */
    public boolean isPredicate() { return dtypeRule == DTypeRule.PREDICATE; }

    /** The Python operator that computes this function on arrays (+, <=, unary -, abs()), or null. */
    public Operator operator() { return operator; }

    /** The function an operator maps to on arrays (ADD for +), or null when none does (@, <<, is). */
    public static Scalar forOperator(Operator op) {
        for (Scalar s : values()) if (s.operator == op) return s;
        return null;
    }

    /** The operator for messages: '+', '<', or the function name. */
    public String symbol() { return operator != null ? operator.symbol() : pyName(); }

    public Numeric numeric() { return numeric; }

    public Derivative derivative() { return derivative; }

    public Help help() { return help; }

    /** The lower-case name Theano prints: Elemwise{exp}. */
    public String pyName() { return name().toLowerCase(Locale.ROOT); }

    // ---- the parts of an entry ----

    /**
     * How the output dtype follows the inputs': Theano 1.0's rules under {@code cast_policy='custom'}
     * (theano/scalar/basic.py), written out in docs/dtypes.md. Upcasting is numpy's
     * ({@link DType#upcast}: float32 with int32/int64 is float64); only true division of integers
     * depends on floatX.
     */
    public enum DTypeRule {
        /** The inputs' upcast; bools count as int64, as numpy's arithmetic on bools. */
        ARITH,
        /**
         * Theano's {@code upgrade_to_float}: bool, int8, int16 and uint8 count as float32, int32 and
         * int64 as float64, then the upcast (exp of int8 is float32, exp of int32 float64).
         */
        FLOAT,
        /** Theano's TrueDiv: floatX when every input is bool or an integer, else the upcast. */
        TRUE_DIV,
        /** Always bool. */
        PREDICATE,
        /** Always int64 (iround). */
        INTEGER,
        /** The inputs' upcast, which must be bool or an integer (numpy's bitwise functions). */
        BITWISE,
        /** The upcast of every input but the first, the condition (switch). */
        CHOICE;

        /** The output dtype with floatX = float64, what an op infers from its input types alone. */
        public DType apply(List<DType> in) { return apply(in, DType.FLOAT64); }

        /** The output dtype in a session whose theano.config.floatX is {@code floatX}. */
        public DType apply(List<DType> in, DType floatX) {
            DType d = null;
            boolean allDiscrete = true;
            for (int i = this == CHOICE ? 1 : 0; i < in.size(); i++) {
                DType x = this == FLOAT ? toFloat(in.get(i)) : in.get(i);
                allDiscrete &= !x.isFloat();
                d = d == null ? x : DType.upcast(d, x);
            }
            return switch (this) {
                case ARITH -> d == DType.BOOL ? DType.INT64 : d;
                case FLOAT -> d;
                case TRUE_DIV -> allDiscrete ? floatX : d;
                case PREDICATE -> DType.BOOL;
                case INTEGER -> DType.INT64;
                case BITWISE -> {
                    if (d.isFloat()) {
                        throw new GraphError(ErrorKind.TYPE_ERROR, "bitwise operations need bool or integer inputs, got " + d.pyName(),
                                "compare first (x > 0) for a bool, or cast with T.cast(x, 'int64')");
                    }
                    yield d;
                }
                case CHOICE -> d;
            };
        }

        private static DType toFloat(DType d) {
            return switch (d) {
                case BOOL, INT8, UINT8, INT16 -> DType.FLOAT32;
                case INT32, INT64 -> DType.FLOAT64;
                case FLOAT32, FLOAT64 -> d;
            };
        }
    }

    /**
     * The numeric rule, computed in double for every dtype (results are rounded to the output dtype
     * afterwards). Integer outputs may have a rule of their own (division by zero gives 0). When
     * float32 arithmetic arrives, its rules hang here beside these.
     */
    public sealed interface Numeric {
        int arity();

        record Unary(DoubleUnaryOperator f, DoubleUnaryOperator onIntegers) implements Numeric {
            public int arity() { return 1; }

            /** The rule for an output of this dtype. */
            public DoubleUnaryOperator forOutput(DType out) { return out.isInteger() ? onIntegers : f; }
        }

        record Binary(DoubleBinaryOperator f, DoubleBinaryOperator onIntegers) implements Numeric {
            public int arity() { return 2; }

            /** The rule for an output of this dtype. */
            public DoubleBinaryOperator forOutput(DType out) { return out.isInteger() ? onIntegers : f; }
        }

        record Ternary(TernaryOperator f) implements Numeric {
            public int arity() { return 3; }
        }
    }

    @FunctionalInterface
    public interface TernaryOperator {
        double apply(double a, double b, double c);
    }

    /**
     * The gradient of each input given the output's ({@code g}), as graph nodes; null where an input
     * gets none. Broadcasting is undone by {@link ElemwiseOp}, which sums each to its input's shape.
     */
    @FunctionalInterface
    public interface Derivative {
        /** Predicates: no gradient flows (the inputs are disconnected, as in Theano). */
        Derivative NONE = (t, in, out, g) -> new Variable[in.length];
        /** Piecewise constant functions: zero almost everywhere. */
        Derivative ZERO = (t, in, out, g) -> {
            Variable[] r = new Variable[in.length];
            for (int i = 0; i < r.length; i++) r[i] = t.zerosLike(in[i]);
            return r;
        };

        /** No gradient is defined: asking for one is a GradientError with this message (psi, as in Theano 1.0). */
        static Derivative undefined(String message, String hint) {
            return (t, in, out, g) -> {
                throw new GraphError(ErrorKind.GRADIENT_ERROR, message, hint);
            };
        }

        Variable[] of(TensorOps t, Variable[] in, Variable out, Variable g);
    }

    /**
     * How users reach the function: qualified names ({@code T.exp}, {@code T.nnet.sigmoid},
     * {@code np.exp}) and the parameters and one-line doc the help shows; a parameter may carry a
     * numeric default ({@code alpha=1.0}).
     */
    public record Help(List<String> params, String doc, List<String> names) {
        public String signature(String name) { return name + "(" + String.join(", ", params) + ")"; }

        public String paramName(int i) {
            String p = params.get(i);
            int eq = p.indexOf('=');
            return eq < 0 ? p : p.substring(0, eq);
        }

        /** The parameter's default, or null when it has none. */
        public Double paramDefault(int i) {
            String p = params.get(i);
            int eq = p.indexOf('=');
            return eq < 0 ? null : Double.valueOf(p.substring(eq + 1));
        }
    }

    private static Numeric unary(DoubleUnaryOperator f) { return new Numeric.Unary(f, f); }

    private static Numeric unary(DoubleUnaryOperator f, DoubleUnaryOperator onIntegers) {
        return new Numeric.Unary(f, onIntegers);
    }

    private static Numeric binary(DoubleBinaryOperator f) { return new Numeric.Binary(f, f); }

    private static Numeric binary(DoubleBinaryOperator f, DoubleBinaryOperator onIntegers) {
        return new Numeric.Binary(f, onIntegers);
    }

    private static Numeric ternary(TernaryOperator f) { return new Numeric.Ternary(f); }

    private static Help help(String params, String doc, String... names) {
        return new Help(Arrays.stream(params.split(",")).map(String::strip).toList(), doc, List.of(names));
    }

    private static Variable[] grads(Variable... g) { return g; }

    /** Another entry applied to x: a derivative may not name a constant declared after its own. */
    private static Variable other(TensorOps t, String entry, Variable x) { return t.elemwise(valueOf(entry), x); }

    /** Theano 1.0's Maximum/Minimum gradient: each input equal to the output gets g, so on a tie both do. */
    private static Variable[] toEqual(TensorOps t, Variable[] in, Variable out, Variable g) {
        Variable zero = t.constant(g.dtype(), 0);
        return grads(t.switchOp(t.eq(out, in[0]), g, zero), t.switchOp(t.eq(out, in[1]), g, zero));
    }
}
