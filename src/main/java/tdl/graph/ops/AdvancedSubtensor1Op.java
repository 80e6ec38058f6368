package tdl.graph.ops;

import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/** x[ivec]: rows of x picked by an integer vector (negative entries count from the end). */
public record AdvancedSubtensor1Op() implements Op {
    private static final List<IndexSpec> IDX = List.of(IndexSpec.VECTOR);

    @Override
    public String name() { return "AdvancedSubtensor1"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("x[ivec]", in, 2);
        if (in.get(0).rank() < 1) throw new tdl.graph.GraphError(tdl.vocab.ErrorKind.INDEX_ERROR, "a scalar cannot be indexed");
        IndexSpec.checkInputs("x[ivec]", IDX, in.subList(1, 2));
        if (in.get(1).rank() != 1) throw new tdl.graph.GraphError(tdl.vocab.ErrorKind.TYPE_ERROR, "AdvancedSubtensor1 takes an integer vector");
        return List.of(in.get(0).withRank(IndexSpec.resultRank(IDX, in.get(0).rank(), in.subList(1, 2))));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return SubtensorGrad.readGrad(node, outputGrads.get(0), IDX);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) { return o instanceof AdvancedSubtensor1Op; }

    @Override
    public int hashCode() { return 101163547; }
}
