package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/** alloc(value, d0, ..., dn-1): value broadcast to the shape given by the integer scalars d_i. */
public record AllocOp() implements Op {
    @Override
    public String name() { return "Alloc"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        if (in.isEmpty()) throw new GraphError(ErrorKind.TYPE_ERROR, "alloc needs a value");
        int ndim = in.size() - 1;
        for (int i = 1; i < in.size(); i++) Ops.intScalar("alloc", "dimension " + (i - 1), in.get(i));
        if (in.get(0).rank() > ndim) {
            throw new GraphError(ErrorKind.VALUE_ERROR, "alloc: the value has rank " + in.get(0).rank()
                    + ", more than the " + ndim + " dimensions requested");
        }
        return List.of(new TensorType(in.get(0).dtype(), ndim));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        List<Variable> res = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) res.add(null);
        Variable g = outputGrads.get(0);
        Variable v = node.inputs().get(0);
        if (g != null && v.dtype().isFloat()) res.set(0, new TensorOps(node::origin).sumToShape(g, v));
        return res;
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) { return o instanceof AllocOp; }

    @Override
    public int hashCode() { return 753290198; }
}
