package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/**
 * The {@code axis}-th coordinate of each true entry of a boolean mask, in row-major order:
 * {@code mask.nonzero()[axis]}. Inputs are (mask, x), where x is the array the mask indexes; its
 * shape is only read (from axis {@code offset} on, where the mask starts), to raise numpy's IndexError when the mask does not fit x's leading axes
 * (turning x[mask] into x[nz0, nz1, ...] would otherwise pick a subset silently).
 */
public record MaskIndexOp(int axis, int offset) implements Op {
    @Override
    public String name() { return "MaskIndex{" + axis + (offset == 0 ? "" : ", from " + offset) + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("a boolean index", in, 2);
        TensorType mask = in.get(0), x = in.get(1);
        if (mask.dtype() != DType.BOOL) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "a boolean index must have dtype bool, got " + mask);
        }
        if (mask.rank() == 0 || offset + mask.rank() > x.rank()) {
            throw new GraphError(ErrorKind.INDEX_ERROR, "a boolean index of rank " + mask.rank()
                    + " cannot index a tensor of rank " + x.rank(), "the mask must cover the leading axes of x (rank 1 to " + x.rank() + ")");
        }
        if (axis < 0 || axis >= mask.rank()) throw new GraphError(ErrorKind.VALUE_ERROR, "MaskIndex axis out of range: " + axis);
        return List.of(new TensorType(DType.INT64, 1));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) { return Arrays.asList(null, null); }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof MaskIndexOp that
                && axis == that.axis
                && offset == that.offset;
    }

    @Override
    public int hashCode() {
        int h = axis;
        h = 31 * h + offset;
        return h;
    }
}
