package tdl.rewrite;

import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * Sigmoids inside a product ({@link MulTree}), Theano's local_inv_1_plus_exp,
 * local_exp_over_1_plus_exp and local_sigm_times_exp in one rule:
 * <ul>
 *   <li>{@code a / (1 + exp(x)) -> a * sigmoid(-x)}, so {@code 1 / (1 + exp(-x)) -> sigmoid(x)};</li>
 *   <li>{@code exp(x) * sigmoid(-x) -> sigmoid(x)}, so {@code exp(x) / (1 + exp(x)) -> sigmoid(x)};</li>
 *   <li>{@code sigmoid(x) / exp(x) -> sigmoid(-x)};</li>
 *   <li>{@code (1 + exp(x)) * sigmoid(-x) -> 1} and equal factors above and below cancel.</li>
 * </ul>
 * The gradient of the tutorial's {@code log(1 - 1 / (1 + exp(u)))} is a product of
 * {@code exp(u)}, {@code 1 / (1 + exp(u))} twice and {@code 1 / (1 - 1 / (1 + exp(u)))}: inf / inf at
 * u = 1000 and 0 / 0 at u = -1000. After {@link OneMinusSigmoid} and this rule it is {@code sigmoid(-u)}.
 */
public final class SigmoidInProducts implements Rewrite {
    @Override
    public String name() { return "SigmoidInProducts"; }

    @Override
    public Variable apply(Apply node) {
        MulTree tree = MulTree.of(node.output());
        if (tree == null) return null;
        boolean changed = false;
        // 1 / (1 + exp(x)) is sigmoid(-x)
        for (int j = 0; j < tree.den.size(); j++) {
            Variable x = onePlusExpArg(tree.den.get(j));
            if (x == null) continue;
            tree.den.remove(j--);
            tree.num.add(Patterns.make(Scalar.SIGMOID, node, Patterns.neg(x, node)));
            changed = true;
        }
        // (1 + exp(x)) above is 1 / sigmoid(-x) below, worth moving only when that sigmoid cancels
        for (int i = 0; i < tree.num.size(); i++) {
            Variable x = onePlusExpArg(tree.num.get(i));
            if (x == null) continue;
            Variable s = Patterns.make(Scalar.SIGMOID, node, Patterns.neg(x, node));
            if (tree.num.stream().noneMatch(f -> Patterns.sameValue(f, s))) continue;
            tree.num.remove(i--);
            tree.den.add(s);
            changed = true;
        }
        changed |= mergeExp(tree.num, tree.num, node, false);
        changed |= mergeExp(tree.den, tree.num, node, true);
        changed |= tree.cancel() > 0;
        return changed ? tree.rebuild(node, node.output().dtype()) : null;
    }

    /**
     * Above: exp(x) * sigmoid(-x) -> sigmoid(x). With {@code expBelow}: sigmoid(x) / exp(x) ->
     * sigmoid(-x). Both factors have the same shape (one elementwise function of x), so replacing
     * the pair by one keeps the result's shape.
     */
    private static boolean mergeExp(List<Variable> exps, List<Variable> sigmoids, Apply node, boolean expBelow) {
        boolean changed = false;
        for (int i = 0; i < exps.size(); i++) {
            Apply exp = Patterns.elemwise(exps.get(i), Scalar.EXP);
            if (exp == null) continue;
            Variable x = exp.inputs().get(0);
            for (int k = 0; k < sigmoids.size(); k++) {
                Apply sig = Patterns.elemwise(sigmoids.get(k), Scalar.SIGMOID);
                if (sig == null) continue;
                Variable arg = sig.inputs().get(0);
                boolean match = expBelow ? Patterns.sameValue(arg, x) : Patterns.isNegationOf(arg, x);
                if (!match) continue;
                exps.remove(i--);
                int at = exps == sigmoids && k > i ? k - 1 : k;
                sigmoids.set(at, Patterns.make(Scalar.SIGMOID, node, expBelow ? Patterns.neg(x, node) : x));
                changed = true;
                break;
            }
        }
        return changed;
    }

    /** x when v is {@code 1 + exp(x)} (either order, the 1 possibly broadcast), else null. */
    private static Variable onePlusExpArg(Variable v) {
        Apply add = Patterns.elemwise(v, Scalar.ADD);
        Variable e = add == null ? null : Patterns.otherThanConstant(add, 1.0);
        Apply exp = e == null ? null : Patterns.elemwise(e, Scalar.EXP);
        return exp == null ? null : exp.inputs().get(0);
    }
}
