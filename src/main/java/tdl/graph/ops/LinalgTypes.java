package tdl.graph.ops;

import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.TensorType;
import tdl.vocab.ErrorKind;

/** Type checks shared by the linear-algebra ops: matrices in, the float dtype out. */
final class LinalgTypes {
    private LinalgTypes() {}

    static TensorType matrix(String op, TensorType x) {
        if (x.rank() != 2) throw new GraphError(ErrorKind.TYPE_ERROR, op + " needs a matrix, got " + x);
        return x;
    }

    /** numpy.linalg computes in float64 for integer inputs; float32 stays float32. */
    static DType floatOf(DType d) { return d.isFloat() ? d : DType.FLOAT64; }
}
