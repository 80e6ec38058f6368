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
 * numpy dot for operands of rank 0 to 2, with optional transposition of matrix operands (so a
 * rewrite can turn dot(a.T, b) into one EJML multTransA). Flags are ignored for non-matrices:
 * transposing a vector is the identity.
 */
public record DotOp(boolean transA, boolean transB) implements Op {
    public static final DotOp PLAIN = new DotOp(false, false);

    @Override
    public String name() {
        return transA || transB ? "Dot{" + (transA ? "T" : "N") + (transB ? "T" : "N") + "}" : "Dot";
    }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        if (in.size() != 2) throw new GraphError(ErrorKind.TYPE_ERROR, "dot takes 2 operands, got " + in.size());
        int ra = in.get(0).rank(), rb = in.get(1).rank();
        if (ra > 2 || rb > 2) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "dot needs rank <= 2 operands, got rank " + Math.max(ra, rb)
                    + " (operands " + in.get(0) + " and " + in.get(1) + ")",
                    "reshape or flatten the operand to a matrix first");
        }
        if (in.get(0).dtype() == DType.BOOL || in.get(1).dtype() == DType.BOOL) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "dot of a bool operand (" + in.get(0) + ", " + in.get(1) + ")",
                    "cast it first with T.cast(x, 'float64')");
        }
        int r = ra == 0 ? rb : rb == 0 ? ra : ra + rb - 2;
        return List.of(new TensorType(DType.upcast(in.get(0).dtype(), in.get(1).dtype()), r));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        Variable a = node.inputs().get(0), b = node.inputs().get(1);
        List<Variable> res = new ArrayList<>(List.of(a, b));
        res.set(0, null);
        res.set(1, null);
        if (g == null) return res;
        TensorOps t = new TensorOps(node::origin);
        int ra = a.rank(), rb = b.rank();
        Variable ga, gb;
        if (ra == 0 || rb == 0) { // a scalar operand makes dot a broadcasting product
            ga = ra == 0 && rb > 0 ? t.sum(t.mul(g, b), null, false) : t.mul(g, b);
            gb = rb == 0 && ra > 0 ? t.sum(t.mul(g, a), null, false) : t.mul(g, a);
        } else if (ra == 1 && rb == 1) {
            ga = t.mul(g, b);
            gb = t.mul(g, a);
        } else if (ra == 2 && rb == 2) {
            // C = opA(A) opB(B); dC/d opA(A) = g opB(B)^T, dC/d opB(B) = opA(A)^T g
            ga = transA ? t.apply(new DotOp(transB, true), b, g) : t.apply(new DotOp(false, !transB), g, b);
            gb = transB ? t.apply(new DotOp(true, transA), g, a) : t.apply(new DotOp(!transA, false), a, g);
        } else if (ra == 2) { // matrix . vector
            ga = transA ? t.outer(b, g) : t.outer(g, b);
            gb = t.apply(new DotOp(!transA, false), a, g);
        } else { // vector . matrix
            ga = t.apply(new DotOp(transB, false), b, g);
            gb = transB ? t.outer(g, a) : t.outer(a, g);
        }
        if (a.dtype().isFloat()) res.set(0, ga);
        if (b.dtype().isFloat()) res.set(1, gb);
        return res;
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DotOp that
                && transA == that.transA
                && transB == that.transB;
    }

    @Override
    public int hashCode() {
        int h = Boolean.hashCode(transA);
        h = 31 * h + Boolean.hashCode(transB);
        return h;
    }
}
