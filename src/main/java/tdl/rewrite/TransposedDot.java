package tdl.rewrite;

import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.DimShuffleOp;
import tdl.graph.ops.DotOp;

/**
 * {@code dot(a.T, b) -> Dot{TN}(a, b)}, {@code dot(a, b.T) -> Dot{NT}(a, b)} for matrices (and
 * both at once): the kernel multiplies with EJML's multTransA/multTransB instead of materialising
 * a transposed copy. {@code a.T} is {@code DimShuffle{1,0}} of a matrix.
 */
public final class TransposedDot implements Rewrite {
    private static final DimShuffleOp TRANSPOSE = DimShuffleOp.of(1, 0);

    @Override
    public String name() { return "TransposedDot"; }

    @Override
    public Variable apply(Apply node) {
        if (!(node.op() instanceof DotOp dot)) return null;
        Variable a = node.inputs().get(0), b = node.inputs().get(1);
        if (a.rank() != 2 || b.rank() != 2) return null;
        Variable a0 = untransposed(a), b0 = untransposed(b);
        if (a0 == null && b0 == null) return null;
        DotOp op = new DotOp(a0 != null ? !dot.transA() : dot.transA(), b0 != null ? !dot.transB() : dot.transB());
        return Apply.make(op, List.of(a0 != null ? a0 : a, b0 != null ? b0 : b), node.origin()).output();
    }

    private static Variable untransposed(Variable v) {
        Apply o = v.owner();
        return o != null && TRANSPOSE.equals(o.op()) && o.inputs().get(0).rank() == 2 ? o.inputs().get(0) : null;
    }
}
