package tdl.lib.theano;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Variable;
import tdl.graph.ops.BroadcastCheckOp;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.Runtime;
import tdl.interp.Sequences;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.tensor's shape helpers and closeness tests that are compositions of existing ops
 * (dimshuffle, reshape, concatenate, stack, elementwise): no new op, so their gradients are those
 * of the parts. TDL keeps no broadcastable flags (docs/decisions.md): {@code unbroadcast} is the
 * identity and {@code addbroadcast} checks at run time that the axes have length 1 (a check op).
 */
final class ShapeFunctions {
    private ShapeFunctions() {}

    static void install(TdlModule t) {
        put(t, "shape_padleft", (rt, a) -> {
            a.check(2, "t", "n_ones");
            Variable x = arg(rt, a, 0, "t");
            return padAt(rt, x, 0, integer(a.get(1, "n_ones", 1L), "n_ones"));
        });
        put(t, "shape_padright", (rt, a) -> {
            a.check(2, "t", "n_ones");
            Variable x = arg(rt, a, 0, "t");
            return padAt(rt, x, x.rank(), integer(a.get(1, "n_ones", 1L), "n_ones"));
        });
        put(t, "shape_padaxis", (rt, a) -> {
            a.check(2, "t", "axis");
            Variable x = arg(rt, a, 0, "t");
            return padAt(rt, x, newAxis(x, integer(a.get(1, "axis"), "axis")), 1);
        });
        put(t, "expand_dims", (rt, a) -> {
            a.check(2, "a", "axis");
            Variable x = arg(rt, a, 0, "a");
            return padAt(rt, x, newAxis(x, integer(a.get(1, "axis"), "axis")), 1);
        });
        put(t, "unbroadcast", (rt, a) -> arg(rt, a, 0, "x"));
        put(t, "addbroadcast", (rt, a) -> {
            Variable x = arg(rt, a, 0, "x");
            List<Integer> axes = new ArrayList<>();
            for (Object o : a.positional().subList(1, a.size())) axes.add(axis(x, integer(o, "axis")));
            return ones(rt, x, axes, "addbroadcast");
        });
        put(t, "patternbroadcast", (rt, a) -> {
            a.check(2, "x", "broadcastable");
            Variable x = arg(rt, a, 0, "x");
            List<?> pattern = Sequences.items(a.get(1, "broadcastable"));
            if (pattern == null || pattern.size() != x.rank()) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "patternbroadcast needs one True/False per axis of the rank-" + x.rank() + " input");
            }
            List<Integer> axes = new ArrayList<>();
            for (int i = 0; i < pattern.size(); i++) if (rt.truth(pattern.get(i))) axes.add(i);
            return ones(rt, x, axes, "patternbroadcast");
        });
        put(t, "horizontal_stack", (rt, a) -> matrices(rt, a, "horizontal_stack", 1));
        put(t, "vertical_stack", (rt, a) -> matrices(rt, a, "vertical_stack", 0));
        put(t, "stacklists", (rt, a) -> stacklists(rt, a.check(1, "arg").get(0, "arg")));
        put(t, "isclose", (rt, a) -> {
            a.check(5, "a", "b", "rtol", "atol", "equal_nan");
            return isclose(rt, arg(rt, a, 0, "a"), arg(rt, a, 1, "b"), number(a.get(2, "rtol", 1e-5)),
                    number(a.get(3, "atol", 1e-8)), rt.truth(a.get(4, "equal_nan", false)));
        });
        put(t, "allclose", (rt, a) -> {
            a.check(5, "a", "b", "rtol", "atol", "equal_nan");
            Variable close = isclose(rt, arg(rt, a, 0, "a"), arg(rt, a, 1, "b"), number(a.get(2, "rtol", 1e-5)),
                    number(a.get(3, "atol", 1e-8)), rt.truth(a.get(4, "equal_nan", false)));
            return Symbolic.ops(rt).all(close, null, false);
        });
    }

    private static void put(TdlModule m, String name, TdlCallable body) { m.put(name, new Builtin(name, body)); }

    private static Variable arg(Runtime rt, Args a, int i, String name) {
        return Symbolic.lift(rt, a.get(i, name), a.function() + "() argument '" + name + "'");
    }

    private static int integer(Object o, String what) {
        o = tdl.lib.numpy.NumpyConvert.plainNumbers(o);
        if (o instanceof Long || o instanceof Integer) return tdl.interp.Ints.toInt(((Number) o).longValue());
        throw new TdlError(ErrorKind.TYPE_ERROR, what + " must be an int, got " + (o == null ? "None" : o));
    }

    private static double number(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        throw new TdlError(ErrorKind.TYPE_ERROR, "rtol and atol must be numbers, got " + o);
    }

    /** A new axis index in [0, rank], negative counting from the end as numpy's expand_dims. */
    private static int newAxis(Variable x, int axis) {
        int r = x.rank();
        int a = axis < 0 ? axis + r + 1 : axis;
        if (a < 0 || a > r) throw new TdlError(ErrorKind.INDEX_ERROR, "axis " + axis + " is out of bounds for a new axis of a rank-" + r + " tensor");
        return a;
    }

    private static int axis(Variable x, int axis) {
        int r = x.rank();
        int a = axis < 0 ? axis + r : axis;
        if (a < 0 || a >= r) throw new TdlError(ErrorKind.INDEX_ERROR, "axis " + axis + " is out of bounds for a rank-" + r + " tensor");
        return a;
    }

    /**
     * as_tensor_variable(x, ndim=) and constant(x, ndim=), as Theano: missing leading axes are
     * padded; a variable with too many loses leading axes of length 1 (Theano strips its leading
     * broadcastable axes; TDL has no such flags, so the length is checked when the function runs);
     * a value with too many is Theano's ValueError.
     */
    static Variable withNdim(Runtime rt, Variable v, boolean wasVariable, Object ndimSpec) {
        if (ndimSpec == null) return v;
        int ndim = integer(ndimSpec, "ndim");
        if (v.rank() < ndim) return padAt(rt, v, 0, ndim - v.rank());
        if (v.rank() == ndim) return v;
        if (!wasVariable) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "ndarray could not be cast to constant with " + ndim + " dimensions",
                    "the value has " + v.rank() + " dimensions; reshape it first");
        }
        return new tdl.graph.ops.ExtraOps(Symbolic.ops(rt)).squeeze(v, java.util.stream.IntStream.range(0, v.rank() - ndim).toArray());
    }

    /** {@code n} new length-1 axes inserted before axis {@code at}. */
    private static Variable padAt(Runtime rt, Variable x, int at, int n) {
        if (n < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "n_ones must be >= 0, got " + n);
        int[] pattern = new int[x.rank() + n];
        int k = 0;
        for (int i = 0; i < at; i++) pattern[k++] = i;
        for (int i = 0; i < n; i++) pattern[k++] = -1;
        for (int i = at; i < x.rank(); i++) pattern[k++] = i;
        return Symbolic.ops(rt).dimshuffle(x, pattern);
    }

    /**
     * Theano's Rebroadcast: x, checked at run time to have length 1 at {@code axes} (a ValueError
     * naming {@code fn} and the axis; a reshape used to fail with numpy's "cannot reshape", or pass
     * an empty array). squeeze() knows the checked axes have length 1 (ExtraOps.knownUnitAxes).
     */
    private static Variable ones(Runtime rt, Variable x, List<Integer> axes, String fn) {
        if (axes.isEmpty() || declares(x, axes)) return x;
        int mask = 0;
        for (int i : axes) mask |= 1 << i;
        String what = x.name() != null ? "'" + x.name() + "'" : "its input";
        return Symbolic.ops(rt).apply(new BroadcastCheckOp(fn, what, mask, false,
                "only an axis of length 1 can be made broadcastable; use T.unbroadcast or drop " + fn), x);
    }

    /** Whether x is an input declared broadcastable on every axis of {@code axes}: its calls check them already. */
    private static boolean declares(Variable x, List<Integer> axes) {
        boolean[] p = x.broadcastable();
        if (p == null) return false;
        for (int i : axes) if (!p[i]) return false;
        return true;
    }

    private static Variable matrices(Runtime rt, Args a, String name, int axis) {
        List<Variable> xs = new ArrayList<>();
        for (Object o : a.positional()) xs.add(Symbolic.lift(rt, o, name + "() argument"));
        for (Variable x : xs) {
            if (x.rank() != 2) throw new TdlError(ErrorKind.TYPE_ERROR, name + " takes matrices, got a rank-" + x.rank() + " tensor",
                    "use T.concatenate([...], axis=" + axis + ") for other ranks");
        }
        return Symbolic.ops(rt).concatenate(xs, axis);
    }

    private static Variable stacklists(Runtime rt, Object arg) {
        List<?> items = Sequences.items(arg);
        if (items == null) return Symbolic.lift(rt, arg, "a stacklists() element");
        List<Variable> parts = new ArrayList<>();
        for (Object o : items) parts.add(stacklists(rt, o));
        return Symbolic.ops(rt).stack(parts, 0);
    }

    private static Variable isclose(Runtime rt, Variable a, Variable b, double rtol, double atol, boolean equalNan) {
        return Symbolic.ops(rt).isclose(a, b, rtol, atol, equalNan);
    }
}
