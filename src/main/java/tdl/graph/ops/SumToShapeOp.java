package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * sum_to_shape(g, x): g summed over its leading extra axes and over the axes where x has size 1,
 * so a broadcasting op's gradient has its input's shape. Shapes are only known at run time, so
 * gradients always insert this; a rewrite may drop it when it proves g and x have equal shapes.
 * Inputs: g (the gradient), x (only its shape is read). Output: g's dtype, x's rank.
 */
public record SumToShapeOp() implements Op {
    @Override
    public String name() { return "SumToShape"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        if (in.size() != 2) throw new GraphError(ErrorKind.TYPE_ERROR, "SumToShape takes 2 inputs, got " + in.size());
        if (in.get(0).rank() < in.get(1).rank()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "SumToShape: gradient of rank " + in.get(0).rank()
                    + " cannot be summed to rank " + in.get(1).rank());
        }
        return List.of(in.get(0).withRank(in.get(1).rank()));
    }

    /** The gradient of a sum is the incoming gradient broadcast back to g's shape. */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        if (gz == null) return Arrays.asList(null, null);
        TensorOps t = new TensorOps(node::origin);
        Variable g = node.inputs().get(0);
        // gz has x's rank with size-1 axes where g was summed: broadcasting against g restores them
        return Arrays.asList(t.add(t.zerosLike(g), gz), null);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) { return o instanceof SumToShapeOp; }

    @Override
    public int hashCode() { return 488827004; }
}
