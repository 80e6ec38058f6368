package tdl.lib.theano;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.graph.DType;
import tdl.graph.Variable;
import tdl.graph.ops.ExtraOps;
import tdl.graph.ops.Index;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.Runtime;
import tdl.interp.Sequences;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.tensor.extra_ops, theano.tensor.sort and the matching theano.tensor names (cumsum, repeat,
 * squeeze, tile, roll, sort, nonzero, var/std with ddof, ...) with Theano 1.0's signatures. The
 * tensor methods (x.cumsum(), x.sort(), x.std(ddof=1), ...) call the same functions with x first.
 */
final class ExtraFunctions {
    private ExtraFunctions() {}

    /** Names Theano 1.0 exports in theano.tensor itself; the rest of extra_ops lives only in the submodule. */
    private static final List<String> IN_TENSOR = List.of("cumsum", "cumprod", "bincount", "squeeze", "repeat", "fill_diagonal",
            "fill_diagonal_offset", "roll", "tile", "specify_shape", "sort", "argsort", "nonzero", "flatnonzero", "nonzero_values",
            "tril", "triu", "diag", "diagonal", "var", "std", "ptp", "swapaxes");

    /** The functions by name, read-only (the bodies keep no state, so sessions can share them). */
    private static final Map<String, Object> ALL = java.util.Collections.unmodifiableMap(define(new TdlModule("(extra)")).members());

    static void install(Runtime rt, TdlModule tensor) {
        for (String n : IN_TENSOR) tensor.put(n, ALL.get(n));
        TdlModule extra = new TdlModule("theano.tensor.extra_ops");
        for (String n : List.of("cumsum", "cumprod", "diff", "bincount", "squeeze", "repeat", "fill_diagonal", "fill_diagonal_offset",
                "to_one_hot")) extra.put(n, ALL.get(n));
        TdlModule sort = new TdlModule("theano.tensor.sort");
        sort.put("sort", ALL.get("sort")).put("argsort", ALL.get("argsort"));
        tensor.put("extra_ops", extra);
        rt.registerModule(extra);
        rt.registerModule(sort);
    }

    /** A tensor method: the module function with the variable as its first argument. */
    static TdlCallable method(String function, Variable self) {
        Object f = ALL.get(function);
        if (!(f instanceof Builtin b)) return null;
        return (rt, a) -> {
            List<Object> pos = new ArrayList<>();
            pos.add(self);
            pos.addAll(a.positional());
            return b.call(rt, new Args(function, pos, a.keywords()));
        };
    }

    private static void put(TdlModule m, String name, TdlCallable body) { m.put(name, new Builtin(name, body)); }

