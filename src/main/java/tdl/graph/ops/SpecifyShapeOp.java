package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/**
 * Theano's specify_shape(x, shape): x unchanged, after checking at run time that its shape is
 * {@code shape} (an integer vector with one entry per axis). The gradient passes through.
 */
public record SpecifyShapeOp() implements Op {
    @Override
    public String name() { return "SpecifyShape"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("specify_shape", in, 2);
        Ops.intVector("specify_shape", "the shape", in.get(1));
        return List.of(in.get(0));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        if (g == null || !node.inputs().get(0).dtype().isFloat()) return Arrays.asList(null, null);
        return Arrays.asList(g, null);
    }

    static void checkLength(int rank, int length) {
        if (rank != length) {
            throw new GraphError(ErrorKind.VALUE_ERROR, "specify_shape: a rank-" + rank + " tensor needs a shape of " + rank
                    + " entries, got " + length);
        }
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) { return o instanceof SpecifyShapeOp; }

    @Override
    public int hashCode() { return 1849489633; }
}
