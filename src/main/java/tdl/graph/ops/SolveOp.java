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
 * theano.tensor.slinalg.solve: x with A x = b, for a square A and a vector or matrix b. A
 * triangular structure reads only that triangle of A (scipy's solve_triangular); symmetric and
 * general solve the full system.
 */
public record SolveOp(Structure structure) implements Op {
    public enum Structure { GENERAL, SYMMETRIC, LOWER_TRIANGULAR, UPPER_TRIANGULAR }

    @Override
    public String name() { return "Solve{" + structure.name().toLowerCase(java.util.Locale.ROOT) + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("solve", in, 2);
        LinalgTypes.matrix("solve", in.get(0));
        TensorType b = in.get(1);
        if (b.rank() != 1 && b.rank() != 2) throw new GraphError(ErrorKind.TYPE_ERROR, "solve: b must be a vector or a matrix, got " + b);
        DType d = LinalgTypes.floatOf(DType.upcast(in.get(0).dtype(), b.dtype()));
        return List.of(new TensorType(d, b.rank()));
    }

    /**
     * Theano's rule (Giles): b_bar = solve(A^T, c_bar) with the transposed structure, A_bar =
     * -b_bar c^T (an outer product for vectors), kept to A's triangle for triangular solves.
     */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gc = outputGrads.get(0);
        if (gc == null) return Arrays.asList(null, null);
        TensorOps t = new TensorOps(node::origin);
        Variable a = node.inputs().get(0), b = node.inputs().get(1), c = node.output();
        Structure trans = switch (structure) {
            case LOWER_TRIANGULAR -> Structure.UPPER_TRIANGULAR;
            case UPPER_TRIANGULAR -> Structure.LOWER_TRIANGULAR;
            default -> structure;
        };
        Variable gb = t.apply(new SolveOp(trans), t.transpose(a), gc);
        Variable ga = t.neg(c.rank() == 1 ? t.outer(gb, c) : t.dot(gb, t.transpose(c)));
        ExtraOps e = new ExtraOps(t);
        if (structure == Structure.LOWER_TRIANGULAR) ga = e.tril(ga, 0);
        if (structure == Structure.UPPER_TRIANGULAR) ga = e.triu(ga, 0);
        return Arrays.asList(a.dtype().isFloat() ? ga : null, b.dtype().isFloat() ? gb : null);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SolveOp that
                && java.util.Objects.equals(structure, that.structure);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(structure);
        return h;
    }
}
