package tdl.graph.ops;

import java.util.List;
import tdl.graph.GraphError;
import tdl.graph.TensorType;
import tdl.vocab.ErrorKind;

/**
 * Inputs (x, splits), output x unchanged: checks at run time what Theano's Split checks (as many
 * sizes as outputs, none negative, summing to x's length along the axis). T.split slices x at
 * the running sums of the sizes, and slices clamp, so without this a wrong size would silently
 * give shorter or empty parts.
 */
public record SplitCheckOp(int axis, int nSplits) implements ValueCheckOp {
    @Override
    public String name() { return "SplitCheck{axis=" + axis + ", n=" + nSplits + "}"; }

    @Override
    public String checkedFunction() { return "split"; }

    @Override
    public int arity() { return 2; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        List<TensorType> out = ValueCheckOp.super.outputTypes(in);
        if (in.get(1).rank() != 1 || in.get(1).dtype().isFloat()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "split: splits_size must be a vector of integers, got " + in.get(1));
        }
        return out;
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SplitCheckOp that && axis == that.axis && nSplits == that.nSplits;
    }

    @Override
    public int hashCode() { return 31 * axis + nSplits; }
}
