package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;

/**
 * {@code a * x * b / (x * c) -> a * b / c} over a whole tree of mul, true_div, inv and neg
 * ({@link MulTree}), Theano's local_mul_canonizer. Gradients are products of pullbacks, and the
 * overflow lives in factors that cancel: the gradient of {@code log(sigmoid(x))} is
 * {@code (g / sigmoid(x)) * sigmoid(x) * (1 - sigmoid(x))}, which is {@code 0 * inf} at
 * x = -1000 before this and {@code g * (1 - sigmoid(x))} after it. Fires only when a factor
 * cancels (a pair whose removal provably keeps the result's shape), so it leaves other products
 * as written.
 */
public final class MulCanonizer implements Rewrite {
    @Override
    public String name() { return "MulCanonizer"; }

    @Override
    public Variable apply(Apply node) {
        MulTree tree = MulTree.of(node.output());
        if (tree == null || tree.cancel() == 0) return null;
        return tree.rebuild(node, node.output().dtype());
    }
}
