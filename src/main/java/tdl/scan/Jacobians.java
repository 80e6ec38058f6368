package tdl.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import tdl.vocab.OnUnused;
import tdl.grad.Grad;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.IndexSpec;
import tdl.graph.ops.SubtensorOp;
import tdl.graph.ops.TensorOps;
import tdl.vocab.ErrorKind;

/**
 * theano.gradient.jacobian and hessian, built as Theano builds them: a scan over
 * {@code arange(y.shape[0])} whose step i is {@code grad(y[i], wrt)}, so the row count is decided
 * at run time and the loop runs like any other scan.
 */
public final class Jacobians {
    private Jacobians() {}

    /** d y / d w for each w: y a vector; each result has shape (len(y),) + shape(w). */
    public static List<Variable> jacobian(Variable y, List<Variable> wrt, OnUnused mode, Object origin) {
        if (y.rank() != 1) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "jacobian: expression must be a vector, got a rank-" + y.rank() + " tensor ("
                    + TensorType.rankName(y.rank()) + ")", "flatten it first: jacobian(y.flatten(), wrt)");
        }
        for (Variable w : wrt) {
            if (w.rank() + 1 > TensorType.MAX_RANK) {
                throw new GraphError(ErrorKind.TYPE_ERROR, "jacobian: the result for '" + w + "' would have rank " + (w.rank() + 1)
                        + " (TDL tensors have rank 0 to 4)");
            }
        }
        TensorOps t = new TensorOps(() -> origin);
        Variable index = new Variable(new TensorType(DType.INT64, 0), "i");
        Variable yi = Apply.make(new SubtensorOp(List.of(IndexSpec.POINT)), List.of(y, index), origin).output();
        List<Variable> rows = Grad.grad(yi, wrt, Set.of(), mode, origin);

        List<Variable> inner = new ArrayList<>(List.of(index));
        List<Variable> outer = new ArrayList<>(List.of(t.constant(-1L), t.arange(t.shapeAt(y, 0))));
        for (Variable leaf : ScanOp.freeLeaves(rows, inner)) {
            inner.add(leaf);
            outer.add(leaf);
        }
        List<List<Integer>> noTaps = Collections.nCopies(rows.size(), List.of());
        ScanOp op = new ScanOp(inner, rows, 1, noTaps, 0, false, "jacobian", Collections.nCopies(rows.size(), false));
        return Apply.make(op, outer, origin).outputs();
    }

    /** The Hessian of a scalar cost for each (vector) w: jacobian(grad(cost, w), w). */
    public static List<Variable> hessian(Variable cost, List<Variable> wrt, OnUnused mode, Object origin) {
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
