package tdl.graph.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/**
 * The graph-building vocabulary of theano.tensor.extra_ops, theano.tensor.sort and the shape
 * helpers beyond {@link TensorOps}: cumsum, diff, repeat, squeeze, tile, roll, fill_diagonal,
 * to_one_hot, bincount, specify_shape, var/std with ddof, sort/argsort, nonzero, norm, tril/triu,
 * diagonals. Composites are built from primitive ops (so their gradients are the parts'); only
 * CumOp, RepeatOp, BincountOp, SpecifyShapeOp, ArgSortOp and Take/PutAlongAxisOp are new ops.
 * Axes given here may be negative; they are normalised against the input's rank.
 */
public final class ExtraOps {
    private final TensorOps t;

    public ExtraOps(TensorOps t) {
        this.t = t;
    }

    // ---- helpers ----

    /** x reversed along {@code axis} (x[..., ::-1, ...]). */
    public Variable reverse(Variable x, int axis) {
        List<Index> idx = new ArrayList<>();
        for (int i = 0; i < axis; i++) idx.add(Index.ALL);
        idx.add(new Index.Range(null, null, t.constant(-1L)));
        return t.subtensor(x, idx);
    }

    /** x with axis {@code from} moved to position {@code to}, the others in order. */
    public Variable moveAxis(Variable x, int from, int to) {
        if (from == to) return x;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < x.rank(); i++) if (i != from) order.add(i);
        order.add(to, from);
        return t.dimshuffle(x, order.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int axis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw new GraphError(ErrorKind.AXIS_ERROR, "axis " + axis + " is out of bounds for a tensor of rank " + rank);
        return a;
    }

    private Variable slice(Variable x, int axis, Variable lo, Variable hi) {
        List<Index> idx = new ArrayList<>();
        for (int i = 0; i < axis; i++) idx.add(Index.ALL);
        idx.add(new Index.Range(lo, hi, null));
        return t.subtensor(x, idx);
    }

    private Variable product(List<Variable> dims) {
        Variable p = null;
        for (Variable d : dims) p = p == null ? d : t.mul(p, d);
        return p == null ? t.constant(1L) : p;
    }

    private List<Variable> dims(Variable x) {
        List<Variable> out = new ArrayList<>();
        for (int i = 0; i < x.rank(); i++) out.add(t.shapeAt(x, i));
        return out;
    }

    // ---- extra_ops ----

    public Variable cumsum(Variable x, Integer axis) { return cum(false, x, axis); }

    public Variable cumprod(Variable x, Integer axis) { return cum(true, x, axis); }

    private Variable cum(boolean product, Variable x, Integer axis) {
        return t.apply(new CumOp(product, axis == null ? null : axis(axis, x.rank())), x);
    }

    /** numpy.diff: x[1:] - x[:-1] along axis, n times. */
    public Variable diff(Variable x, int n, int axis) {
        if (n < 0) throw new GraphError(ErrorKind.VALUE_ERROR, "order must be non-negative but got " + n);
        if (x.rank() == 0) throw new GraphError(ErrorKind.VALUE_ERROR, "diff requires input that is at least one dimensional");
        int a = axis(axis, x.rank());
        Variable y = x;
        for (int i = 0; i < n; i++) y = t.sub(slice(y, a, t.constant(1L), null), slice(y, a, null, t.constant(-1L)));
        return y;
    }

    public Variable repeat(Variable x, Variable repeats, Integer axis) {
        return t.apply(new RepeatOp(axis == null ? null : axis(axis, x.rank())), x, repeats);
    }

