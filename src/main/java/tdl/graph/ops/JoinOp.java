package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/** concatenate(xs, axis): every input has the same rank; axis is non-negative. */
public record JoinOp(int axis) implements Op {
    @Override
    public String name() { return "Join{" + axis + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        if (in.isEmpty()) throw new GraphError(ErrorKind.VALUE_ERROR, "need at least one array to concatenate");
        int r = in.get(0).rank();
        for (TensorType t : in) {
            if (t.rank() != r) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "all the input arrays must have the same number of dimensions, got "
                        + "ranks " + r + " and " + t.rank());
            }
        }
        if (axis < 0 || axis >= r) throw new GraphError(ErrorKind.VALUE_ERROR, "axis " + axis + " is out of bounds for inputs of rank " + r);
        return List.of(in.get(0).withDtype(Ops.upcast(in, 0)));
    }

    /** Each input gets its own slice of the gradient along the joined axis. */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        List<Variable> res = new ArrayList<>();
        TensorOps t = new TensorOps(node::origin);
        Variable offset = t.constant(0L);
        for (Variable x : node.inputs()) {
            if (g == null || !x.dtype().isFloat()) { res.add(null); continue; }
            Variable end = t.add(offset, t.shapeAt(x, axis));
            List<Index> idx = new ArrayList<>();
            for (int a = 0; a < axis; a++) idx.add(Index.ALL);
            idx.add(new Index.Range(offset, end, null));
            res.add(t.subtensor(g, idx));
            offset = end;
        }
        return res;
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof JoinOp that
                && axis == that.axis;
    }

    @Override
    public int hashCode() {
        int h = axis;
        return h;
    }
}
