package tdl.grad;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * The rows of a Jacobian, computed at run time because the length of y is only known then.
 * It holds an inner graph: {@code innerOutput} = d y[index] / d wrt, a function of the symbolic
 * int64 scalar {@code index} and of {@code innerInputs} (the leaves of that gradient graph: free
 * inputs and shared variables; constants stay inside). The node's inputs are {@code y} followed by
 * values for each inner input, positionally, so cloning with givens or rewriting the outer graph
 * re-binds the inner graph without touching it. Evaluation (in tdl.function) runs the compiled
 * inner graph once per element of y and stacks the rows: output shape (len(y),) + shape(wrt).
 * This is the seam where scan plugs in later: a scan op is the same idea with state carried
 * between iterations.
 */
public record JacobianOp(Variable index, List<Variable> innerInputs, Variable innerOutput) implements Op {
    public JacobianOp {
        innerInputs = List.copyOf(innerInputs);
    }

    @Override
    public String name() { return "Jacobian"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        if (in.size() != innerInputs.size() + 1) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "Jacobian takes " + (innerInputs.size() + 1) + " inputs, got " + in.size());
        }
        if (in.get(0).rank() != 1) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "jacobian: y must be a vector, got a rank-" + in.get(0).rank() + " tensor");
        }
        if (innerOutput.rank() + 1 > TensorType.MAX_RANK) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "jacobian: the result would have rank " + (innerOutput.rank() + 1)
                    + " (TDL tensors have rank 0 to 4)");
        }
        return List.of(innerOutput.type().withRank(innerOutput.rank() + 1));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        throw new GraphError(ErrorKind.GRADIENT_ERROR, "not differentiable: " + name(),
                "third derivatives (the gradient of a jacobian or hessian) are not supported");
    }

    /** The inputs an Apply of this op needs: y, then the inner inputs themselves (the outer graph's leaves). */
    public List<Variable> outerInputs(Variable y) {
        List<Variable> in = new ArrayList<>(innerInputs.size() + 1);
        in.add(y);
        in.addAll(innerInputs);
        return in;
    }
}
