package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * A reduction over {@code axes} (sorted, non-negative; null = all axes), optionally keeping the
 * reduced axes as size 1. Use {@link TensorOps} to build one: it normalises negative axes.
 */
public record ReduceOp(Kind kind, List<Integer> axes, boolean keepdims) implements Op {
    public enum Kind { SUM, PROD, MAX, MIN, ALL, ANY }

    public ReduceOp {
        axes = axes == null ? null : List.copyOf(axes);
    }

    @Override
    public String name() {
        return kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT)
                + "{" + (axes == null ? "all" : axes.toString()) + (keepdims ? ", keepdims" : "") + "}";
    }

    /** Whether axis {@code a} of an input of rank {@code rank} is reduced. */
    public boolean reduces(int a) { return axes == null || axes.contains(a); }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        if (in.size() != 1) throw new GraphError(ErrorKind.TYPE_ERROR, name() + " takes 1 input, got " + in.size());
        TensorType x = in.get(0);
        int removed = x.rank();
        if (axes != null) {
            for (int a : axes) {
                if (a < 0 || a >= x.rank()) {
                    throw new GraphError(ErrorKind.VALUE_ERROR, "axis " + a + " is out of bounds for a tensor of rank " + x.rank());
                }
            }
            removed = axes.size();
        }
        int rank = keepdims ? x.rank() : x.rank() - removed;
        return List.of(new TensorType(outDtype(x.dtype()), rank));
    }

    private DType outDtype(DType in) {
        return switch (kind) {
            case ALL, ANY -> DType.BOOL;
            case SUM, PROD -> in.isFloat() ? in : DType.INT64; // numpy sums small ints as int64
            default -> in;
        };
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        Variable x = node.inputs().get(0);
        if (g == null || !x.dtype().isFloat() || kind == Kind.ALL || kind == Kind.ANY) return Arrays.asList((Variable) null);
        TensorOps t = new TensorOps(node::origin);
        Variable gk = keepdims ? g : restoreAxes(t, g, x.rank());
        Variable outK = keepdims ? node.output() : restoreAxes(t, node.output(), x.rank());
        Variable gx = switch (kind) {
            case SUM -> t.add(t.zerosLike(x), gk);
            case PROD -> prodGrad(t, x, gk, outK);
            case MAX, MIN -> t.mul(gk, t.cast(t.eq(x, outK), x.dtype())); // to every tied extreme
            default -> throw new AssertionError(kind);
        };
        return List.of(gx);
    }

    /**
     * Theano's Prod gradient (no_zeros_in_input=False): in a group without zeros, g * prod / x; in a
     * group with one zero, the zero gets g * (the product of the others, ProdWithoutZeros) and the
     * rest 0; with several zeros, 0 everywhere. Never NaN, and no NaN in an intermediate either (the
     * division is by x with its zeros replaced by 1), so --nan-guard stays quiet.
     */
    private Variable prodGrad(TensorOps t, Variable x, Variable gk, Variable outK) {
        int[] ax = axes == null ? null : axes.stream().mapToInt(Integer::intValue).toArray();
        Variable zero = t.constant(x.dtype(), 0), one = t.constant(x.dtype(), 1);
        Variable isZero = t.eq(x, zero);
        Variable zerosInGroup = t.sum(t.cast(isZero, x.dtype()), ax, true);
        Variable noZeros = t.trueDiv(t.mul(gk, outK), t.switchOp(isZero, one, x));
        Variable withoutZeros = t.prod(t.switchOp(isZero, one, x), ax, true);
        Variable oneZero = t.switchOp(isZero, t.mul(gk, withoutZeros), zero);
        return t.switchOp(t.eq(zerosInGroup, zero), noZeros, t.switchOp(t.eq(zerosInGroup, one), oneZero, zero));
    }

    /** Re-inserts the reduced axes as broadcastable size-1 axes. */
    private Variable restoreAxes(TensorOps t, Variable v, int rank) {
        List<Integer> pattern = new ArrayList<>();
        int src = 0;
        for (int a = 0; a < rank; a++) pattern.add(reduces(a) ? -1 : src++);
        int[] p = pattern.stream().mapToInt(Integer::intValue).toArray();
        return t.dimshuffle(v, p);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ReduceOp that
                && java.util.Objects.equals(kind, that.kind)
                && java.util.Objects.equals(axes, that.axes)
                && keepdims == that.keepdims;
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(kind);
        h = 31 * h + java.util.Objects.hashCode(axes);
        h = 31 * h + Boolean.hashCode(keepdims);
        return h;
    }
}