    private static TdlModule define(TdlModule m) {
        put(m, "cumsum", (rt, a) -> e(rt).cumsum(x(rt, a.check(2, "x", "axis"), "x"), optAxis(rt, a, 1, "cumsum")));
        put(m, "cumprod", (rt, a) -> e(rt).cumprod(x(rt, a.check(2, "x", "axis"), "x"), optAxis(rt, a, 1, "cumprod")));
        put(m, "diff", (rt, a) -> {
            a.check(3, "x", "n", "axis");
            return e(rt).diff(x(rt, a, "x"), constInt(a.get(1, "n", 1L), "n"), Symbolic.axis(rt, a.get(2, "axis", -1L), "diff"));
        });
        put(m, "repeat", (rt, a) -> {
            a.check(3, "x", "repeats", "axis");
            return e(rt).repeat(x(rt, a, "x"), arg(rt, a, 1, "repeats"), optAxis(rt, a, 2, "repeat"));
        });
        put(m, "squeeze", (rt, a) -> {
            a.check(2, "x", "axis");
            return e(rt).squeeze(x(rt, a, "x"), Symbolic.axes(a.get(1, "axis", null)));
        });
        put(m, "fill_diagonal", (rt, a) -> {
            a.check(2, "a", "val");
            return e(rt).fillDiagonal(arg(rt, a, 0, "a"), arg(rt, a, 1, "val"));
        });
        put(m, "fill_diagonal_offset", (rt, a) -> {
            a.check(3, "a", "val", "offset");
            return e(rt).fillDiagonalOffset(arg(rt, a, 0, "a"), arg(rt, a, 1, "val"), constInt(a.get(2, "offset"), "offset"));
        });
        put(m, "to_one_hot", (rt, a) -> {
            a.check(3, "y", "nb_class", "dtype");
            return e(rt).toOneHot(arg(rt, a, 0, "y"), arg(rt, a, 1, "nb_class"), Symbolic.dtype(rt, a.get(2, "dtype", null), Symbolic.floatX(rt)));
        });
        put(m, "bincount", (rt, a) -> {
            a.check(4, "x", "weights", "minlength", "assert_nonneg");
            Object w = a.get(1, "weights", null), ml = a.get(2, "minlength", null);
            return e(rt).bincount(x(rt, a, "x"), w == null ? null : Symbolic.lift(rt, w, "bincount() weights"),
                    ml == null ? null : Symbolic.lift(rt, ml, "bincount() minlength"));
        });
        put(m, "roll", (rt, a) -> {
            a.check(3, "x", "shift", "axis");
            return e(rt).roll(x(rt, a, "x"), arg(rt, a, 1, "shift"), optAxis(rt, a, 2, "roll"));
        });
        put(m, "tile", (rt, a) -> {
            a.check(3, "x", "reps", "ndim");
            Object nd = a.get(2, "ndim", null);
            Integer ndim = nd == null ? null : constInt(nd, "ndim");
            return e(rt).tile(x(rt, a, "x"), reps(rt, a.get(1, "reps"), ndim), ndim);
        });
        put(m, "specify_shape", (rt, a) -> {
            a.check(2, "x", "shape");
            Variable v = x(rt, a, "x");
            return e(rt).specifyShape(v, shapeEntries(rt, a.get(1, "shape"), v.rank()));
        });
        put(m, "sort", (rt, a) -> {
            a.check(4, "a", "axis", "kind", "order");
            checkKindOrder(a);
            return e(rt).sort(arg(rt, a, 0, "a"), optAxis(rt, a, 1, "sort", -1L));
        });
        put(m, "argsort", (rt, a) -> {
            a.check(4, "a", "axis", "kind", "order");
            checkKindOrder(a);
            return e(rt).argsort(arg(rt, a, 0, "a"), optAxis(rt, a, 1, "argsort", -1L));
        });
        put(m, "nonzero", (rt, a) -> {
            a.check(2, "a", "return_matrix");
            Variable v = arg(rt, a, 0, "a");
            List<Variable> nz = e(rt).nonzero(v);
            if (rt.truth(a.get(1, "return_matrix", false))) return Symbolic.ops(rt).stack(nz, 0);
            return new TdlTuple(new ArrayList<>(nz));
        });
        put(m, "flatnonzero", (rt, a) -> e(rt).flatnonzero(arg(rt, a.check(1, "a"), 0, "a")));
        put(m, "nonzero_values", (rt, a) -> e(rt).nonzeroValues(arg(rt, a.check(1, "a"), 0, "a")));
        put(m, "tril", (rt, a) -> e(rt).tril(arg(rt, a.check(2, "m", "k"), 0, "m"), constInt(a.get(1, "k", 0L), "k")));
        put(m, "triu", (rt, a) -> e(rt).triu(arg(rt, a.check(2, "m", "k"), 0, "m"), constInt(a.get(1, "k", 0L), "k")));
        put(m, "diag", (rt, a) -> e(rt).diag(arg(rt, a.check(2, "v", "k"), 0, "v"), constInt(a.get(1, "k", 0L), "k")));
        put(m, "diagonal", (rt, a) -> {
            a.check(4, "a", "offset", "axis1", "axis2");
            Variable v = arg(rt, a, 0, "a");
            int a1 = constInt(a.get(2, "axis1", 0L), "axis1"), a2 = constInt(a.get(3, "axis2", 1L), "axis2");
            if (v.rank() != 2) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "diagonal of a rank-" + v.rank() + " tensor",
                        "TDL takes diagonals of matrices; index or reshape to a matrix first");
            }
            a1 = a1 < 0 ? a1 + 2 : a1;
            a2 = a2 < 0 ? a2 + 2 : a2;
            if (a1 == a2 || a1 < 0 || a1 > 1 || a2 < 0 || a2 > 1) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "diagonal: axis1 and axis2 must be 0 and 1 (in either order) for a matrix");
            }
            return e(rt).extractDiag(a1 == 0 ? v : Symbolic.ops(rt).transpose(v), constInt(a.get(1, "offset", 0L), "offset"));
        });
        put(m, "ptp", (rt, a) -> e(rt).ptp(arg(rt, a.check(2, "a", "axis"), 0, "a"), Symbolic.axes(a.get(1, "axis", null))));
        put(m, "swapaxes", (rt, a) -> {
            a.check(3, "y", "axis1", "axis2");
            return e(rt).swapaxes(arg(rt, a, 0, "y"), constInt(a.get(1, "axis1"), "axis1"), constInt(a.get(2, "axis2"), "axis2"));
        });
        put(m, "var", (rt, a) -> varStd(rt, a, false));
        put(m, "std", (rt, a) -> varStd(rt, a, true));
        put(m, "norm", (rt, a) -> {
            a.check(4, "x", "L", "axis", "keepdims");
            Object l = a.get(1, "L");
            if (!(l instanceof Number n)) throw new TdlError(ErrorKind.TYPE_ERROR, "norm: L must be a number, got " + Symbolic.typeName(rt, l));
            return e(rt).norm(x(rt, a, "x"), n.doubleValue(), Symbolic.axes(a.get(2, "axis", null)), rt.truth(a.get(3, "keepdims", false)));
        });
        return m;
    }

    /** Theano 1.0's var/std(input, axis=None, ddof=0, keepdims=False, corrected=False). */
    private static Variable varStd(Runtime rt, Args a, boolean std) {
        a.check(5, "input", "axis", "ddof", "keepdims", "corrected");
        Object ddof = a.get(2, "ddof", 0L);
        if (ddof instanceof Boolean) {
            // a Theano 0.x call var(x, axis, keepdims) would silently read keepdims as ddof
            throw new TdlError(ErrorKind.VALUE_ERROR, "Parameter keepdims is now at index 3: (input, axis=None, ddof=0, keepdims=False, corrected=False)",
                    "pass keepdims=True by name");
        }
        Variable x = x(rt, a, "input");
        int[] axes = Symbolic.axes(a.get(1, "axis", null));
        ExtraOps ex = e(rt);
        int d = constInt(ddof, "ddof");
        boolean keep = rt.truth(a.get(3, "keepdims", false)), corrected = rt.truth(a.get(4, "corrected", false));
        if (axes != null) for (int ax : axes) checkAxis(ax, x.rank());
        return std ? ex.std(x, axes, d, keep, corrected) : ex.var(x, axes, d, keep, corrected);
    }

    private static void checkAxis(int ax, int rank) {
        if (ax < -rank || ax >= rank) throw new TdlError(ErrorKind.AXIS_ERROR, "axis " + ax + " is out of bounds for a rank-" + rank + " tensor");
    }

    private static void checkKindOrder(Args a) {
        Object order = a.get(3, "order", null);
        if (order != null) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "sort with order= (structured arrays) is not supported");
        Object kind = a.get(2, "kind", "quicksort");
        if (!List.of("quicksort", "mergesort", "heapsort", "stable").contains(kind)) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "sort kind must be one of 'quicksort', 'mergesort', 'heapsort', 'stable', got " + kind);
        }
    }

    private static ExtraOps e(Runtime rt) { return new ExtraOps(Symbolic.ops(rt)); }

    private static Variable x(Runtime rt, Args a, String name) { return arg(rt, a, 0, name); }

    private static Variable arg(Runtime rt, Args a, int i, String name) {
        return Symbolic.lift(rt, a.get(i, name), a.function() + "() argument '" + name + "'");
    }

    private static Integer optAxis(Runtime rt, Args a, int i, String fn) { return optAxis(rt, a, i, fn, null); }

    private static Integer optAxis(Runtime rt, Args a, int i, String fn, Object dflt) {
        Object spec = a.get(i, "axis", dflt);
        return spec == null ? null : Symbolic.axis(rt, spec, fn);
    }

    /** A Python int argument (a symbolic value is not accepted where Theano needs a constant). */
    static int constInt(Object o, String what) {
        if (o instanceof Long || o instanceof Integer || o instanceof java.math.BigInteger) return tdl.interp.Ints.intValue(o); // never a silent wrap
        if (o instanceof Variable) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, what + " must be a Python int here, not a symbolic value");
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, what + " must be an int, got " + (o == null ? "None" : o));
    }

    /** tile's reps: an int, a symbolic int scalar, a list/tuple of them, or a symbolic vector (with ndim). */
    private static List<Variable> reps(Runtime rt, Object spec, Integer ndim) {
        List<?> items = Sequences.items(spec);
        List<Variable> out = new ArrayList<>();
        if (items != null) {
            for (Object o : items) out.add(Symbolic.lift(rt, o, "a tile() repetition"));
            return out;
        }
        Variable v = Symbolic.lift(rt, spec, "tile() reps");
        if (v.rank() == 0) return List.of(v);
        if (v.rank() != 1) throw new TdlError(ErrorKind.VALUE_ERROR, "the dimension of reps should not exceed 1");
        if (ndim == null) throw new TdlError(ErrorKind.VALUE_ERROR, "if reps is tensor.vector, you should specify the ndim");
        Variable checked = new ExtraOps(Symbolic.ops(rt)).specifyShape(v, List.of(Symbolic.ops(rt).constant((long) ndim)));
        for (int i = 0; i < ndim; i++) out.add(Symbolic.ops(rt).subtensor(checked, List.of(new Index.Scalar(Symbolic.ops(rt).constant((long) i)))));
        return out;
    }

    /** specify_shape's shape: a list/tuple of ints or scalars, or a symbolic vector of x's rank entries. */
    private static List<Variable> shapeEntries(Runtime rt, Object spec, int rank) {
        List<?> items = Sequences.items(spec);
        List<Variable> out = new ArrayList<>();
        if (items != null) {
            for (Object o : items) out.add(Symbolic.lift(rt, o, "a specify_shape() entry"));
            return out;
        }
        Variable v = Symbolic.lift(rt, spec, "specify_shape() shape");
        if (v.rank() != 1) throw new TdlError(ErrorKind.TYPE_ERROR, "specify_shape: the shape must be a list or a vector, got " + v.type());
        for (int i = 0; i < rank; i++) out.add(Symbolic.ops(rt).subtensor(v, List.of(new Index.Scalar(Symbolic.ops(rt).constant((long) i)))));
        return out;
    }
}
