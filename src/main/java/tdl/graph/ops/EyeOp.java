package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/** eye(n, m, k): ones on diagonal k of an n-by-m matrix. */
public record EyeOp(int k, DType dtype) implements Op {
    @Override
    public String name() { return "Eye{" + k + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("eye", in, 2);
        Ops.intScalar("eye", "n", in.get(0));
        Ops.intScalar("eye", "m", in.get(1));
        return List.of(new TensorType(dtype, 2));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) { return Arrays.asList(null, null); }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof EyeOp that
                && k == that.k
                && java.util.Objects.equals(dtype, that.dtype);
    }

    @Override
    public int hashCode() {
        int h = k;
        h = 31 * h + java.util.Objects.hashCode(dtype);
        return h;
    }
}
