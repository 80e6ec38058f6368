package tdl.grad;

import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Variable;

/** Backpropagation through time for {@link ScanOp}. */
final class ScanGrad {
    private ScanGrad() {}

    static List<Variable> grad(Apply node, List<Variable> outputGrads) {
        throw new GraphError("GradientError", "not differentiable yet: " + node.op().name());
    }
}
