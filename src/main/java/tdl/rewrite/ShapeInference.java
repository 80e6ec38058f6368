package tdl.rewrite;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.AllocOp;
import tdl.graph.ops.CastOp;
import tdl.graph.ops.DimShuffleOp;
import tdl.graph.ops.DotOp;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.FlattenOp;
import tdl.graph.ops.FusedElemwiseOp;
import tdl.graph.ops.GradModifierOp;
import tdl.graph.ops.IncSubtensorOp;
import tdl.graph.ops.IndexSpec;
import tdl.graph.ops.JoinOp;
import tdl.graph.ops.RandomOp;
import tdl.graph.ops.ReduceOp;
import tdl.graph.ops.ReshapeOp;
import tdl.graph.ops.ShapeOp;
import tdl.graph.ops.SoftmaxOp;
import tdl.graph.ops.SpecifyShapeOp;
import tdl.graph.ops.SubtensorOp;
import tdl.graph.ops.SumToShapeOp;

/**
 * Symbolic run-time shapes (Theano's ShapeFeature and each op's {@code infer_shape}): for a variable,
 * one {@link Dim} per axis, computed from its inputs' shapes by a rule per op. Rules exist for
 * elementwise ops (plain and fused, with broadcasting), dot in every transpose form, reductions,
 * dimshuffle, alloc, cast, sum_to_shape, softmax, inc/set_subtensor, basic indexing (points, ':' and
 * constant slices of known sizes), join, random draws, specify_shape, reshape (to sizes that
 * cannot be -1) and flatten; any other op, and any
 * axis a rule cannot decide, gets {@link Dim.Of} of its own output: "not inferred", never a guess.
 *
 * <p>Broadcasting without broadcastable flags: an elementwise result's axis is known only when every
 * operand's size there is the constant 1 or one and the same dim; {@code add(x, y)} of two unknown
 * sizes could be either (one may be 1 at run time), so that axis stays {@code Of(add, axis)}.
 *
 * <p>Nodes are immutable, so a variable's shape never changes: one instance memoizes across the
 * sweeps of a phase. Not thread-safe; one per pipeline run. Iterative, so deep graphs do not
 * overflow the stack.
 */
public final class ShapeInference {
    private final Map<Variable, List<Dim>> memo = new IdentityHashMap<>();

    /** One dim per axis of v (a list of v.rank() entries). */
    public List<Dim> shapeOf(Variable v) {
        List<Dim> known = memo.get(v);
        if (known != null) return known;
        Deque<Variable> todo = new ArrayDeque<>();
        todo.push(v);
        while (!todo.isEmpty()) {
            Variable cur = todo.peek();
            if (memo.containsKey(cur)) {
                todo.pop();
                continue;
            }
            boolean ready = true;
            for (Variable d : needs(cur)) {
                if (!memo.containsKey(d)) {
                    todo.push(d);
                    ready = false;
                }
            }
            if (ready) {
                memo.put(cur, List.copyOf(rule(cur)));
                todo.pop();
            }
        }
        return memo.get(v);
    }

    /** Whether a and b provably have the same shape at run time. */
    public boolean sameShape(Variable a, Variable b) {
        return a == b || (a.rank() == b.rank() && shapeOf(a).equals(shapeOf(b)));
    }

    /** Whether v provably holds one element (every axis the constant 1; rank 0 included). */
    public boolean isSingleton(Variable v) {
        for (Dim d : shapeOf(v)) if (!d.isOne()) return false;
        return true;
    }

    /**
     * Whether a value of shape {@code small} provably broadcasts to exactly {@code big}: at most as
     * many axes, and each (aligned from the right) the constant 1 or equal to big's.
     */
    public static boolean broadcastsTo(List<Dim> small, List<Dim> big) {
        if (small.size() > big.size()) return false;
        int off = big.size() - small.size();
        for (int i = 0; i < small.size(); i++) {
            Dim d = small.get(i);
            if (!d.isOne() && !d.equals(big.get(off + i))) return false;
        }
        return true;
    }

    /** The dims of alloc(value, d0, ..., dn-1): the size arguments, read as dims. */
    public List<Dim> allocDims(Apply alloc) {
        List<Dim> dims = new ArrayList<>();
        for (int i = 1; i < alloc.inputs().size(); i++) dims.add(dimOfScalar(alloc.inputs().get(i)));
        return dims;
    }

