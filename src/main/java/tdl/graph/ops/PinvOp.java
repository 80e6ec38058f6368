package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/** theano.tensor.nlinalg.pinv: the Moore-Penrose pseudo-inverse (n, m) of an (m, n) matrix, numpy's cutoff. */
public record PinvOp() implements Op {
    @Override
    public String name() { return "MatrixPinv"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("pinv", in, 1);
        TensorType x = LinalgTypes.matrix("pinv", in.get(0));
        return List.of(x.withDtype(LinalgTypes.floatOf(x.dtype())));
    }

    /**
     * Theano 1.0's MatrixPinv.L_op (Golub and Pereyra): with Z = X^+ and V the output gradient,
     * (-Z V^T Z + Z Z^T V (I - X Z) + (I - Z X) V Z^T Z)^T. Valid where the rank of X does not
     * change under a small perturbation (full rank, or rank-deficient but away from the cutoff).
     */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        Variable x = node.inputs().get(0);
        if (gz == null || !x.dtype().isFloat()) return Arrays.asList((Variable) null);
        TensorOps t = new TensorOps(node::origin);
        Variable z = node.output();
        Variable xz = t.dot(x, z), zx = t.dot(z, x);
        Variable iM = t.cast(t.eye(t.shapeAt(x, 0), null, 0), z.dtype()), iN = t.cast(t.eye(t.shapeAt(x, 1), null, 0), z.dtype());
        Variable g = t.add(t.add(t.neg(t.dot(t.dot(z, t.transpose(gz)), z)),
                        t.dot(t.dot(t.dot(z, t.transpose(z)), gz), t.sub(iM, xz))),
                t.dot(t.dot(t.dot(t.sub(iN, zx), gz), t.transpose(z)), z));
        return List.of(t.transpose(g));
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) { return o instanceof PinvOp; }

    @Override
    public int hashCode() { return 243211106; }
}
