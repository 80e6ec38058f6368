package tdl.rewrite;

import tdl.eval.Eager;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.GraphError;
import tdl.graph.Variable;

/**
 * {@code op(c1, ..., cn) -> c} when every input is a constant and the op is deterministic: the node
 * is evaluated once, at compile time. A node whose evaluation fails is left alone so the error
 * surfaces when the function runs, blamed on that node's line. Ops with inner graphs are skipped:
 * they run only inside a compiled function, and a loop over constants is rarely worth unrolling.
 * Ops with side effects (Print) are skipped too: their effect belongs to each call.
 */
public final class FoldConstants implements Rewrite {
    @Override
    public String name() { return "FoldConstants"; }

    @Override
    public Variable apply(Apply node) {
        if (node.op().isStochastic() || node.op().hasSideEffects() || !node.op().innerGraphs().isEmpty() || node.outputs().size() != 1) return null;
        for (Variable in : node.inputs()) if (!(in instanceof Constant)) return null;
        try {
            return new Constant(Eager.evaluate(node.output()));
        } catch (GraphError e) {
            return null;
        }
    }
}
