package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/** x.shape as an int64 vector (its length is x's rank). */
public record ShapeOp() implements Op {
    @Override
    public String name() { return "Shape"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("shape", in, 1);
        return List.of(new TensorType(DType.INT64, 1));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) { return Arrays.asList((Variable) null); }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) { return o instanceof ShapeOp; }

    @Override
    public int hashCode() { return 1571327298; }
}
