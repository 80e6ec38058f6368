package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/** theano.tensor.nlinalg.det: the determinant of a square matrix, a scalar. */
public record DetOp() implements Op {
    @Override
    public String name() { return "Det"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("det", in, 1);
        TensorType x = LinalgTypes.matrix("det", in.get(0));
        return List.of(new TensorType(LinalgTypes.floatOf(x.dtype()), 0));
    }

    /** Theano's rule: gz * det(X) * inv(X)^T (undefined, so a LinAlgError, for a singular X). */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        Variable x = node.inputs().get(0);
        if (gz == null || !x.dtype().isFloat()) return Arrays.asList((Variable) null);
        TensorOps t = new TensorOps(node::origin);
        return List.of(t.mul(t.mul(gz, node.output()), t.transpose(t.apply(new MatrixInverseOp(), x))));
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) { return o instanceof DetOp; }

    @Override
    public int hashCode() { return 65922356; }
}
