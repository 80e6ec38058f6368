package tdl.rewrite;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * {@code (a / p + b) * p * r -> a * r + b * p * r}: a sum inside a product ({@link MulTree}) is
 * multiplied out when that lets a factor cancel in at least one of its terms. A variable used
 * twice gets a gradient that is a sum, which hides its factors from {@link MulCanonizer}: in the
 * tutorial's cross-entropy {@code -y log(p) - (1 - y) log(1 - p)}, the gradient reaching
 * {@code p = sigmoid(z)} is {@code -y / p + (1 - y) / (1 - p)}, multiplied by
 * {@code p (1 - p)}; each term cancels only once the sum is multiplied out, after which every
 * term is finite at z = +-1000. Terms that cancel nothing keep their product; the result has the
 * same shape, since (t1 + t2) * r broadcasts as t1 * r + t2 * r.
 */
public final class DistributeToCancel implements Rewrite {
    @Override
    public String name() { return "DistributeToCancel"; }

    @Override
    public Variable apply(Apply node) {
        MulTree tree = MulTree.of(node.output());
        if (tree == null) return null;
        for (int i = 0; i < tree.num.size(); i++) {
            Variable sum = tree.num.get(i);
            Apply add = Patterns.elemwise(sum, Scalar.ADD);
            Apply sub = add == null ? Patterns.elemwise(sum, Scalar.SUB) : null;
            if ((add == null && sub == null) || !sum.dtype().isFloat()) continue;
            Apply op = add != null ? add : sub;
            MulTree rest = new MulTree();
            rest.num.addAll(tree.num);
            rest.num.remove(i);
            rest.den.addAll(tree.den);
            List<MulTree> terms = new ArrayList<>();
            boolean cancels = false;
            for (Variable term : op.inputs()) {
                MulTree t = MulTree.ofAny(term);
                if (t == null) break;
                MulTree product = t.times(rest);
                cancels |= product.cancel() > 0;
                terms.add(product);
            }
            if (!cancels || terms.size() != 2) continue;
            Variable left = terms.get(0).rebuild(node, node.output().dtype());
            Variable right = terms.get(1).rebuild(node, node.output().dtype());
            Variable out = Patterns.make(add != null ? Scalar.ADD : Scalar.SUB, node, left, right);
            return tree.negative ? Patterns.make(Scalar.NEG, node, out) : out;
        }
        return null;
    }
}
