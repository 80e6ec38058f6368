package tdl.rewrite;

import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.GradModifierOp;

/**
 * {@code zero_grad(x) -> x} (and disconnected_grad, consider_constant, grad_clip, grad_scale):
 * once gradients are built these view ops only copy, so a compiled function reads x directly.
 */
public final class DropGradModifiers implements Rewrite {
    @Override
    public String name() { return "DropGradModifiers"; }

    @Override
    public Variable apply(Apply node) {
        return node.op() instanceof GradModifierOp ? node.inputs().get(0) : null;
    }
}
