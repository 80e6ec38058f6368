package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code x / abs(x) -> sgn(x)} inside a product ({@link MulTree}; Theano 1.0's check_for_x_over_absX,
 * a simplifier of local_mul_canonizer). The plain form is 0 / 0 = NaN at x = 0 and inf / inf = NaN
 * at +-inf; sgn gives 0 and +-1 there, as Theano. Equal elsewhere. sgn(x) has the shape of the pair
 * it replaces; an integer x is left alone (x / abs(x) is a float there, sgn(x) an integer).
 */
public final class XOverAbsXToSign implements Rewrite {
    @Override
    public String name() { return "XOverAbsXToSign"; }

    @Override
    public Variable apply(Apply node) {
        MulTree tree = MulTree.of(node.output());
        if (tree == null) return null;
        for (int j = 0; j < tree.den.size(); j++) {
            Apply abs = Patterns.elemwise(tree.den.get(j), Scalar.ABS);
            if (abs == null) continue;
            Variable x = abs.inputs().get(0);
            if (!x.dtype().isFloat()) continue;
            for (int i = 0; i < tree.num.size(); i++) {
                if (!Patterns.sameValue(tree.num.get(i), x)) continue;
                tree.den.remove(j);
                tree.num.set(i, Patterns.make(Scalar.SGN, node, x));
                return tree.rebuild(node, node.output().dtype());
            }
        }
        return null;
    }
}
