package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.List;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;

/**
 * The static structure of one index entry of a subtensor op; the symbolic parts (the scalar, the
 * present slice bounds, the index vector) are extra inputs of the op, in entry order.
 */
public sealed interface IndexSpec {
    /** x[i]: consumes one integer scalar input and drops the axis. */
    record Point() implements IndexSpec {
        @Override public int inputCount() { return 1; }
        @Override public String toString() { return "i"; }
    }

    /** x[lo:hi:step] with the present parts as inputs (lo, hi, step order); all absent is ':'. */
    record Slice(boolean lo, boolean hi, boolean step) implements IndexSpec {
        @Override public int inputCount() { return (lo ? 1 : 0) + (hi ? 1 : 0) + (step ? 1 : 0); }
        @Override public String toString() { return (lo ? "a" : "") + ":" + (hi ? "b" : "") + (step ? ":c" : ""); }
    }

    /** An integer vector index (advanced indexing). */
    record Vector() implements IndexSpec {
        @Override public int inputCount() { return 1; }
        @Override public String toString() { return "ivec"; }
    }

    Point POINT = new Point();
    Slice ALL = new Slice(false, false, false);
    Vector VECTOR = new Vector();

    int inputCount();

    static int inputCount(List<IndexSpec> idx) {
        int n = 0;
        for (IndexSpec s : idx) n += s.inputCount();
        return n;
    }

    static boolean isBasic(List<IndexSpec> idx) {
        for (IndexSpec s : idx) if (s instanceof Vector) return false;
        return true;
    }

    /** The read op for this index structure: basic, one vector, or a pair of vectors. */
    static Op readOp(List<IndexSpec> idx) {
        if (isBasic(idx)) return new SubtensorOp(idx);
        if (idx.equals(List.of(VECTOR))) return new AdvancedSubtensor1Op();
        if (idx.equals(List.of(VECTOR, VECTOR))) return new AdvancedSubtensorOp();
        throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR, "indexing " + idx + " mixes integer vectors with other indices",
                "use x[ivec] or the pair form x[ivec, jvec]");
    }

    /** Output rank of reading x (rank xr) with this structure. */
    static int resultRank(List<IndexSpec> idx, int xr, List<TensorType> indexInputs) {
        if (idx.size() > xr) {
            throw new GraphError(ErrorKind.INDEX_ERROR, "too many indices for a tensor of rank " + xr + ": " + idx.size() + " given");
        }
        if (isBasic(idx)) {
            int r = xr;
            for (IndexSpec s : idx) if (s instanceof Point) r--;
            return r;
        }
        if (idx.size() == 1) return xr - 1 + indexInputs.get(0).rank();
        return xr - 2 + Math.max(indexInputs.get(0).rank(), indexInputs.get(1).rank());
    }

    /** Checks the index inputs: scalars for points and slice parts, integer vectors for vectors. */
    static void checkInputs(String op, List<IndexSpec> idx, List<TensorType> indexInputs) {
        if (indexInputs.size() != inputCount(idx)) {
            throw new GraphError(ErrorKind.TYPE_ERROR, op + " with index " + idx + " takes " + inputCount(idx)
                    + " index input(s), got " + indexInputs.size());
        }
        int k = 0;
        for (IndexSpec s : idx) {
            for (int j = 0; j < s.inputCount(); j++) {
                TensorType t = indexInputs.get(k++);
                if (s instanceof Vector) {
                    if (t.dtype() == tdl.graph.DType.BOOL) {
                        // never read a mask as the integer indices 0 and 1
                        throw new GraphError(ErrorKind.TYPE_ERROR, op + ": a boolean index reached an integer index slot", "index with x[mask] directly");
                    }
                    if (t.rank() > 1 || t.dtype().isFloat()) {
                        throw new GraphError(ErrorKind.TYPE_ERROR, op + ": an index array must be an integer vector, got " + t,
                                "cast it with T.cast(x, 'int64')");
                    }
                } else {
                    Ops.intScalar(op, "an index", t);
                }
            }
        }
    }
}
