package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/** theano.tensor.nlinalg.matrix_inverse: the inverse of a square matrix (LinAlgError when singular). */
public record MatrixInverseOp() implements Op {
    @Override
    public String name() { return "MatrixInverse"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("matrix_inverse", in, 1);
        TensorType x = LinalgTypes.matrix("matrix_inverse", in.get(0));
        return List.of(x.withDtype(LinalgTypes.floatOf(x.dtype())));
    }

    /** Theano's rule: d(X^-1) pulls gz back to -(X^-1 gz^T X^-1)^T = -X^-T gz X^-T. */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        if (gz == null || !node.inputs().get(0).dtype().isFloat()) return Arrays.asList((Variable) null);
        TensorOps t = new TensorOps(node::origin);
        Variable xiT = t.transpose(node.output());
        return List.of(t.neg(t.dot(t.dot(xiT, gz), xiT)));
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) { return o instanceof MatrixInverseOp; }

    @Override
    public int hashCode() { return 804733520; }
}
