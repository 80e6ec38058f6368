package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.List;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.TensorType;

/** Small type checks shared by the ops of this package. */
final class Ops {
    private Ops() {}

    static void arity(String op, List<TensorType> in, int n) {
        if (in.size() != n) throw new GraphError(ErrorKind.TYPE_ERROR, op + " takes " + n + " input(s), got " + in.size());
    }

    /** An integer (or bool) scalar: an index, a size, a slice bound. */
    static void intScalar(String op, String what, TensorType t) {
        if (t.rank() != 0 || t.dtype().isFloat()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, op + ": " + what + " must be an integer scalar, got " + t,
                    "cast it with T.cast(x, 'int64')");
        }
    }

    static void intVector(String op, String what, TensorType t) {
        if (t.rank() != 1 || t.dtype().isFloat()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, op + ": " + what + " must be an integer vector, got " + t,
                    "cast it with T.cast(x, 'int64')");
        }
    }

    static void scalar(String op, String what, TensorType t) {
        if (t.rank() != 0) throw new GraphError(ErrorKind.TYPE_ERROR, op + ": " + what + " must be a scalar, got " + t);
    }

    static DType upcast(List<TensorType> in, int from) {
        DType d = in.get(from).dtype();
        for (int i = from + 1; i < in.size(); i++) d = DType.upcast(d, in.get(i).dtype());
        return d;
    }
}