    /** The dim an integer scalar stands for, when used as a size. */
    public Dim dimOfScalar(Variable s) {
        if (s instanceof Constant c && c.value().size() == 1) return new Dim.Known((long) c.value().get(0));
        Variable src = shapeSource(s);
        if (src != null) return shapeOf(src).get(shapeAxis(s));
        return new Dim.Value(s);
    }

    // ---- which shapes a rule reads ----

    private List<Variable> needs(Variable v) {
        Apply a = v.owner();
        if (a == null || a.outputs().size() != 1) return List.of();
        List<Variable> in = a.inputs();
        Object op = a.op();
        if (op instanceof ElemwiseOp || op instanceof FusedElemwiseOp || op instanceof DotOp || op instanceof JoinOp) return in;
        if (op instanceof SumToShapeOp) return List.of(in.get(1));
        if (op instanceof DimShuffleOp || op instanceof ReduceOp || op instanceof CastOp || op instanceof SoftmaxOp
                || op instanceof IncSubtensorOp || op instanceof GradModifierOp || op instanceof SubtensorOp || op instanceof FlattenOp) {
            return List.of(in.get(0));
        }
        if (op instanceof AllocOp) return sourcesOfScalars(in.subList(1, in.size()));
        if (op instanceof SpecifyShapeOp) {
            List<Variable> res = new ArrayList<>(sourcesOfVector(in.get(1)));
            res.add(in.get(0));
            return res;
        }
        if (op instanceof RandomOp) return sourcesOfVector(in.get(0));
        if (op instanceof ReshapeOp) return sourcesOfVector(in.get(1));
        return List.of();
    }

    private List<Variable> sourcesOfScalars(List<Variable> scalars) {
        List<Variable> res = new ArrayList<>();
        for (Variable s : scalars) {
            Variable src = shapeSource(s);
            if (src != null) res.add(src);
        }
        return res;
    }

    private List<Variable> sourcesOfVector(Variable vec) {
        Apply a = vec.owner();
        if (a != null && a.op() instanceof ShapeOp) return List.of(a.inputs().get(0));
        List<Variable> parts = stackedScalars(vec);
        return parts == null ? List.of() : sourcesOfScalars(parts);
    }

    // ---- the rules ----

    private List<Dim> rule(Variable v) {
        if (v instanceof Constant c) return known(c.value().shape());
        Apply a = v.owner();
        if (a == null || a.outputs().size() != 1) return unknown(v);
        List<Variable> in = a.inputs();
        Object op = a.op();
        List<Dim> r = null;
        if (op instanceof ElemwiseOp || op instanceof FusedElemwiseOp) r = broadcast(v, in);
        else if (op instanceof DotOp d) r = dot(d, in.get(0), in.get(1));
        else if (op instanceof DimShuffleOp d) r = dimshuffle(d, shapeOf(in.get(0)));
        else if (op instanceof ReduceOp red) r = reduce(red, shapeOf(in.get(0)));
        else if (op instanceof AllocOp) r = allocDims(a);
        else if (op instanceof SumToShapeOp) r = shapeOf(in.get(1));
        else if (op instanceof CastOp || op instanceof SoftmaxOp || op instanceof IncSubtensorOp || op instanceof GradModifierOp) r = shapeOf(in.get(0));
        else if (op instanceof ShapeOp) r = List.of(new Dim.Known(in.get(0).rank()));
        else if (op instanceof SubtensorOp s) r = subtensor(v, s.idx(), in);
        else if (op instanceof JoinOp j) r = join(v, j.axis(), in);
        else if (op instanceof SpecifyShapeOp) {
            r = dimsOfVector(in.get(1), v.rank());
            if (r == null) r = shapeOf(in.get(0));
        } else if (op instanceof RandomOp rnd && !rnd.kind().addsAxis()) r = dimsOfVector(in.get(0), v.rank());
        else if (op instanceof ReshapeOp) r = reshape(v, in.get(1));
        else if (op instanceof FlattenOp) r = flatten(v, shapeOf(in.get(0)));
        if (r == null || r.size() != v.rank()) return unknown(v);
        return r;
    }

    private static List<Dim> unknown(Variable v) {
        List<Dim> r = new ArrayList<>();
        for (int i = 0; i < v.rank(); i++) r.add(new Dim.Of(v, i));
        return r;
    }

    private static List<Dim> known(int[] shape) {
        List<Dim> r = new ArrayList<>();
        for (int s : shape) r.add(new Dim.Known(s));
        return r;
    }

