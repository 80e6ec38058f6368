package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/** flatten(x, outdim): keeps the first outdim-1 axes and merges the rest into one. */
public record FlattenOp(int outdim) implements Op {
    @Override
    public String name() { return "Flatten{" + outdim + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("flatten", in, 1);
        int r = in.get(0).rank();
        if (outdim < 1 || outdim > Math.max(r, 1)) {
            throw new GraphError(ErrorKind.VALUE_ERROR, "flatten to " + outdim + " dimensions needs 1 <= outdim <= " + Math.max(r, 1)
                    + " for an input of rank " + r);
        }
        return List.of(in.get(0).withRank(outdim));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        Variable x = node.inputs().get(0);
        if (g == null || !x.dtype().isFloat()) return Arrays.asList((Variable) null);
        TensorOps t = new TensorOps(node::origin);
        return List.of(t.reshape(g, t.shape(x), x.rank()));
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof FlattenOp that
                && outdim == that.outdim;
    }

    @Override
    public int hashCode() {
        int h = outdim;
        return h;
    }
}
