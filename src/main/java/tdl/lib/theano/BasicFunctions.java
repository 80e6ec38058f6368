package tdl.lib.theano;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.DType;
import tdl.graph.Variable;
import tdl.graph.ops.ExtraOps;
import tdl.graph.ops.Index;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.SplitCheckOp;
import tdl.graph.ops.TensorOps;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.tensor.basic/subtensor functions built from other ops, with Theano 1.0's signatures:
 * take, split, tri, round(mode), largest, smallest, max_and_argmax.
 */
final class BasicFunctions {
    private BasicFunctions() {}

    static void install(TdlModule t) {
        put(t, "take", BasicFunctions::take);
        put(t, "split", BasicFunctions::split);
        put(t, "tri", BasicFunctions::tri);
        put(t, "round", BasicFunctions::round);
        put(t, "largest", (rt, a) -> extreme(rt, a, true));
        put(t, "smallest", (rt, a) -> extreme(rt, a, false));
        put(t, "max_and_argmax", (rt, a) -> {
            a.check(3, "a", "axis", "keepdims");
            Variable x = arg(rt, a, 0, "a");
            Object axis = a.get(1, "axis", null);
            boolean keep = rt.truth(a.get(2, "keepdims", false));
            Integer ax = axis == null ? null : Symbolic.axis(rt, axis, "max_and_argmax");
            return new tdl.interp.TdlTuple(List.of(ops(rt).max(x, ax == null ? null : new int[] {ax}, keep), ops(rt).argmax(x, ax, keep)));
        });
    }

    /** A tensor method (x.take(indices, axis)): the function with x first. */
    static TdlCallable method(String function, Variable self) {
        if (!function.equals("take")) return null;
        return (rt, a) -> {
            List<Object> pos = new ArrayList<>();
            pos.add(self);
            pos.addAll(a.positional());
            return take(rt, new Args(function, pos, a.keywords()));
        };
    }