    /**
     * numpy broadcasting, aligned from the right: an axis is the one dim all operands share there,
     * ignoring the constant 1s; when two operands disagree (either may be 1 at run time) it is not
     * inferred.
     */
    private List<Dim> broadcast(Variable out, List<Variable> in) {
        int rank = out.rank();
        List<Dim> r = new ArrayList<>();
        for (int axis = 0; axis < rank; axis++) {
            Dim shared = null;
            boolean clash = false;
            for (Variable x : in) {
                int k = axis - (rank - x.rank());
                if (k < 0) continue;
                Dim d = shapeOf(x).get(k);
                if (d.isOne()) continue;
                if (shared == null) shared = d;
                else if (!shared.equals(d)) clash = true;
            }
            r.add(clash ? new Dim.Of(out, axis) : shared == null ? Dim.ONE : shared);
        }
        return r;
    }

    /** numpy dot of rank 0 to 2; the transpose flags only matter for matrices. */
    private List<Dim> dot(DotOp op, Variable a, Variable b) {
        List<Dim> sa = shapeOf(a), sb = shapeOf(b);
        if (a.rank() == 0) return sb;
        if (b.rank() == 0) return sa;
        List<Dim> r = new ArrayList<>();
        if (a.rank() == 2) r.add(sa.get(op.transA() ? 1 : 0));
        if (b.rank() == 2) r.add(sb.get(op.transB() ? 0 : 1));
        return r;
    }

    private static List<Dim> dimshuffle(DimShuffleOp op, List<Dim> in) {
        List<Dim> r = new ArrayList<>();
        for (int p : op.pattern()) r.add(p < 0 ? Dim.ONE : in.get(p));
        return r;
    }

    private static List<Dim> reduce(ReduceOp op, List<Dim> in) {
        List<Dim> r = new ArrayList<>();
        for (int a = 0; a < in.size(); a++) {
            if (!op.reduces(a)) r.add(in.get(a));
            else if (op.keepdims()) r.add(Dim.ONE);
        }
        return r;
    }

    /** x[i, :, lo:hi] with points (dropped axes), ':' (kept), and constant slices of a known size. */
    private List<Dim> subtensor(Variable out, List<IndexSpec> idx, List<Variable> in) {
        List<Dim> x = shapeOf(in.get(0));
        List<Dim> r = new ArrayList<>();
        int input = 1;
        for (int axis = 0; axis < x.size(); axis++) {
            if (axis >= idx.size()) {
                r.add(x.get(axis));
                continue;
            }
            IndexSpec s = idx.get(axis);
            if (s instanceof IndexSpec.Point) {
                input++;
                continue;
            }
            IndexSpec.Slice sl = (IndexSpec.Slice) s;
            Variable lo = sl.lo() ? in.get(input++) : null, hi = sl.hi() ? in.get(input++) : null, step = sl.step() ? in.get(input++) : null;
            if (lo == null && hi == null && step == null) r.add(x.get(axis));
            else r.add(constantSlice(x.get(axis), lo, hi, step, new Dim.Of(out, r.size())));
        }
        return r;
    }

    /** The length of x[lo:hi:step] on an axis of known size with constant bounds (numpy's rule), else {@code otherwise}. */
    private static Dim constantSlice(Dim size, Variable lo, Variable hi, Variable step, Dim otherwise) {
        if (!(size instanceof Dim.Known k)) return otherwise;
        Long a = intConstant(lo), b = intConstant(hi), c = intConstant(step);
        if ((lo != null && a == null) || (hi != null && b == null) || (step != null && c == null)) return otherwise;
        long n = k.size(), st = c == null ? 1 : c;
        if (st == 0) return otherwise; // an error at run time: keep it there
        long start, stop;
        if (st > 0) {
            start = a == null ? 0 : clamp(a < 0 ? a + n : a, 0, n);
            stop = b == null ? n : clamp(b < 0 ? b + n : b, 0, n);
            return new Dim.Known(Math.max(0, (stop - start + st - 1) / st));
        }
        start = a == null ? n - 1 : clamp(a < 0 ? a + n : a, -1, n - 1);
        stop = b == null ? -1 : clamp(b < 0 ? b + n : b, -1, n - 1);
        return new Dim.Known(Math.max(0, (start - stop - st - 1) / -st));
    }

    private static long clamp(long v, long lo, long hi) { return Math.max(lo, Math.min(hi, v)); }

    private static Long intConstant(Variable v) {
        if (!(v instanceof Constant c) || c.value().size() != 1 || c.dtype().isFloat()) return null;
        return (long) c.value().get(0);
    }

