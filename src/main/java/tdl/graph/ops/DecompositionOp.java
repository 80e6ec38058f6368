package tdl.graph.ops;

import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/**
 * The decompositions Theano 1.0 gives no gradient: nlinalg.svd (outputs U, s, Vh; or s alone
 * without compute_uv), nlinalg.eig (w, v; real eigenvalues only) and nlinalg.qr (Q, R; or R
 * alone in mode 'r'). {@code full} is svd's full_matrices, qr's mode 'complete'.
 */
public record DecompositionOp(Kind kind, boolean full, boolean onlyValues) implements Op {
    public enum Kind { SVD, EIG, QR }

    @Override
    public String name() {
        return switch (kind) {
            case SVD -> "SVD{full_matrices=" + py(full) + ", compute_uv=" + py(!onlyValues) + "}";
            case EIG -> "Eig";
            case QR -> onlyValues ? "QRIncomplete{mode='r'}" : "QRFull{mode='" + (full ? "complete" : "reduced") + "'}";
        };
    }

    private static String py(boolean b) { return b ? "True" : "False"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        String what = kind.name().toLowerCase();
        Ops.arity(what, in, 1);
        DType d = LinalgTypes.floatOf(LinalgTypes.matrix(what, in.get(0)).dtype());
        TensorType vec = new TensorType(d, 1), mat = new TensorType(d, 2);
        return switch (kind) {
            case SVD -> onlyValues ? List.of(vec) : List.of(mat, vec, mat);
            case EIG -> List.of(vec, mat);
            case QR -> onlyValues ? List.of(mat) : List.of(mat, mat);
        };
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        throw new GraphError(ErrorKind.NOT_DIFFERENTIABLE_ERROR, "not differentiable: " + name()
                + " (Theano 1.0 gives " + kind.name().toLowerCase() + " no gradient either)",
                kind == Kind.EIG ? "for a symmetric matrix, eigh is differentiable"
                        : kind == Kind.SVD ? "for singular values of a symmetric positive semi-definite matrix, eigh is differentiable"
                        : "stop the gradient with theano.gradient.disconnected_grad if the decomposition is not on the cost's path",
                node);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DecompositionOp that
                && java.util.Objects.equals(kind, that.kind)
                && full == that.full
                && onlyValues == that.onlyValues;
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(kind);
        h = 31 * h + Boolean.hashCode(full);
        h = 31 * h + Boolean.hashCode(onlyValues);
        return h;
    }
}
