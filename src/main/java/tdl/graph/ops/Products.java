package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.GraphError;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * The N-d products (numpy's dot, tensordot, matmul; Theano's batched_dot, batched_tensordot) as
 * Theano builds them (_tensordot_as_dot): move the summed axes together, reshape both operands to
 * matrices (or batches of matrices), multiply with {@link DotOp} or {@link BatchedDotOp}, reshape
 * back. Only the two primitives need gradients; dimshuffle and reshape carry the rest.
 */
final class Products {
    private Products() {}

    /** numpy's dot: a's last axis with b's second-to-last (its only one when b is a vector). */
    static Variable dot(TensorOps t, Variable a, Variable b) {
        if (a.rank() == 0 || b.rank() == 0) return t.mul(a, b);
        if (a.rank() <= 2 && b.rank() <= 2) return t.apply(DotOp.PLAIN, a, b);
        return tensordot(t, a, b, new int[] {a.rank() - 1}, new int[] {Math.max(0, b.rank() - 2)}, "dot");
    }

    /** tensordot(a, b, n): a's last n axes with b's first n. */
    static Variable tensordot(TensorOps t, Variable a, Variable b, int n) {
        if (n < 0) throw new GraphError(ErrorKind.VALUE_ERROR, "tensordot: axes must be >= 0, got " + n);
        for (Variable v : List.of(a, b)) {
            if (n > v.rank()) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "tensordot: axes = " + n + " is larger than the rank of "
                        + (v == a ? "a" : "b") + " (" + v.rank() + ")", "pass axes as a number <= both ranks, or as [[a axes], [b axes]]");
            }
        }
        int[] ax = new int[n], bx = new int[n];
        for (int i = 0; i < n; i++) {
            ax[i] = a.rank() - n + i;
            bx[i] = i;
        }
        return tensordot(t, a, b, ax, bx, "tensordot");
    }

    /** tensordot(a, b, [axesA, axesB]): sums a's axesA[i] with b's axesB[i]; a's free axes, then b's. */
    static Variable tensordot(TensorOps t, Variable a, Variable b, int[] axesA, int[] axesB, String what) {
        return contract(t, a, b, axesA, axesB, false, what);
    }

    /** batched_tensordot(a, b, n): axis 0 is the batch; a's last n axes with b's axes 1..n. */
    static Variable batchedTensordot(TensorOps t, Variable a, Variable b, int n) {
        for (Variable v : List.of(a, b)) {
            if (n < 0 || n >= v.rank()) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "batched_tensordot: axes = " + n + " must be below the rank of "
                        + (v == a ? "a" : "b") + " (" + v.rank() + "): axis 0 is the batch axis",
                        "pass fewer axes, or [[a axes], [b axes]] without 0");
            }
        }
        int[] ax = new int[n], bx = new int[n];
        for (int i = 0; i < n; i++) {
            ax[i] = a.rank() - n + i;
            bx[i] = 1 + i;
        }
        return contract(t, a, b, ax, bx, true, "batched_tensordot");
    }

    static Variable batchedTensordot(TensorOps t, Variable a, Variable b, int[] axesA, int[] axesB) {
        return contract(t, a, b, axesA, axesB, true, "batched_tensordot");
    }

    /** Theano's batched_dot: out[i] = dot(a[i], b[i]) over the leading (batch) axis. */
    static Variable batchedDot(TensorOps t, Variable a, Variable b) {
        int ra = a.rank(), rb = b.rank();
        if (ra == 0 || rb == 0) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "batched_dot: " + (ra == 0 ? "a" : "b") + " must have at least one (batch) axis");
        }
        if (ra == 1) return t.mul(t.dimshuffle(a, padded(0, rb)), b); // a[i] * b[i]: a scales each batch entry
        if (rb == 1) return t.mul(a, t.dimshuffle(b, padded(0, ra)));
        if (ra > 3 || rb > 3) {
            return contract(t, a, b, new int[] {ra - 1}, new int[] {Math.max(1, rb - 2)}, true, "batched_dot");
        }
        // rank 2 operands become (B, 1, k) and (B, k, 1) for the rank-3 op; the padding axis is read off after
        Variable a3 = ra == 2 ? t.dimshuffle(a, 0, -1, 1) : a;
        Variable b3 = rb == 2 ? t.dimshuffle(b, 0, 1, -1) : b;
        Variable out = t.apply(new BatchedDotOp(), a3, b3);
        List<Index> idx = new ArrayList<>(List.of(Index.ALL, ra == 2 ? zero(t) : Index.ALL));
        if (rb == 2) idx.add(zero(t));
        return ra == 2 || rb == 2 ? t.subtensor(out, idx) : out;
    }

    /**
     * numpy's matmul (the @ operator): dot for a matrix or vector on the right; a stack of
     * matrices on both sides multiplies pairwise. The broadcasting forms numpy adds beyond these
     * (a batch of 1, rank-4 stacks) are refused rather than guessed.
     */
    static Variable matmul(TensorOps t, Variable a, Variable b) {
        int ra = a.rank(), rb = b.rank();
        if (ra == 0 || rb == 0) {
            throw new GraphError(ErrorKind.VALUE_ERROR, "matmul: input operand " + (ra == 0 ? 0 : 1) + " does not have enough dimensions",
                    "use * to scale by a scalar");
        }
        if (rb <= 2) return dot(t, a, b);
        if (ra == 1) return dot(t, a, b); // (k,) @ (B, k, m) is (B, m), as dot
        if (ra == 2 && rb == 3) return t.dimshuffle(dot(t, a, b), 1, 0, 2); // (n, k) @ (B, k, m) is (B, n, m)
        if (ra == 3 && rb == 3) return batchedDot(t, a, b);
        throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR, "matmul (@) of ranks " + ra + " and " + rb + " is not supported",
                "reshape to stacks of matrices (rank 3) and use T.batched_dot, or T.tensordot");
    }

    private static Index zero(TensorOps t) { return new Index.Scalar(t.constant(0L)); }

    /** dimshuffle pattern keeping axis `keep` and adding new axes up to rank r. */
    private static int[] padded(int keep, int r) {
        int[] p = new int[r];
        java.util.Arrays.fill(p, -1);
        p[0] = keep;
        return p;
    }

    /**
     * The general contraction: a's axes aAxes with b's bAxes (same count, distinct, in range,
     * negative from the end; the batch axis 0 excluded when batched). Result: [batch,] a's free
     * axes in order, b's free axes in order.
     */
    private static Variable contract(TensorOps t, Variable a, Variable b, int[] aAxes, int[] bAxes, boolean batched, String what) {
        if (aAxes.length != bAxes.length) {
            throw new GraphError(ErrorKind.VALUE_ERROR, what + ": the axes lists have different lengths (" + aAxes.length
                    + " and " + bAxes.length + ")", "sum over pairs of axes: [[a axes], [b axes]] with one b axis per a axis");
        }
        int n = aAxes.length, bx = batched ? 1 : 0;
        int[] sa = normalize(aAxes, a, batched, what, "a"), sb = normalize(bAxes, b, batched, what, "b");
        int outRank = a.rank() + b.rank() - 2 * n - bx;
        if (outRank > TensorType.MAX_RANK) {
            throw new GraphError(ErrorKind.VALUE_ERROR, what + " would give a result of rank " + outRank + "; TDL tensors have rank 0 to 4",
                    "sum over more axes, or reshape the operands first");
        }
        List<Integer> freeA = free(a.rank(), sa, bx), freeB = free(b.rank(), sb, bx);
        // a: [batch] free summed; b: [batch] summed free
        int[] pa = new int[a.rank()], pb = new int[b.rank()];
        int k = 0;
        if (batched) pa[k++] = 0;
        for (int f : freeA) pa[k++] = f;
        for (int s : sa) pa[k++] = s;
        k = 0;
        if (batched) pb[k++] = 0;
        for (int s : sb) pb[k++] = s;
        for (int f : freeB) pb[k++] = f;
        List<Integer> la = new ArrayList<>(), lb = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            la.add(sa[i]);
            lb.add(sb[i]);
        }
        // checked on the operands as given, so a mismatch names their shapes, not the reshaped ones
        Variable checked = t.apply(new AlignCheckOp(what, la, lb, batched), a, b);
        Variable at = t.dimshuffle(checked, pa), bt = t.dimshuffle(b, pb);
        List<Variable> aShape = new ArrayList<>(), bShape = new ArrayList<>(), outShape = new ArrayList<>();
        if (batched) {
            aShape.add(t.shapeAt(at, 0));
            bShape.add(t.shapeAt(bt, 0));
            outShape.add(t.shapeAt(at, 0));
        }
        aShape.add(product(t, at, bx, bx + freeA.size()));
        aShape.add(product(t, at, bx + freeA.size(), a.rank()));
        bShape.add(product(t, bt, bx, bx + n));
        bShape.add(product(t, bt, bx + n, b.rank()));
        for (int i = bx; i < bx + freeA.size(); i++) outShape.add(t.shapeAt(at, i));
        for (int i = bx + n; i < b.rank(); i++) outShape.add(t.shapeAt(bt, i));
        Variable a2 = t.reshape(at, aShape), b2 = t.reshape(bt, bShape);
        Variable out = batched ? t.apply(new BatchedDotOp(), a2, b2) : t.apply(DotOp.PLAIN, a2, b2);
        if (outShape.isEmpty()) return t.subtensor(out, List.of(zero(t), zero(t))); // a full contraction: the (1, 1) product
        return t.reshape(out, outShape);
    }

    private static int[] normalize(int[] axes, Variable v, boolean batched, String what, String name) {
        int[] out = new int[axes.length];
        boolean[] seen = new boolean[v.rank()];
        for (int i = 0; i < axes.length; i++) {
            int ax = axes[i] < 0 ? axes[i] + v.rank() : axes[i];
            if (ax < 0 || ax >= v.rank()) {
                throw new GraphError(ErrorKind.VALUE_ERROR, what + ": axis " + axes[i] + " is out of range for " + name
                        + " of rank " + v.rank());
            }
            if (batched && ax == 0) {
                throw new GraphError(ErrorKind.VALUE_ERROR, what + ": the axes to sum over must not include the batch axis 0 of " + name);
            }
            if (seen[ax]) throw new GraphError(ErrorKind.VALUE_ERROR, what + ": axis " + axes[i] + " of " + name + " is repeated");
            seen[ax] = true;
            out[i] = ax;
        }
        return out;
    }

    private static List<Integer> free(int rank, int[] summed, int from) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < rank; i++) {
            boolean s = false;
            for (int x : summed) s |= x == i;
            if (!s) out.add(i);
        }
        return out;
    }

    /** The product of v's dimensions from..to-1 as an int64 scalar (1 when the range is empty). */
    private static Variable product(TensorOps t, Variable v, int from, int to) {
        Variable p = null;
        for (int i = from; i < to; i++) p = p == null ? t.shapeAt(v, i) : t.mul(p, t.shapeAt(v, i));
        return p == null ? t.constant(1L) : p;
    }
}
