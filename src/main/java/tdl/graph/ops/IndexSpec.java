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
        // written out, not generated: cold-compile speed (see Op)
        @Override
        public boolean equals(Object o) { return o instanceof Point; }

        @Override
        public int hashCode() { return 77292912; }

        @Override public int inputCount() { return 1; }
        @Override public String toString() { return "i"; }
    }

    /** x[lo:hi:step] with the present parts as inputs (lo, hi, step order); all absent is ':'. */
    record Slice(boolean lo, boolean hi, boolean step) implements IndexSpec {
        // written out, not generated: cold-compile speed (see Op)
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Slice that
                    && lo == that.lo
                    && hi == that.hi
                    && step == that.step;
        }

        @Override
        public int hashCode() {
            int h = Boolean.hashCode(lo);
            h = 31 * h + Boolean.hashCode(hi);
            h = 31 * h + Boolean.hashCode(step);
            return h;
        }

        @Override public int inputCount() { return (lo ? 1 : 0) + (hi ? 1 : 0) + (step ? 1 : 0); }
        @Override public String toString() { return (lo ? "a" : "") + ":" + (hi ? "b" : "") + (step ? ":c" : ""); }
    }

    /**
     * An integer array index (advanced indexing): a vector, or any rank up to 4 (emb[imatrix]).
     * Several of them broadcast together, as in numpy; the name stays Vector for the common case.
     */
    record Vector() implements IndexSpec {
        // written out, not generated: cold-compile speed (see Op)
        @Override
        public boolean equals(Object o) { return o instanceof Vector; }

        @Override
        public int hashCode() { return 410963299; }

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

    /**
     * The read op for this index structure and these index input types: basic (Subtensor), one
     * integer vector on the first axis (AdvancedSubtensor1, as Theano), else the general
     * AdvancedSubtensor (arrays of any rank mixed with slices, numpy's rules).
     */
    static Op readOp(List<IndexSpec> idx, List<TensorType> indexInputs) {
        if (isBasic(idx)) return new SubtensorOp(idx);
        if (idx.equals(List.of(VECTOR)) && indexInputs.get(0).rank() == 1) return new AdvancedSubtensor1Op();
        return new AdvancedSubtensorOp(idx);
    }

    /** {@link #readOp(List, List)} for the index inputs of a node (their types decide). */
    static Op readOpFor(List<IndexSpec> idx, List<tdl.graph.Variable> indexInputs) {
        return readOp(idx, indexInputs.stream().map(tdl.graph.Variable::type).toList());
    }

    /**
     * Output rank of reading x (rank xr) with this structure. Advanced (numpy): the index arrays
     * (points among them count as rank-0 arrays) broadcast to one block of dimensions; slices and
     * the axes after the index keep theirs.
     */
    static int resultRank(List<IndexSpec> idx, int xr, List<TensorType> indexInputs) {
        if (idx.size() > xr) {
            throw new GraphError(ErrorKind.INDEX_ERROR, "too many indices for a tensor of rank " + xr + ": " + idx.size() + " given");
        }
        if (isBasic(idx)) {
            int r = xr;
            for (IndexSpec s : idx) if (s instanceof Point) r--;
            return r;
        }
        int k = 0, slices = 0, arrayRank = 0;
        for (IndexSpec s : idx) {
            if (s instanceof Slice) slices++;
            else arrayRank = Math.max(arrayRank, indexInputs.get(k).rank());
            k += s.inputCount();
        }
        int r = xr - idx.size() + slices + arrayRank;
        if (r > TensorType.MAX_RANK) {
            throw new GraphError(ErrorKind.INDEX_ERROR, "this index gives a result of rank " + r + "; TDL tensors have rank 0 to 4",
                    "index with lower-rank integer arrays, or reshape first");
        }
        return r;
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
                    if (t.dtype().isFloat()) {
                        throw new GraphError(ErrorKind.TYPE_ERROR, op + ": an index array must hold integers, got " + t,
                                "cast it with T.cast(x, 'int64')");
                    }
                } else {
                    Ops.intScalar(op, "an index", t);
                }
            }
        }
    }
}
