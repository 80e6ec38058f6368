package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/** Softmax along the last axis (row-wise for a matrix), computed stably by subtracting the max. */
public record SoftmaxOp() implements Op {
    @Override
    public String name() { return "Softmax"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("softmax", in, 1);
        TensorType x = in.get(0);
        if (x.rank() < 1) throw new GraphError(ErrorKind.TYPE_ERROR, "softmax needs a vector or matrix, got " + x);
        return List.of(x.dtype().isFloat() ? x : x.withDtype(DType.FLOAT64));
    }

    /** d softmax: (g - sum(g * sm, last axis)) * sm. */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        Variable x = node.inputs().get(0);
        if (g == null || !x.dtype().isFloat()) return Arrays.asList((Variable) null);
        TensorOps t = new TensorOps(node::origin);
        Variable sm = node.output();
        Variable dot = t.sum(t.mul(g, sm), new int[] {x.rank() - 1}, true);
        return List.of(t.mul(t.sub(g, dot), sm));
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) { return o instanceof SoftmaxOp; }

    @Override
    public int hashCode() { return 2091785307; }
}
