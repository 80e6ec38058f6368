package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/** Basic indexing x[i, a:b:c, ...]: inputs x then the symbolic index parts in entry order. */
public record SubtensorOp(List<IndexSpec> idx) implements Op {
    public SubtensorOp {
        idx = List.copyOf(idx);
        if (!IndexSpec.isBasic(idx)) throw new GraphError(ErrorKind.TYPE_ERROR, "Subtensor takes points and slices only, got " + idx);
    }

    @Override
    public String name() { return "Subtensor" + idx; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        if (in.isEmpty()) throw new GraphError(ErrorKind.TYPE_ERROR, "Subtensor needs an input");
        List<TensorType> ix = in.subList(1, in.size());
        IndexSpec.checkInputs("indexing", idx, ix);
        return List.of(in.get(0).withRank(IndexSpec.resultRank(idx, in.get(0).rank(), ix)));
    }

    /** The gradient is an inc_subtensor of zeros: g lands where the elements were read. */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return SubtensorGrad.readGrad(node, outputGrads.get(0), idx);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SubtensorOp that
                && java.util.Objects.equals(idx, that.idx);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(idx);
        return h;
    }
}
