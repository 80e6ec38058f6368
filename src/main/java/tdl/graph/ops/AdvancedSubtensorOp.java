package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * The pair form x[ivec, jvec]: element (ivec[k], jvec[k], ...) for each k (the vectors broadcast,
 * so one may be a scalar), as in x[T.arange(n), y].
 */
public record AdvancedSubtensorOp() implements Op {
    private static final List<IndexSpec> IDX = List.of(IndexSpec.VECTOR, IndexSpec.VECTOR);

    @Override
    public String name() { return "AdvancedSubtensor"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("x[ivec, jvec]", in, 3);
        if (in.get(0).rank() < 2) {
            throw new GraphError(ErrorKind.INDEX_ERROR, "x[ivec, jvec] needs x of rank >= 2, got " + in.get(0));
        }
        IndexSpec.checkInputs("x[ivec, jvec]", IDX, in.subList(1, 3));
        return List.of(in.get(0).withRank(IndexSpec.resultRank(IDX, in.get(0).rank(), in.subList(1, 3))));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return SubtensorGrad.readGrad(node, outputGrads.get(0), IDX);
    }
}
