package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * A scalar function mapped over its inputs with numpy broadcasting (decided at run time from the
 * actual shapes). Output rank is the largest input rank (trailing dimensions align); output dtype
 * follows numpy/Theano: predicates give bool, true division and transcendental functions of
 * integers give float64, other arithmetic upcasts.
 */
public record ElemwiseOp(Scalar scalar) implements Op {

    @Override
    public String name() { return "Elemwise{" + scalar.pyName() + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        if (in.size() != scalar.arity()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, scalar.pyName() + " takes " + scalar.arity() + " argument(s), got " + in.size());
        }
        int rank = 0;
        for (TensorType t : in) rank = Math.max(rank, t.rank());
        return List.of(new TensorType(outDtype(scalar, in), rank));
    }

    /** The numpy result dtype of {@code s} on inputs of these types. */
    static DType outDtype(Scalar s, List<TensorType> in) {
        List<DType> dtypes = new ArrayList<>(in.size());
        for (TensorType t : in) dtypes.add(t.dtype());
        return s.dtypeRule().apply(dtypes);
    }

    /**
     * One rule per scalar function; every input gradient is summed back to that input's shape with
     * {@link SumToShapeOp}, because broadcasting is only known at run time (the rewrite phase may
     * drop it when it proves the shapes equal).
     */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        List<Variable> in = node.inputs();
        List<Variable> res = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) res.add(null);
        if (g == null || !node.output().dtype().isFloat()) return res;
        TensorOps t = new TensorOps(node::origin);
        Variable[] grads = scalar.derivative().of(t, in.toArray(Variable[]::new), node.output(), g);
        for (int i = 0; i < in.size(); i++) {
            Variable gi = grads[i];
            if (gi == null || !in.get(i).dtype().isFloat()) continue;
            res.set(i, t.sumToShape(gi, in.get(i)));
        }
        return res;
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ElemwiseOp that
                && java.util.Objects.equals(scalar, that.scalar);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(scalar);
        return h;
    }
}