    /**
     * Theano's squeeze drops the broadcastable axes; TDL types keep no such flags, so with no axes this
     * drops the axes the graph proves have length 1 ({@link #knownUnitAxes}). Explicit axes are
     * dropped as numpy does, with a run-time error when one is not of length 1.
     */
    public Variable squeeze(Variable x, int[] axes) {
        boolean[] drop = new boolean[x.rank()];
        if (axes == null) drop = knownUnitAxes(x);
        else for (int a : axes) drop[axis(a, x.rank())] = true;
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < drop.length; i++) if (!drop[i]) keep.add(i);
        return keep.size() == x.rank() ? x : t.dimshuffle(x, keep.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The axes of x that have length 1 whatever the inputs' values: declared broadcastable axes of
     * inputs and shared variables, axes addbroadcast checks, new axes of a dimshuffle
     * (shape_padleft, x[None]), axes kept by keepdims reductions, constants' length-1 axes, and
     * elementwise results where every operand has length 1. The rest are unknown (false). The walk
     * stops after {@link #UNIT_AXES_DEPTH} nodes (deep graphs must not overflow the stack; stopping
     * early only leaves axes unknown, so nothing is squeezed that should not be).
     */
    public static boolean[] knownUnitAxes(Variable x) { return knownUnitAxes(x, UNIT_AXES_DEPTH); }

    private static final int UNIT_AXES_DEPTH = 64;

    private static boolean[] knownUnitAxes(Variable x, int depth) {
        boolean[] out = new boolean[x.rank()];
        if (x instanceof Constant c) {
            for (int i = 0; i < out.length; i++) out[i] = c.value().dim(i) == 1;
            return out;
        }
        if (x.owner() == null) {
            boolean[] declared = x.broadcastable();  // T.row, T.col, broadcastable=: checked on every value
            return declared != null ? declared : out;
        }
        if (depth == 0) return out;
        var op = x.owner().op();
        List<Variable> in = x.owner().inputs();
        if (op instanceof DimShuffleOp d) {
            boolean[] src = knownUnitAxes(in.get(0), depth - 1);
            for (int i = 0; i < out.length; i++) out[i] = d.pattern().get(i) < 0 || src[d.pattern().get(i)];
        } else if (op instanceof ReduceOp r && r.keepdims()) {
            boolean[] src = knownUnitAxes(in.get(0), depth - 1);
            for (int i = 0; i < out.length; i++) out[i] = r.reduces(i) || src[i];
        } else if (op instanceof BroadcastCheckOp b) {
            boolean[] src = knownUnitAxes(in.get(0), depth - 1);
            for (int i = 0; i < out.length; i++) out[i] = src[i] || (b.axes() >> i & 1) != 0;
        } else if (op instanceof CastOp || op instanceof SpecifyShapeOp) {
            return knownUnitAxes(in.get(0), depth - 1);
        } else if (op instanceof ElemwiseOp) {
            Arrays.fill(out, true);
            for (Variable v : in) {
                boolean[] s = knownUnitAxes(v, depth - 1);
                int off = out.length - s.length;
                for (int i = 0; i < s.length; i++) out[off + i] &= s[i];
            }
        } else if (op instanceof AllocOp) {
            for (int i = 0; i < out.length; i++) out[i] = in.get(i + 1) instanceof Constant c && c.value().get(0) == 1;
        } else if (op instanceof ReshapeOp && in.get(1) instanceof Constant c) {
            for (int i = 0; i < out.length; i++) out[i] = c.value().get(i) == 1;
        }
        return out;
    }

    /** a copy of matrix a with its main diagonal set to val (numpy.fill_diagonal, not in place). */
    public Variable fillDiagonal(Variable a, Variable val) { return fillDiagonalOffset(a, val, 0); }

    /** a copy of matrix a with diagonal {@code offset} (above the main one when positive) set to val. */
    public Variable fillDiagonalOffset(Variable a, Variable val, int offset) {
        if (a.rank() != 2) {
            throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR, "fill_diagonal of a rank-" + a.rank() + " tensor",
                    "TDL fills the diagonal of matrices");
        }
        if (val.rank() != 0) throw new GraphError(ErrorKind.TYPE_ERROR, "fill_diagonal: val must be a scalar, got " + val.type());
        Variable[] rc = diagonalIndices(a, offset);
        return t.setSubtensor(a, List.of(new Index.Vector(rc[0]), new Index.Vector(rc[1])), t.cast(val, a.dtype()));
    }

