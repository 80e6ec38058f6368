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
 * ifelse(cond, a, b) on a scalar condition. Lazy in {@code Eager} and in compiled plans (only the
 * nodes the taken branch alone needs are computed; see tdl.function.LazyBranches).
 */
public record IfElseOp() implements Op {
    @Override
    public String name() { return "IfElse"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("ifelse", in, 3);
        Ops.scalar("ifelse", "the condition", in.get(0));
        if (in.get(1).rank() != in.get(2).rank()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "ifelse branches must have the same rank, got " + in.get(1) + " and " + in.get(2));
        }
        return List.of(in.get(1).withDtype(Ops.upcast(in, 1)));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        Variable c = node.inputs().get(0), a = node.inputs().get(1), b = node.inputs().get(2);
        if (g == null) return Arrays.asList(null, null, null);
        TensorOps t = new TensorOps(node::origin);
        return Arrays.asList(null,
                a.dtype().isFloat() ? t.ifelse(c, g, t.zerosLike(a)) : null,
                b.dtype().isFloat() ? t.ifelse(c, t.zerosLike(b), g) : null);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) { return o instanceof IfElseOp; }

    @Override
    public int hashCode() { return 785875095; }
}
