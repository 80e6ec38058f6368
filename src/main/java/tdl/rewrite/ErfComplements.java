package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * The complements of erf and erfc as the other function (Theano 1.0's local_one_plus_erf,
 * local_one_minus_erf(2), local_one_plus_neg_erf, local_erf_minus_one, local_one_minus_erfc(2, 3),
 * local_one_add_neg_erfc, local_erf_neg_minus_one(2)):
 * <ul>
 *   <li>{@code 1 - erf(x) -> erfc(x)} and {@code 1 + erf(x) -> erfc(-x)}: 0 as written once erf
 *       rounds to +-1 (|x| > 5.9), 2.09e-45 at x = 10 after; so log(1 - erf(x)) reaches
 *       {@link LogErfcAsymptotic};</li>
 *   <li>{@code erf(x) - 1 -> -erfc(x)};</li>
 *   <li>{@code 1 - erfc(x) -> erf(x)} and {@code erfc(-x) - 1 -> erf(x)}: 0 as written for tiny x,
 *       1.13e-20 at x = 1e-20 after.</li>
 * </ul>
 * The minus may be a sub, a neg or a product by the constant -1, the 1 either operand, and a
 * one-element constant (so it cannot widen the result).
 */
public final class ErfComplements implements Rewrite {
    @Override
    public String name() { return "ErfComplements"; }

    /** {@code constant + (negative ? -f : f)} with f an erf or erfc node. */
    private record Form(double constant, boolean negative, Apply f) {}

    @Override
    public Variable apply(Apply node) {
        Form form = read(node.output());
        if (form == null) return null;
        Variable x = form.f.inputs().get(0);
        boolean erf = ((tdl.graph.ops.ElemwiseOp) form.f.op()).scalar() == Scalar.ERF;
        if (erf && form.constant == 1) {
            return Patterns.make(Scalar.ERFC, node, form.negative ? x : Patterns.neg(x, node));
        }
        if (erf && form.constant == -1 && !form.negative) return Patterns.make(Scalar.NEG, node, Patterns.make(Scalar.ERFC, node, x));
        if (!erf && form.constant == 1 && form.negative) return Patterns.make(Scalar.ERF, node, x);
        Variable minusX = erf ? null : minusOf(x);
        if (minusX != null && form.constant == -1 && !form.negative) return Patterns.make(Scalar.ERF, node, minusX);
        return null;
    }

    private static Form read(Variable v) {
        Apply add = Patterns.elemwise(v, Scalar.ADD);
        if (add != null) {
            for (int side = 0; side < 2; side++) {
                Double k = unit(add.inputs().get(side));
                Form term = k == null ? null : term(add.inputs().get(1 - side), false);
                if (term != null) return new Form(k, term.negative, term.f);
            }
            return null;
        }
        Apply sub = Patterns.elemwise(v, Scalar.SUB);
        if (sub == null) return null;
        Double k = unit(sub.inputs().get(0));
        Form term = k == null ? null : term(sub.inputs().get(1), true);
        if (term != null) return new Form(k, term.negative, term.f);
        k = unit(sub.inputs().get(1));
        term = k == null ? null : term(sub.inputs().get(0), false);
        return term == null ? null : new Form(-k, term.negative, term.f);
    }

    /** 1 or -1 when v is such a one-element constant, else null. */
    private static Double unit(Variable v) {
        if (Patterns.isScalarConstant(v, 1.0)) return 1.0;
        if (Patterns.isScalarConstant(v, -1.0)) return -1.0;
        return null;
    }

    /** v as +-erf(x) or +-erfc(x) (flipped when {@code minus}), else null. */
    private static Form term(Variable v, boolean minus) {
        Variable inner = minusOf(v);
        if (inner != null) return term(inner, !minus);
        Apply f = Patterns.elemwise(v, Scalar.ERF);
        if (f == null) f = Patterns.elemwise(v, Scalar.ERFC);
        return f == null ? null : new Form(0, minus, f);
    }

    /** y when v is {@code -y} or {@code -1 * y} (either order), else null. */
    private static Variable minusOf(Variable v) {
        Variable y = Patterns.negated(v);
        if (y != null) return y;
        Apply mul = Patterns.elemwise(v, Scalar.MUL);
        return mul == null ? null : Patterns.otherThanConstant(mul, -1.0);
    }
}
