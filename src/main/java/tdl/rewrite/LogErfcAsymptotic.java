package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.TensorOps;

/**
 * {@code log(erfc(x))} and the ratio its gradient holds, {@code exp(-x^2) / erfc(x)}, switch to the
 * asymptotic series past the point where erfc underflows (Theano 1.0's local_log_erfc and
 * local_grad_log_erfc_neg, with Theano's thresholds: 26.641747557 for float64; 10.0541949 (value)
 * and 9.3 (ratio) for float32). With {@code P = 1 - 1/(2x^2) + 3/(4x^4) - 15/(8x^6)}:
 * <ul>
 *   <li>{@code log(erfc(x)) -> -x^2 - log(x) - log(pi)/2 + log(P)} there (the plain form is
 *       log(0) = -inf from x = 26.6);</li>
 *   <li>{@code exp(-x^2) / erfc(x) -> x sqrt(pi) / P} there, read in a product ({@link MulTree}) as
 *       the gradient of log(erfc(x)) writes it, {@code g / erfc(x) * (exp(-sqr(x)) * c)} (0 / 0 = NaN
 *       from x = 26.6).</li>
 * </ul>
 * Below the threshold the plain form is kept, evaluated at {@code minimum(x, threshold)} and the
 * series at {@code maximum(x, threshold)}, so neither branch makes a NaN the switch then drops
 * (--nan-guard stays quiet), and the rule knows its own output: an erfc of such a minimum is not
 * rewritten again. Unlike Theano's, the ratio may sit anywhere in a product, not only as
 * {@code [y *] exp(..) / erfc(x)}; only {@code -sqr(x)} and {@code -(x * x)} are read as -x^2.
 */
public final class LogErfcAsymptotic implements Rewrite {
    @Override
    public String name() { return "LogErfcAsymptotic"; }

    @Override
    public Variable apply(Apply node) {
        Apply log = Patterns.elemwise(node.output(), Scalar.LOG);
        if (log != null) return logErfc(log, node);
        MulTree tree = MulTree.of(node.output());
        if (tree == null) return null;
        for (int j = 0; j < tree.den.size(); j++) {
            Apply erfc = Patterns.elemwise(tree.den.get(j), Scalar.ERFC);
            if (erfc == null) continue;
            Variable x = erfc.inputs().get(0);
            if (!usable(x, node) || clamped(x)) continue;
            for (int i = 0; i < tree.num.size(); i++) {
                Apply exp = Patterns.elemwise(tree.num.get(i), Scalar.EXP);
                if (exp == null || !isMinusSquareOf(exp.inputs().get(0), x)) continue;
                tree.den.remove(j);
                tree.num.set(i, ratio(x, node));
                return tree.rebuild(node, node.output().dtype());
            }
        }
        return null;
    }

    private static Variable logErfc(Apply log, Apply node) {
        Apply erfc = Patterns.elemwise(log.inputs().get(0), Scalar.ERFC);
        if (erfc == null) return null;
        Variable x = erfc.inputs().get(0);
        if (!usable(x, node) || clamped(x)) return null;
        TensorOps t = new TensorOps(node::origin);
        DType d = x.dtype();
        Variable threshold = t.constant(d, d == DType.FLOAT64 ? 26.641747557 : 10.0541949);
        Variable plain = t.log(t.elemwise(Scalar.ERFC, t.minimum(x, threshold)));
        Variable big = t.maximum(x, threshold);
        Variable series = t.add(t.sub(t.neg(t.sqr(big)), t.log(big)), t.add(t.constant(d, -0.5 * Math.log(Math.PI)), t.log(series(t, big))));
        return t.switchOp(t.lt(x, threshold), plain, series);
    }

    /** exp(-x^2) / erfc(x), by the series past the threshold. */
    private static Variable ratio(Variable x, Apply node) {
        TensorOps t = new TensorOps(node::origin);
        DType d = x.dtype();
        Variable threshold = t.constant(d, d == DType.FLOAT64 ? 26.641747557 : 9.3);
        Variable small = t.minimum(x, threshold);
        Variable plain = t.trueDiv(t.exp(t.neg(t.sqr(small))), t.elemwise(Scalar.ERFC, small));
        Variable big = t.maximum(x, threshold);
        Variable series = t.trueDiv(t.mul(big, t.constant(d, Math.sqrt(Math.PI))), series(t, big));
        return t.switchOp(t.lt(x, threshold), plain, series);
    }

    /** 1 - 1/(2x^2) + 3/(4x^4) - 15/(8x^6), in Horner's form in u = 1/x^2. */
    private static Variable series(TensorOps t, Variable x) {
        DType d = x.dtype();
        Variable u = t.trueDiv(t.constant(d, 1), t.sqr(x));
        Variable inner = t.add(t.constant(d, 0.75), t.mul(u, t.constant(d, -1.875)));
        return t.add(t.constant(d, 1), t.mul(u, t.add(t.constant(d, -0.5), t.mul(u, inner))));
    }

    private static boolean usable(Variable x, Apply node) {
        return (x.dtype() == DType.FLOAT64 || x.dtype() == DType.FLOAT32) && x.dtype() == node.output().dtype();
    }

    /** Whether x is this rule's own {@code minimum(y, threshold)}. */
    private static boolean clamped(Variable x) {
        Apply min = Patterns.elemwise(x, Scalar.MINIMUM);
        return min != null && Patterns.constantBehind(min.inputs().get(1)) != null;
    }

    /** Whether v is {@code -sqr(x)} or {@code -(x * x)}. */
    private static boolean isMinusSquareOf(Variable v, Variable x) {
        Variable sq = Patterns.negated(v);
        if (sq == null) return false;
        Apply sqr = Patterns.elemwise(sq, Scalar.SQR);
        if (sqr != null) return Patterns.sameValue(sqr.inputs().get(0), x);
        Apply mul = Patterns.elemwise(sq, Scalar.MUL);
        return mul != null && Patterns.sameValue(mul.inputs().get(0), x) && Patterns.sameValue(mul.inputs().get(1), x);
    }
}