    /** concatenate: the other axes are equal in every input (else a run-time error); the joined one adds up when known. */
    private List<Dim> join(Variable out, int axis, List<Variable> in) {
        List<Dim> r = new ArrayList<>();
        for (int a = 0; a < out.rank(); a++) {
            if (a == axis) {
                long total = 0;
                boolean allKnown = true;
                for (Variable x : in) {
                    if (shapeOf(x).get(a) instanceof Dim.Known k) total += k.size();
                    else allKnown = false;
                }
                r.add(allKnown ? new Dim.Known(total) : new Dim.Of(out, a));
            } else {
                Dim pick = shapeOf(in.get(0)).get(a);
                for (Variable x : in) if (shapeOf(x).get(a) instanceof Dim.Known k) pick = k;
                r.add(pick);
            }
        }
        return r;
    }

    /**
     * reshape(x, shape): the entries of the shape vector, when each is a size that cannot be the -1
     * that asks reshape to compute it (a constant >= 0, or a size read from a shape); any other
     * entry is not inferred.
     */
    private List<Dim> reshape(Variable out, Variable shape) {
        List<Dim> dims = dimsOfVector(shape, out.rank());
        if (dims == null) return null;
        List<Dim> r = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            Dim d = dims.get(i);
            boolean size = d instanceof Dim.Of || (d instanceof Dim.Known k && k.size() >= 0);
            r.add(size ? d : new Dim.Of(out, i));
        }
        return r;
    }

    /** flatten(x, outdim): the leading axes kept, the last the product of the rest (when all are known). */
    private static List<Dim> flatten(Variable out, List<Dim> in) {
        int outdim = out.rank();
        if (outdim == 0 || outdim > in.size()) return null;
        List<Dim> r = new ArrayList<>(in.subList(0, outdim - 1));
        List<Dim> rest = in.subList(outdim - 1, in.size());
        if (rest.size() == 1) {
            r.add(rest.get(0));
            return r;
        }
        long product = 1;
        for (Dim d : rest) {
            if (!(d instanceof Dim.Known k)) {
                r.add(new Dim.Of(out, outdim - 1));
                return r;
            }
            product *= k.size();
        }
        r.add(new Dim.Known(product));
        return r;
    }

    /** The dims an int vector of n entries holds: a constant, x.shape, or scalars stacked; else null. */
    private List<Dim> dimsOfVector(Variable vec, int n) {
        if (vec instanceof Constant c && c.rank() == 1 && c.value().size() == n) {
            List<Dim> r = new ArrayList<>();
            NDArray val = c.value();
            for (int i = 0; i < n; i++) r.add(new Dim.Known((long) val.get(i)));
            return r;
        }
        Apply a = vec.owner();
        if (a != null && a.op() instanceof ShapeOp && a.inputs().get(0).rank() == n) return shapeOf(a.inputs().get(0));
        List<Variable> parts = stackedScalars(vec);
        if (parts == null || parts.size() != n) return null;
        List<Dim> r = new ArrayList<>();
        for (Variable s : parts) r.add(dimOfScalar(s));
        return r;
    }

    /** The scalars of {@code stack([s0, s1, ...])} (a join of 'x'-dimshuffled scalars), else null. */
    private static List<Variable> stackedScalars(Variable vec) {
        Apply a = vec.owner();
        if (a == null || !(a.op() instanceof JoinOp j) || j.axis() != 0) return null;
        List<Variable> res = new ArrayList<>();
        for (Variable part : a.inputs()) {
            Apply p = part.owner();
            if (p == null || !(p.op() instanceof DimShuffleOp d) || !d.pattern().equals(List.of(-1))) return null;
            res.add(p.inputs().get(0));
        }
        return res;
    }

    /** x when s is {@code x.shape[c]} with a constant in-range c, else null. */
    static Variable shapeSource(Variable s) {
        Apply sub = s.owner();
        if (sub == null || !(sub.op() instanceof SubtensorOp st) || !st.idx().equals(List.of(IndexSpec.POINT))) return null;
        Apply shape = sub.inputs().get(0).owner();
        if (shape == null || !(shape.op() instanceof ShapeOp)) return null;
        Long c = intConstant(sub.inputs().get(1));
        int rank = shape.inputs().get(0).rank();
        if (c == null || c < -rank || c >= rank) return null;
        return shape.inputs().get(0);
    }

    /** The axis c of {@code x.shape[c]} (normalised); only after {@link #shapeSource} answered. */
    static int shapeAxis(Variable s) {
        Apply sub = s.owner();
        int rank = sub.inputs().get(0).owner().inputs().get(0).rank();
        long c = intConstant(sub.inputs().get(1));
        return (int) (c < 0 ? c + rank : c);
    }
}