    /** Row and column indices of diagonal {@code offset} of matrix a. */
    private Variable[] diagonalIndices(Variable a, int offset) {
        Variable n = t.shapeAt(a, 0), m = t.shapeAt(a, 1);
        if (offset == 0) { // the common case, without the offset arithmetic
            Variable k = t.arange(t.minimum(n, m));
            return new Variable[] {k, k};
        }
        Variable off = t.constant((long) Math.abs(offset));
        Variable len = offset >= 0 ? t.minimum(n, t.sub(m, off)) : t.minimum(t.sub(n, off), m);
        Variable k = t.arange(t.maximum(len, t.constant(0L)));
        return offset >= 0 ? new Variable[] {k, t.add(k, off)} : new Variable[] {t.add(k, off), k};
    }

    /** Theano's to_one_hot: zeros (len(y), nb_class) with a 1 at [i, y[i]] (an out-of-range label is an IndexError). */
    public Variable toOneHot(Variable y, Variable nbClass, DType dtype) {
        if (y.rank() != 1 || y.dtype().isFloat()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "to_one_hot: y must be a vector of integer labels, got " + y.type());
        }
        Variable n = t.shapeAt(y, 0);
        Variable z = t.zeros(dtype, n, t.cast(nbClass, DType.INT64));
        return t.setSubtensor(z, List.of(new Index.Vector(t.arange(n)), new Index.Vector(y)), t.constant(dtype, 1));
    }

    public Variable bincount(Variable x, Variable weights, Variable minlength) {
        Variable ml = minlength == null ? t.constant(0L) : minlength;
        return weights == null ? t.apply(new BincountOp(false), x, ml) : t.apply(new BincountOp(true), x, weights, ml);
    }

    /** Theano's roll: the last shift (mod n) entries along axis moved to the front; axis None rolls the flattened x. */
    public Variable roll(Variable x, Variable shift, Integer axis) {
        if (x.rank() == 0) throw new GraphError(ErrorKind.VALUE_ERROR, "roll needs a tensor of rank 1 or more");
        if (axis == null && x.rank() > 1) return t.reshape(roll(t.flatten(x, 1), shift, 0), t.shape(x), x.rank());
        int a = axis == null ? 0 : axis(axis, x.rank());
        Variable s = t.mod(t.cast(shift, DType.INT64), t.shapeAt(x, a));
        Variable front = slice(x, a, t.neg(s), null), back = slice(x, a, null, t.neg(s));
        return t.concatenate(List.of(front, back), a);
    }

    /**
     * numpy.tile: reps (integer scalars) padded with 1s on the left to max(ndim, x.ndim, len(reps)),
     * x padded with length-1 axes on the left. Built one axis at a time (x viewed as (A, 1, B),
     * broadcast to (A, r, B)), so no intermediate passes rank 4.
     */
    public Variable tile(Variable x, List<Variable> reps, Integer ndim) {
        int nd = Math.max(x.rank(), reps.size());
        if (ndim != null) {
            if (ndim < x.rank()) throw new GraphError(ErrorKind.VALUE_ERROR, "ndim should be equal or larger than x.ndim");
            if (ndim < reps.size()) throw new GraphError(ErrorKind.VALUE_ERROR, "len(reps) should be equal or less than ndim");
            nd = ndim;
        }
        List<Variable> r = new ArrayList<>();
        for (int i = reps.size(); i < nd; i++) r.add(t.constant(1L));
        for (Variable v : reps) {
            if (v.rank() != 0 || v.dtype().isFloat()) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "elements of reps must be scalars of integer dtype, got " + v.type());
            }
            r.add(t.cast(v, DType.INT64));
        }
        int[] pad = new int[nd];
        for (int i = 0; i < nd; i++) pad[i] = i < nd - x.rank() ? -1 : i - (nd - x.rank());
        Variable y = t.dimshuffle(x, pad);
        for (int a = 0; a < nd; a++) {
            Variable rep = r.get(a);
            if (rep instanceof Constant c && c.value().get(0) == 1) continue;
            List<Variable> d = dims(y);
            Variable before = product(d.subList(0, a)), after = product(d.subList(a, nd));
            Variable y3 = t.reshape(y, List.of(before, t.constant(1L), after));
            y3 = t.alloc(y3, before, rep, after);
            List<Variable> nd2 = new ArrayList<>(d);
            nd2.set(a, t.mul(rep, d.get(a)));
            y = t.reshape(y3, nd2);
        }
        return y;
    }

    public Variable specifyShape(Variable x, List<Variable> shape) {
        SpecifyShapeOp.checkLength(x.rank(), shape.size());
        List<Variable> dims = new ArrayList<>();
        for (Variable d : shape) dims.add(t.cast(d, DType.INT64));
        Variable sv = dims.isEmpty() ? t.intVector() : t.stack(dims, 0);
        return t.apply(new SpecifyShapeOp(), x, sv);
    }

    // ---- reductions ----

    /**
     * var with numpy's ddof: sum((x - mean)^2) / (N - ddof), N the number of reduced elements
     * (Theano 1.0 divides by (n_i - ddof) once per reduced axis, which differs from numpy for
     * several axes; TDL follows numpy, see docs/decisions.md). corrected subtracts
     * sum(x - mean)^2 / (N (N - ddof)), Theano's corrected two-pass term.
     */
    public Variable var(Variable x, int[] axes, int ddof, boolean keepdims, boolean corrected) {
        if (ddof == 0 && !corrected) return t.var(x, axes, keepdims);
        Variable centred = t.sub(x, t.mean(x, axes, true));
        DType fd = centred.dtype().isFloat() ? centred.dtype() : DType.FLOAT64;
        List<Variable> counted = new ArrayList<>();
        for (int a = 0; a < x.rank(); a++) if (axes == null || contains(axes, a, x.rank())) counted.add(t.shapeAt(x, a));
        Variable n = t.cast(product(counted), fd);
        Variable dof = t.sub(n, t.constant(fd, ddof));
        Variable v = t.trueDiv(t.sum(t.sqr(centred), axes, keepdims), dof);
        if (corrected) v = t.sub(v, t.trueDiv(t.sqr(t.sum(centred, axes, keepdims)), t.mul(n, dof)));
        return v;
    }

    public Variable std(Variable x, int[] axes, int ddof, boolean keepdims, boolean corrected) {
        return t.sqrt(var(x, axes, ddof, keepdims, corrected));
    }

    private static boolean contains(int[] axes, int a, int rank) {
        for (int x : axes) if ((x < 0 ? x + rank : x) == a) return true;
        return false;
    }

    /** Theano's x.norm(L, axis, keepdims): sum(|x|^L)^(1/L); L = 0 and infinite L are not implemented, as there. */
    public Variable norm(Variable x, double l, int[] axes, boolean keepdims) {
        if (l == 0 || Double.isInfinite(l) || Double.isNaN(l)) {
            throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR, "norm with L = " + (Double.isInfinite(l) ? "inf" : l) + " is not implemented",
                    "use T.max(abs(x)) for the infinity norm, or (x != 0).sum() to count non-zeros");
        }
        Variable a = t.abs(x);
        Variable p = l == 1 ? a : l == 2 ? t.sqr(a) : t.pow(a, l);
        Variable s = t.sum(p, axes, keepdims);
        return l == 1 ? s : l == 2 ? t.sqrt(s) : t.pow(s, 1.0 / l);
    }

    /** numpy.ptp: max - min over axes (all when null). */
    public Variable ptp(Variable x, int[] axes) { return t.sub(t.max(x, axes, false), t.min(x, axes, false)); }

    /** x with axes a1 and a2 exchanged. */
    public Variable swapaxes(Variable x, int a1, int a2) {
        int i = axis(a1, x.rank()), j = axis(a2, x.rank());
        int[] p = new int[x.rank()];
        for (int k = 0; k < p.length; k++) p[k] = k == i ? j : k == j ? i : k;
        return t.dimshuffle(x, p);
    }

    // ---- sorting ----

    /** sort along axis (None: the flattened x); the gradient routes to the positions the values came from. */
    public Variable sort(Variable x, Integer axis) {
        Variable xa = axis == null ? t.flatten(x, 1) : x;
        int a = axis == null ? 0 : axis(axis, x.rank());
        return t.apply(new TakeAlongAxisOp(a), xa, t.apply(new ArgSortOp(a), xa));
    }

    public Variable argsort(Variable x, Integer axis) {
        Variable xa = axis == null ? t.flatten(x, 1) : x;
        return t.apply(new ArgSortOp(axis == null ? 0 : axis(axis, x.rank())), xa);
    }

    // ---- nonzero ----

    /** One int64 vector per axis: the coordinates of the non-zero entries in row-major order. */
    public List<Variable> nonzero(Variable x) {
        if (x.rank() == 0) {
            throw new GraphError(ErrorKind.VALUE_ERROR, "nonzero is not defined for a 0-d tensor", "use x.flatten() first");
        }
        Variable mask = x.dtype() == DType.BOOL ? x : t.neq(x, t.constant(x.dtype(), 0));
        List<Variable> out = new ArrayList<>();
        for (int a = 0; a < x.rank(); a++) out.add(t.apply(new MaskIndexOp(a, 0), mask, mask));
        return out;
    }

    public Variable flatnonzero(Variable x) {
        if (x.rank() == 0) throw new GraphError(ErrorKind.VALUE_ERROR, "flatnonzero is not defined for a 0-d tensor");
        return nonzero(t.flatten(x, 1)).get(0);
    }

    public Variable nonzeroValues(Variable x) {
        Variable flat = t.flatten(x, 1);
        return t.subtensor(flat, List.of(new Index.Vector(flatnonzero(x))));
    }

    // ---- triangles and diagonals ----

    /** Lower triangle of the last two axes: entries with j <= i + k (others zero). */
    public Variable tril(Variable x, int k) { return t.mul(x, t.cast(tri(x, k), x.dtype())); }

    /** Upper triangle: entries with j >= i + k. */
    public Variable triu(Variable x, int k) { return t.mul(x, t.cast(t.not(tri(x, k - 1)), x.dtype())); }

    private Variable tri(Variable x, int k) {
        if (x.rank() < 2) throw new GraphError(ErrorKind.VALUE_ERROR, "tril/triu need a tensor of rank 2 or more, got " + x.type());
        Variable i = t.dimshuffle(t.arange(t.shapeAt(x, -2)), 0, -1);
        Variable j = t.dimshuffle(t.arange(t.shapeAt(x, -1)), -1, 0);
        return t.le(j, t.add(i, t.constant((long) k)));
    }

    /** The diagonal {@code offset} of a matrix as a vector. */
    public Variable extractDiag(Variable x, int offset) {
        if (x.rank() != 2) {
            throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR, "the diagonal of a rank-" + x.rank() + " tensor",
                    "TDL takes diagonals of matrices; index or reshape to a matrix first");
        }
        Variable[] rc = diagonalIndices(x, offset);
        return t.subtensor(x, List.of(new Index.Vector(rc[0]), new Index.Vector(rc[1])));
    }

    /** A square matrix of zeros with v on diagonal {@code offset} (numpy.diag of a vector). */
    public Variable allocDiag(Variable v, int offset) {
        if (v.rank() != 1) throw new GraphError(ErrorKind.TYPE_ERROR, "alloc_diag needs a vector, got " + v.type());
        Variable n = t.add(t.shapeAt(v, 0), t.constant((long) Math.abs(offset)));
        Variable[] rc = diagonalIndices(t.zeros(v.dtype(), n, n), offset);
        return t.setSubtensor(t.zeros(v.dtype(), n, n), List.of(new Index.Vector(rc[0]), new Index.Vector(rc[1])), v);
    }

    /** numpy.diag: a vector gives a matrix with it on diagonal k; a matrix gives its diagonal k. */
    public Variable diag(Variable v, int k) {
        if (v.rank() == 1) return allocDiag(v, k);
        if (v.rank() == 2) return extractDiag(v, k);
        throw new GraphError(ErrorKind.VALUE_ERROR, "diag: input must be 1- or 2-d, got " + v.type());
    }

    public Variable trace(Variable x) {
        if (x.rank() != 2) throw new GraphError(ErrorKind.TYPE_ERROR, "trace needs a matrix, got " + x.type());
        return t.sum(extractDiag(x, 0));
    }
}
