package tdl.graph;

import tdl.vocab.ErrorKind;
/** The static type of a symbolic value: element type and rank (0 to 4). Shapes are known at run time. */
public record TensorType(DType dtype, int rank) {
    public static final int MAX_RANK = 4;

    public TensorType {
        if (rank < 0 || rank > MAX_RANK) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "rank " + rank + " is not supported (TDL tensors have rank 0 to 4)");
        }
    }

    public TensorType withRank(int r) { return new TensorType(dtype, r); }

    public TensorType withDtype(DType d) { return new TensorType(d, rank); }

    /** Theano's TensorType.__str__ for a type without broadcastable axes: scalar, vector, matrix, then "3D", "4D". */
    @Override
    public String toString() {
        return "TensorType(" + dtype.pyName() + ", " + (rank <= 2 ? rankName(rank) : rank + "D") + ")";
    }

    /** What Theano calls a tensor of this rank: "scalar", "vector", "matrix", "tensor3", "tensor4". */
    public static String rankName(int rank) { return RANK_NAMES[rank]; }

    private static final String[] RANK_NAMES = {"scalar", "vector", "matrix", "tensor3", "tensor4"};

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TensorType that
                && java.util.Objects.equals(dtype, that.dtype)
                && rank == that.rank;
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(dtype);
        h = 31 * h + rank;
        return h;
    }
}
