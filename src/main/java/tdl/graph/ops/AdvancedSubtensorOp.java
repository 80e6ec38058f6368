package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * Advanced indexing as numpy (and Theano's AdvancedSubtensor): integer arrays of any rank, points
 * (rank-0 arrays) and slices, e.g. x[ivec, jvec] (the pair form x[T.arange(n), y]), emb[imatrix]
 * (rank 3), x[1:, ivec], x[ivec, 1:]. The arrays broadcast together into one block of result
 * dimensions, placed where the first array is when the arrays are adjacent, else first.
 */
public record AdvancedSubtensorOp(List<IndexSpec> idx) implements Op {
    public AdvancedSubtensorOp {
        idx = List.copyOf(idx);
        if (IndexSpec.isBasic(idx)) throw new GraphError(ErrorKind.TYPE_ERROR, "AdvancedSubtensor needs an integer array in " + idx);
    }

    @Override
    public String name() { return "AdvancedSubtensor"; } // as Theano prints it; the structure is in idx

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        if (in.isEmpty()) throw new GraphError(ErrorKind.TYPE_ERROR, "AdvancedSubtensor needs an input");
        if (in.get(0).rank() < 1) throw new GraphError(ErrorKind.INDEX_ERROR, "a scalar cannot be indexed");
        List<TensorType> ix = in.subList(1, in.size());
        IndexSpec.checkInputs("indexing", idx, ix);
        return List.of(in.get(0).withRank(IndexSpec.resultRank(idx, in.get(0).rank(), ix)));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return SubtensorGrad.readGrad(node, outputGrads.get(0), idx);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AdvancedSubtensorOp that
                && java.util.Objects.equals(idx, that.idx);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(idx);
        return h;
    }
}
