package tdl.graph.ops;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/**
 * bincount(x, weights, minlength): out[k] = number of (or sum of the weights at) the positions where
 * x == k, for k below max(max(x) + 1, minlength). Inputs: x (an integer vector), the weights when
 * {@code weighted}, minlength (an integer scalar, 0 for none). Negative entries of x are a
 * ValueError at run time, as in numpy (Theano's inc_subtensor would count them from the end).
 * Output dtype: the weights' dtype, else x's (Theano's rule).
 */
public record BincountOp(boolean weighted) implements Op {
    @Override
    public String name() { return weighted ? "Bincount{weights}" : "Bincount"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("bincount", in, weighted ? 3 : 2);
        TensorType x = in.get(0);
        if (x.rank() != 1 || x.dtype().isFloat()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "bincount: x must be a vector of integers, got " + x);
        }
        if (weighted && in.get(1).rank() != 1) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "bincount: weights must be a vector like x, got " + in.get(1));
        }
        Ops.intScalar("bincount", "minlength", in.get(in.size() - 1));
        return List.of(new TensorType((weighted ? in.get(1) : x).dtype(), 1));
    }

    /** d out[x[i]] / d weights[i] = 1: the weights' gradient is g[x]. */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        List<Variable> res = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) res.add(null);
        Variable g = outputGrads.get(0);
        if (g != null && weighted && node.inputs().get(1).dtype().isFloat()) {
            TensorOps t = new TensorOps(node::origin);
            res.set(1, t.subtensor(g, List.of(new Index.Vector(node.inputs().get(0)))));
        }
        return res;
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof BincountOp that
                && weighted == that.weighted;
    }

    @Override
    public int hashCode() {
        int h = Boolean.hashCode(weighted);
        return h;
    }
}