    /**
     * take(a, indices, axis=None, mode='raise'): numpy.take, as Theano builds it from advanced
     * indexing (out of range is an IndexError); axis None indexes the flattened a. 'clip' clamps
     * the indices into range and 'wrap' takes them modulo the length.
     */
    private static Object take(Runtime rt, Args a) {
        a.check(4, "a", "indices", "axis", "mode");
        TensorOps t = ops(rt);
        Variable x = arg(rt, a, 0, "a"), idx = arg(rt, a, 1, "indices");
        if (idx.dtype().isFloat()) throw new TdlError(ErrorKind.TYPE_ERROR, "take: indices must be integers, got " + idx.type());
        Object axisSpec = a.get(2, "axis", null);
        if (axisSpec == null) x = t.flatten(x, 1);
        int axis = axisSpec == null ? 0 : Symbolic.axis(rt, axisSpec, "take");
        if (axis < -x.rank() || axis >= x.rank()) {
            throw new TdlError(ErrorKind.AXIS_ERROR, "axis " + axis + " is out of bounds for a rank-" + x.rank() + " tensor");
        }
        if (axis < 0) axis += x.rank();
        Object mode = a.get(3, "mode", "raise");
        Variable n = t.shapeAt(x, axis);
        if ("clip".equals(mode)) idx = t.clip(t.cast(idx, DType.INT64), t.constant(0L), t.sub(n, t.constant(1L)));
        else if ("wrap".equals(mode)) idx = t.mod(t.cast(idx, DType.INT64), n);
        else if (!"raise".equals(mode)) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "take: mode must be 'raise', 'wrap' or 'clip', got " + rt.repr(mode));
        }
        List<Index> index = new ArrayList<>();
        for (int i = 0; i < axis; i++) index.add(Index.ALL);
        index.add(idx.rank() == 0 ? new Index.Scalar(idx) : new Index.Vector(idx));
        return t.subtensor(x, index);
    }

    /**
     * split(x, splits_size, n_splits, axis=0): a list of n_splits parts of x along axis, of the
     * given sizes. The sizes are checked when the function runs, as Theano's Split does.
     */
    private static Object split(Runtime rt, Args a) {
        a.check(4, "x", "splits_size", "n_splits", "axis");
        TensorOps t = ops(rt);
        Variable x = arg(rt, a, 0, "x");
        Variable sizes = t.cast(arg(rt, a, 1, "splits_size"), DType.INT64);
        int n = ExtraFunctions.constInt(a.get(2, "n_splits"), "n_splits");
        int axis = Symbolic.axis(rt, a.get(3, "axis", 0L), "split");
        if (x.rank() == 0) throw new TdlError(ErrorKind.VALUE_ERROR, "split: cannot split a scalar");
        if (axis < -x.rank() || axis >= x.rank()) {
            throw new TdlError(ErrorKind.AXIS_ERROR, "axis " + axis + " is out of bounds for a rank-" + x.rank() + " tensor");
        }
        if (axis < 0) axis += x.rank();
        if (n < 1) throw new TdlError(ErrorKind.VALUE_ERROR, "split: n_splits must be at least 1, got " + n);
        Variable checked = t.apply(new SplitCheckOp(axis, n), x, sizes);
        Variable ends = new ExtraOps(t).cumsum(sizes, 0);
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Variable lo = i == 0 ? t.constant(0L) : at(t, ends, i - 1), hi = at(t, ends, i);
            List<Index> index = new ArrayList<>();
            for (int d = 0; d < axis; d++) index.add(Index.ALL);
            index.add(new Index.Range(lo, hi, null));
            parts.add(t.subtensor(checked, index));
        }
        return parts;
    }

    private static Variable at(TensorOps t, Variable v, int i) { return t.subtensor(v, List.of(new Index.Scalar(t.constant((long) i)))); }

    /** tri(N, M=None, k=0, dtype=None): ones at and below diagonal k, in floatX unless dtype says. */
    private static Object tri(Runtime rt, Args a) {
        a.check(4, "N", "M", "k", "dtype");
        TensorOps t = ops(rt);
        Variable n = arg(rt, a, 0, "N");
        Object mSpec = a.get(1, "M", null);
        Variable m = mSpec == null ? n : Symbolic.lift(rt, mSpec, "tri() argument 'M'");
        for (Variable v : List.of(n, m)) {
            if (v.rank() != 0 || v.dtype().isFloat()) throw new TdlError(ErrorKind.TYPE_ERROR, "tri: N and M must be integer scalars, got " + v.type());
        }
        int k = ExtraFunctions.constInt(a.get(2, "k", 0L), "k");
        DType dtype = Symbolic.dtype(rt, a.get(3, "dtype", null), Symbolic.floatX(rt));
        Variable i = t.dimshuffle(t.arange(t.cast(n, DType.INT64)), 0, -1);
        Variable j = t.dimshuffle(t.arange(t.cast(m, DType.INT64)), -1, 0);
        return t.cast(t.le(j, t.add(i, t.constant((long) k))), dtype);
    }

    /** round(a, mode=None): Theano 1.0's default is half_to_even (numpy's). */
    static Object round(Runtime rt, Args a) {
        a.check(2, "a", "mode");
        Variable x = arg(rt, a, 0, "a");
        Object mode = a.get(1, "mode", null);
        if (mode == null || "half_to_even".equals(mode)) return ops(rt).elemwise(Scalar.ROUND, x);
        if ("half_away_from_zero".equals(mode)) return ops(rt).elemwise(Scalar.ROUND_HALF_AWAY_FROM_ZERO, x);
        throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "round mode " + rt.str(mode) + " is not implemented",
                "use mode='half_to_even' (the default) or 'half_away_from_zero'");
    }

    /**
     * largest/smallest(*args) as Theano 1.0 builds them: two arguments are a switch (on a tie the
     * second gets the gradient), more are the max/min of their stack along a new first axis.
     */
    private static Object extreme(Runtime rt, Args a, boolean largest) {
        a.check(Integer.MAX_VALUE);
        TensorOps t = ops(rt);
        List<Variable> xs = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) xs.add(arg(rt, a, i, "arg"));
        if (xs.isEmpty()) throw new TdlError(ErrorKind.TYPE_ERROR, (largest ? "largest" : "smallest") + "() needs at least one argument");
        if (xs.size() == 2) {
            Variable p = xs.get(0), q = xs.get(1);
            return t.switchOp(largest ? t.gt(p, q) : t.lt(p, q), p, q);
        }
        Variable s = t.stack(xs, 0);
        return largest ? t.max(s, new int[] {0}, false) : t.min(s, new int[] {0}, false);
    }

    private static void put(TdlModule m, String name, TdlCallable body) { m.put(name, new Builtin(name, body)); }

    private static TensorOps ops(Runtime rt) { return Symbolic.ops(rt); }

    private static Variable arg(Runtime rt, Args a, int i, String name) {
        return Symbolic.lift(rt, a.get(i, name), a.function() + "() argument '" + name + "'");
    }
}
