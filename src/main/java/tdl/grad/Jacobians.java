package tdl.grad;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.GraphWalk;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.IndexSpec;
import tdl.graph.ops.SubtensorOp;

/**
 * theano.gradient.jacobian and hessian, built on {@link Grad} and {@link JacobianOp}: the inner
 * graph is the gradient of y[i] for a symbolic index i, so the row count is decided at run time.
 */
public final class Jacobians {
    private Jacobians() {}

    /** d y / d w for each w: y a vector; each result has shape (len(y),) + shape(w). */
    public static List<Variable> jacobian(Variable y, List<Variable> wrt, Disconnected mode, Object origin) {
        if (y.rank() != 1) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "jacobian: expression must be a vector, got a rank-" + y.rank() + " tensor ("
                    + Grad.RANK_NAMES[y.rank()] + ")", "flatten it first: jacobian(y.flatten(), wrt)");
        }
        Variable index = new Variable(new TensorType(DType.INT64, 0), "i");
        Variable yi = Apply.make(new SubtensorOp(List.of(IndexSpec.POINT)), List.of(y, index), origin).output();
        List<Variable> rows = Grad.grad(yi, wrt, Set.of(), mode, origin);
        List<Variable> result = new ArrayList<>(wrt.size());
        for (Variable row : rows) {
            List<Variable> leaves = new ArrayList<>();
            for (Variable v : GraphWalk.leaves(List.of(row))) {
                if (v != index && !(v instanceof tdl.graph.Constant)) leaves.add(v);
            }
            JacobianOp op = new JacobianOp(index, leaves, row);
            result.add(Apply.make(op, op.outerInputs(y), origin).output());
        }
        return result;
    }

    /** The Hessian of a scalar cost for each (vector) w: jacobian(grad(cost, w), w). */
    public static List<Variable> hessian(Variable cost, List<Variable> wrt, Disconnected mode, Object origin) {
        List<Variable> result = new ArrayList<>(wrt.size());
        for (Variable w : wrt) {
            if (w.rank() != 1) {
                throw new GraphError(ErrorKind.TYPE_ERROR, "hessian: wrt must be vectors, '" + w + "' has rank " + w.rank(),
                        "flatten the parameter, or differentiate with respect to a vector");
            }
            Variable g = Grad.grad(cost, List.of(w), Set.of(), mode, origin).get(0);
            result.add(jacobian(g, List.of(w), mode, origin).get(0));
        }
        return result;
    }
}
