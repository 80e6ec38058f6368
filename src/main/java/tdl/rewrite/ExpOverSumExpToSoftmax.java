package tdl.rewrite;

import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.DimShuffleOp;
import tdl.graph.ops.ReduceOp;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.SoftmaxOp;

/**
 * A softmax written by hand, {@code exp(x) / sum(exp(x), axis=1, keepdims)} (or with the sum's
 * axis put back by {@code dimshuffle(0, 'x')}), becomes {@code softmax(x)}: Theano 1.0's
 * softmax_simplifier (nnet.py, a simplifier of local_mul_canonizer). exp overflows past 709, so
 * the plain form is inf / inf = NaN at logits of 1000; softmax subtracts the row's max first.
 * <p>
 * As Theano's, it fires only for a float matrix x and a sum over axis 1 of the very exp(x) above
 * (a vector or another axis is computed as written, NaN at 1000 in Theano too). The numerator
 * and denominator are read as a product tree ({@link MulTree}); a factor
 * {@code dimshuffle(0, 'x')} of a product is read as the product of its factors dimshuffled
 * (Theano's local_dimshuffle_lift), which is how the gradient of {@code log(sum(exp(x), axis=1))},
 * {@code dimshuffle(g / sum(exp(x)), (0, 'x')) * exp(x)}, shows the softmax. Shapes: softmax(x)
 * has exp(x)'s shape (n, m) and the sum removed has shape (n, 1), which cannot widen (n, m).
 */
public final class ExpOverSumExpToSoftmax implements Rewrite {
    @Override
    public String name() { return "ExpOverSumExpToSoftmax"; }

    @Override
    public Variable apply(Apply node) {
        MulTree tree = MulTree.of(node.output());
        if (tree == null) return null;
        for (int i = 0; i < tree.num.size(); i++) {
            Variable e = tree.num.get(i);
            Apply exp = Patterns.elemwise(e, Scalar.EXP);
            if (exp == null || e.rank() != 2 || !e.dtype().isFloat() || exp.inputs().get(0).dtype() != e.dtype()) continue;
            // the sum itself below
            for (int j = 0; j < tree.den.size(); j++) {
                if (isRowSumKept(tree.den.get(j), e)) {
                    tree.den.remove(j);
                    tree.num.set(i, softmax(exp, node));
                    return tree.rebuild(node, node.output().dtype());
                }
            }
            // dimshuffle(q, (0, 'x')) with the row sum below in the product q, on either side
            for (List<Variable> side : List.of(tree.num, tree.den)) {
                for (int k = 0; k < side.size(); k++) {
                    Variable lifted = withoutRowSum(side.get(k), e, side == tree.num, node);
                    if (lifted == null) continue;
                    side.set(k, lifted);
                    tree.num.set(i, softmax(exp, node));
                    return tree.rebuild(node, node.output().dtype());
                }
            }
        }
        return null;
    }

    private static Variable softmax(Apply exp, Apply like) {
        return Apply.make(new SoftmaxOp(), List.of(exp.inputs().get(0)), like.origin()).output();
    }

    /** Whether v is {@code sum(e, axis=1)} with the axis kept, by keepdims or by dimshuffle(0, 'x'). */
    private static boolean isRowSumKept(Variable v, Variable e) {
        Apply a = v.owner();
        if (a == null) return false;
        if (a.op() instanceof ReduceOp r) return r.keepdims() && isRowSumOf(a, e);
        return isColumnOfRowSum(a) && isRowSumOf(a.inputs().get(0).owner(), e) && !sumKeepsDims(a.inputs().get(0));
    }

    private static boolean sumKeepsDims(Variable v) { return ((ReduceOp) v.owner().op()).keepdims(); }

    /** Whether a is {@code dimshuffle(0, 'x')} of a vector. */
    private static boolean isColumnOfRowSum(Apply a) {
        return a.op() instanceof DimShuffleOp d && d.pattern().equals(List.of(0, -1)) && a.inputs().get(0).rank() == 1;
    }

    private static boolean isRowSumOf(Apply sum, Variable e) {
        return sum != null && sum.op() instanceof ReduceOp r && r.kind() == ReduceOp.Kind.SUM && r.axes() != null
                && r.axes().equals(List.of(1)) && Patterns.sameValue(sum.inputs().get(0), e);
    }

    /**
     * For {@code v = dimshuffle(q, (0, 'x'))} with q a product of vectors holding {@code sum(e,
     * axis=1)} below (when {@code above}; above when v itself is below): {@code dimshuffle(q / sum)}
     * ({@code * sum}), i.e. v with the row sum cancelled against the exp above; else null.
     */
    private static Variable withoutRowSum(Variable v, Variable e, boolean above, Apply like) {
        Apply a = v.owner();
        if (a == null || !isColumnOfRowSum(a)) return null;
        MulTree q = MulTree.of(a.inputs().get(0));
        if (q == null) return null;
        List<Variable> sumSide = above ? q.den : q.num;
        for (int j = 0; j < sumSide.size(); j++) {
            Variable s = sumSide.get(j);
            if (s.rank() != 1 || s.owner() == null || !isRowSumOf(s.owner(), e) || sumKeepsDims(s)) continue;
            sumSide.remove(j);
            Variable rest = q.rebuild(like, a.inputs().get(0).dtype());
            // what is left may be one element (1 / sum): it becomes a (1, 1) view, which broadcasts alike
            DimShuffleOp column = rest.rank() == 1 ? DimShuffleOp.of(0, -1) : rest.rank() == 0 ? DimShuffleOp.of(-1, -1) : null;
            return column == null ? null : Apply.make(column, List.of(rest), like.origin()).output();
        }
        return null;
    }
}
