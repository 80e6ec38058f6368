package tdl.lib.numpy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.ExtraOps;
import tdl.graph.ops.LinalgOps;
import tdl.graph.ops.SolveOp;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * numpy's cumsum/cumprod/diff/repeat/squeeze/roll/sort/argsort/nonzero/bincount/tril/triu/diag/
 * trace/fill_diagonal and numpy.linalg (inv, det, solve, cholesky, norm, matrix_power) on host
 * arrays, computed through the same ops as the symbolic forms (see {@link HostMath}). The array
 * methods (a.cumsum(), a.sort(), ...) call the same functions with the array first.
 */
final class ExtraNumpy {
    private ExtraNumpy() {}

    /** The functions by name, read-only (the bodies keep no state, so sessions can share them). */
    private static final Map<String, Object> ALL = java.util.Collections.unmodifiableMap(define(new TdlModule("(numpy extra)")).members());

    static final List<String> METHODS = List.of("cumsum", "cumprod", "repeat", "squeeze", "sort", "argsort", "nonzero",
            "diagonal", "trace", "swapaxes", "ptp");

    static void install(Map<String, Object> np, Runtime rt) {
        for (Map.Entry<String, Object> e : ALL.entrySet()) if (!e.getKey().startsWith("linalg.")) np.put(e.getKey(), e.getValue());
        TdlModule linalg = new TdlModule("numpy.linalg");
        for (Map.Entry<String, Object> e : ALL.entrySet()) {
            if (e.getKey().startsWith("linalg.")) linalg.put(e.getKey().substring(7), e.getValue());
        }
        if (rt != null && rt.builtin("LinAlgError") != null) linalg.put("LinAlgError", rt.builtin("LinAlgError"));
        np.put("linalg", linalg);
    }

    static TdlModule linalg(Map<String, Object> np) { return (TdlModule) np.get("linalg"); }

    /** a.name(...) for the array methods numpy has; a.sort() sorts in place and returns None, as numpy. */
    static TdlCallable method(NDArray self, String name) {
        if (!METHODS.contains(name)) return null;
        Builtin f = (Builtin) ALL.get(name);
        return (rt, a) -> {
            if (name.equals("sort") && a.has(0, "axis") && a.get(0, "axis") == null) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "'NoneType' object cannot be interpreted as an integer",
                        "a.sort() sorts along one axis in place; np.sort(a, axis=None) returns the flattened array sorted");
            }
            List<Object> pos = new ArrayList<>();
            pos.add(self);
            pos.addAll(a.positional());
            if (name.equals("sort")) Views.checkWritable(self, "sort array is read-only");
            Object r = f.call(rt, new Args(name, pos, a.keywords()));
            if (!name.equals("sort")) return r;
            NDArray sorted = (NDArray) r;
            self.copyFrom(sorted);
            Views.writtenAll(self);
            return null;
        };
    }

    private static void put(TdlModule m, String name, TdlCallable body) {
        m.put(name, new Builtin(name.startsWith("linalg.") ? name.substring(7) : name, body));
    }

    /** Runs {@code build} over the array argument (and extra values) as constants. */
    private static NDArray run(Runtime rt, Function<Ctx, Variable> build, Object... values) {
        HostMath m = new HostMath(rt);
        return m.run(v -> build.apply(new Ctx(m, v)), values);
    }

    private record Ctx(HostMath m, List<Variable> v) {
        ExtraOps e() { return new ExtraOps(m.ops()); }
        LinalgOps l() { return new LinalgOps(m.ops()); }
        Variable x() { return v.get(0); }
    }

    private static NDArray array(Args a, int i, String name) {
        Object o = a.get(i, name);
        if (o instanceof Variable) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "np." + a.function() + " works on host arrays, not symbolic variables",
                    "use the theano.tensor function of that name to build a graph node");
        }
        return NumpyConvert.toArray(o);
    }

    private static Integer axis(Args a, int i, Object dflt) {
        Object o = a.get(i, "axis", dflt);
        return o == null ? null : tdl.interp.Ints.toInt(NumpyConvert.toLong(o, "axis"));
    }

    private static int integer(Args a, int i, String name, long dflt) { return tdl.interp.Ints.toInt(NumpyConvert.toLong(a.get(i, name, dflt), name)); }

    private static Object scalarIfRank0(NDArray r) { return ArrayHooks.scalarIfRank0(r); }

    private static TdlModule define(TdlModule m) {
        put(m, "cumsum", (rt, a) -> cum(rt, a, false));
        put(m, "cumprod", (rt, a) -> cum(rt, a, true));
        put(m, "diff", (rt, a) -> {
            a.check(3, "a", "n", "axis");
            int n = integer(a, 1, "n", 1), ax = axis(a, 2, -1L);
            return run(rt, c -> c.e().diff(c.x(), n, ax), array(a, 0, "a"));
        });
        put(m, "repeat", (rt, a) -> {
            a.check(3, "a", "repeats", "axis");
            Integer ax = axis(a, 2, null);
            return run(rt, c -> c.e().repeat(c.x(), c.v().get(1), ax), array(a, 0, "a"), NumpyConvert.toArray(a.get(1, "repeats")));
        });
        put(m, "squeeze", (rt, a) -> {
            a.check(2, "a", "axis");
            int[] axes = Reductions.axes(a.get(1, "axis", null), array(a, 0, "a").rank());
            NDArray x = array(a, 0, "a");
            if (axes != null) {
                for (int ax : axes) {
                    if (x.dim(ax < 0 ? ax + x.rank() : ax) != 1) {
                        throw new TdlError(ErrorKind.VALUE_ERROR, "cannot select an axis to squeeze out which has size not equal to one");
                    }
                }
            }
            NDArray squeezed = run(rt, c -> c.e().squeeze(c.x(), axes), x);
            return Views.reshaped(x, squeezed.shape()); // numpy: a view
        });
        put(m, "roll", (rt, a) -> {
            a.check(3, "a", "shift", "axis");
            Object shift = a.get(1, "shift");
            if (NumpyConvert.items(shift) != null) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.roll with a tuple of shifts");
            Integer ax = axis(a, 2, null);
            NDArray x = array(a, 0, "a");
            if (x.size() == 0) return x.copy();
            return run(rt, c -> c.e().roll(c.x(), c.v().get(1), ax), x, NumpyConvert.toLong(shift, "shift"));
        });
        put(m, "ptp", (rt, a) -> {
            NDArray x = array(a.check(3, "a", "axis", "keepdims"), 0, "a");
            if (x.size() == 0) throw new TdlError(ErrorKind.VALUE_ERROR, "zero-size array to reduction operation maximum which has no identity");
            int[] axes = Reductions.axes(a.get(1, "axis", null), x.rank());
            if (Boolean.TRUE.equals(a.get(2, "keepdims", false))) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.ptp(..., keepdims=True)");
            return scalarIfRank0(run(rt, c -> c.e().ptp(c.x(), axes), x));
        });
        put(m, "swapaxes", (rt, a) -> {
            NDArray x = array(a.check(3, "a", "axis1", "axis2"), 0, "a");
            int a1 = integer(a, 1, "axis1", 0), a2 = integer(a, 2, "axis2", 0);
            for (int ax : new int[] {a1, a2}) {
                if (ax < -x.rank() || ax >= x.rank()) throw new TdlError(ErrorKind.AXIS_ERROR, "axis " + ax + " is out of bounds for array of dimension " + x.rank());
            }
            return run(rt, c -> c.e().swapaxes(c.x(), a1, a2), x);
        });
        put(m, "sort", (rt, a) -> sort(rt, a, false));
        put(m, "argsort", (rt, a) -> sort(rt, a, true));
        put(m, "nonzero", (rt, a) -> {
            NDArray x = array(a.check(1, "a"), 0, "a");
            if (x.rank() == 0) throw new TdlError(ErrorKind.VALUE_ERROR, "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.");
            List<Object> out = new ArrayList<>();
            for (int k = 0; k < x.rank(); k++) {
                int kk = k;
                out.add(run(rt, c -> c.e().nonzero(c.x()).get(kk), x));
            }
            return new TdlTuple(out);
        });
        put(m, "flatnonzero", (rt, a) -> run(rt, c -> c.e().flatnonzero(c.x()), array(a.check(1, "a"), 0, "a")));
        put(m, "bincount", (rt, a) -> {
            a.check(3, "x", "weights", "minlength");
            NDArray x = array(a, 0, "x");
            if (x.rank() != 1) throw new TdlError(ErrorKind.VALUE_ERROR, "object too deep for desired array");
            if (x.dtype().isFloat()) throw new TdlError(ErrorKind.TYPE_ERROR, "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
            Object w = a.get(1, "weights", null);
            long ml = NumpyConvert.toLong(a.get(2, "minlength", 0L), "minlength");
            if (w == null) return run(rt, c -> c.m().ops().cast(c.e().bincount(c.x(), null, c.v().get(1)), DType.INT64), x, ml);
            NDArray wv = NumpyConvert.toArray(w).astype(DType.FLOAT64);
            return run(rt, c -> c.e().bincount(c.x(), c.v().get(1), c.v().get(2)), x, wv, ml);
        });
        put(m, "tril", (rt, a) -> {
            int k = integer(a.check(2, "m", "k"), 1, "k", 0);
            return run(rt, c -> c.e().tril(c.x(), k), array(a, 0, "m"));
        });
        put(m, "triu", (rt, a) -> {
            int k = integer(a.check(2, "m", "k"), 1, "k", 0);
            return run(rt, c -> c.e().triu(c.x(), k), array(a, 0, "m"));
        });
        put(m, "diag", (rt, a) -> {
            int k = integer(a.check(2, "v", "k"), 1, "k", 0);
            NDArray v = array(a, 0, "v");
            if (v.rank() != 1 && v.rank() != 2) throw new TdlError(ErrorKind.VALUE_ERROR, "Input must be 1- or 2-d.");
            return run(rt, c -> c.e().diag(c.x(), k), v);
        });
        put(m, "diagonal", (rt, a) -> {
            a.check(4, "a", "offset", "axis1", "axis2");
            NDArray x = array(a, 0, "a");
            int off = integer(a, 1, "offset", 0), a1 = integer(a, 2, "axis1", 0), a2 = integer(a, 3, "axis2", 1);
            if (x.rank() != 2 || (a1 + 2) % 2 == (a2 + 2) % 2) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.diagonal of a rank-" + x.rank() + " array or with equal axes",
                        "TDL takes diagonals of matrices");
            }
            boolean swap = (a1 + 2) % 2 == 1;
            return run(rt, c -> c.e().extractDiag(swap ? c.m().ops().transpose(c.x()) : c.x(), off), x);
        });
        put(m, "trace", (rt, a) -> {
            NDArray x = array(a.check(1, "a"), 0, "a");
            if (x.rank() != 2) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.trace of a rank-" + x.rank() + " array", "TDL takes traces of matrices");
            DType d = x.dtype().isFloat() ? x.dtype() : DType.INT64;
            return scalarIfRank0(run(rt, c -> c.m().ops().cast(c.e().trace(c.x()), d), x));
        });
        put(m, "fill_diagonal", (rt, a) -> {
            a.check(3, "a", "val", "wrap");
            Object target = a.get(0, "a");
            if (!(target instanceof NDArray x)) throw new TdlError(ErrorKind.TYPE_ERROR, "np.fill_diagonal fills an array in place; pass an ndarray");
            if (x.rank() != 2) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.fill_diagonal of a rank-" + x.rank() + " array");
            if (Boolean.TRUE.equals(a.get(2, "wrap", false)) && x.dim(0) > x.dim(1) + 1) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.fill_diagonal(..., wrap=True) of a tall matrix");
            }
            Views.checkWritable(x, "underlying array is read-only");
            NDArray filled = run(rt, c -> c.e().fillDiagonal(c.x(), c.v().get(1)), x, a.get(1, "val"));
            x.copyFrom(filled); // numpy fills in place and returns None
            Views.writtenAll(x);
            return null;
        });
        // numpy.linalg
        put(m, "linalg.inv", (rt, a) -> run(rt, c -> c.l().inverse(c.x()), square(array(a.check(1, "a"), 0, "a"))));
        put(m, "linalg.det", (rt, a) -> scalarIfRank0(run(rt, c -> c.l().det(c.x()), square(array(a.check(1, "a"), 0, "a")))));
        put(m, "linalg.solve", (rt, a) -> {
            a.check(2, "a", "b");
            return run(rt, c -> c.l().solve(c.x(), c.v().get(1), SolveOp.Structure.GENERAL), square(array(a, 0, "a")), array(a, 1, "b"));
        });
        put(m, "linalg.cholesky", (rt, a) -> run(rt, c -> c.l().cholesky(c.x(), true), square(array(a.check(2, "a", "upper"), 0, "a"))));
        put(m, "linalg.matrix_power", (rt, a) -> {
            int n = integer(a.check(2, "a", "n"), 1, "n", 1);
            NDArray x = square(array(a, 0, "a"));
            if (n < 0) return run(rt, c -> c.l().matrixPower(c.l().inverse(c.x()), -n), x);
            return run(rt, c -> c.l().matrixPower(c.x(), n), x);
        });
        put(m, "linalg.pinv", (rt, a) -> {
            a.check(4, "a", "rcond", "hermitian", "rtol");
            if (a.get(1, "rcond", null) != null || a.get(3, "rtol", null) != null || Boolean.TRUE.equals(a.get(2, "hermitian", false))) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.linalg.pinv with rcond/rtol/hermitian", "the default cutoff is 1e-15 * max(s)");
            }
            return tdl.eval.Decompositions.pinv(matrix(array(a, 0, "a")));
        });
        put(m, "linalg.svd", (rt, a) -> {
            a.check(4, "a", "full_matrices", "compute_uv", "hermitian");
            if (Boolean.TRUE.equals(a.get(3, "hermitian", false))) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.linalg.svd(hermitian=True)");
            NDArray[] r = tdl.eval.Decompositions.svd(matrix(array(a, 0, "a")), rt.truth(a.get(1, "full_matrices", true)),
                    rt.truth(a.get(2, "compute_uv", true)));
            return r.length == 1 ? r[0] : new tdl.interp.TdlTuple(List.of(r[0], r[1], r[2]));
        });
        put(m, "linalg.eigh", (rt, a) -> {
            a.check(2, "a", "UPLO");
            NDArray[] r = tdl.eval.Decompositions.eigh(square(array(a, 0, "a")), uplo(a.get(1, "UPLO", "L")), true);
            return new tdl.interp.TdlTuple(List.of(r[0], r[1]));
        });
        put(m, "linalg.eigvalsh", (rt, a) -> {
            a.check(2, "a", "UPLO");
            return tdl.eval.Decompositions.eigh(square(array(a, 0, "a")), uplo(a.get(1, "UPLO", "L")), false)[0];
        });
        put(m, "linalg.eig", (rt, a) -> {
            NDArray[] r = tdl.eval.Decompositions.eig(square(array(a.check(1, "a"), 0, "a")), true);
            return new tdl.interp.TdlTuple(List.of(r[0], r[1]));
        });
        put(m, "linalg.eigvals", (rt, a) -> tdl.eval.Decompositions.eig(square(array(a.check(1, "a"), 0, "a")), false)[0]);
        put(m, "linalg.qr", (rt, a) -> {
            a.check(2, "a", "mode");
            Object mode = a.get(1, "mode", "reduced");
            if ("raw".equals(mode)) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.linalg.qr(mode='raw')", "use 'reduced', 'complete' or 'r'");
            if (!"reduced".equals(mode) && !"complete".equals(mode) && !"r".equals(mode)) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "Unrecognized mode '" + mode + "'");
            }
            NDArray[] r = tdl.eval.Decompositions.qr(matrix(array(a, 0, "a")), (String) mode);
            return r.length == 1 ? r[0] : new tdl.interp.TdlTuple(List.of(r[0], r[1]));
        });
        put(m, "linalg.norm", (rt, a) -> {
            a.check(4, "x", "ord", "axis", "keepdims");
            NDArray x = array(a, 0, "x");
            Object r = x.dtype() == DType.FLOAT32 ? NumpyReduceOrder.norm(x, a.get(1, "ord", null), a.get(2, "axis", null),
                    Boolean.TRUE.equals(a.get(3, "keepdims", false))) : null;
            if (r != null) return r;
            r = norm(rt, a, x);
            // numpy keeps a float32 input float32 (only non-float inputs become float64); computed in
            // double here and rounded once, within an ulp of numpy's float32 BLAS sums
            if (x.dtype() != DType.FLOAT32) return r;
            if (r instanceof NDArray arr) return arr.astype(DType.FLOAT32);
            return NumpyConvert.npScalar(DType.FLOAT32, ((Number) r).doubleValue());
        });
        return m;
    }

    /** np.linalg.norm(x, ord, axis, keepdims) in float64. */
    private static Object norm(tdl.interp.Runtime rt, tdl.interp.Args a, NDArray x) {
        Object ord = a.get(1, "ord", null);
        Object axisArg = a.get(2, "axis", null);
        boolean keep = Boolean.TRUE.equals(a.get(3, "keepdims", false));
        if (axisArg != null || keep) {
            int[] axes = Reductions.axes(axisArg, x.rank());
            if (ord != null && !(ord instanceof Number)) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "np.linalg.norm with axis and ord=" + ord);
            double p = ord == null ? 2 : ((Number) ord).doubleValue();
            if (axes != null && axes.length > 1 && ord != null) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "matrix norms with axis=");
            return scalarIfRank0(run(rt, c -> c.e().norm(c.m().ops().cast(c.x(), DType.FLOAT64), p, axes, keep), x));
        }
        Object o = ord instanceof Double d && d.isInfinite() ? (d > 0 ? "inf" : "-inf") : ord;
        if (x.rank() == 2 && (o instanceof Number n && Math.abs(n.doubleValue()) == 2 || "nuc".equals(o))) {
            // from the singular values, as numpy: 2 the largest, -2 the smallest, 'nuc' their sum
            double[] sv = tdl.eval.Decompositions.svd(x.astype(DType.FLOAT64), false, false)[0].data();
            double r = 0;
            if ("nuc".equals(o)) for (double d : sv) r += d;
            else if (sv.length > 0) r = ((Number) o).doubleValue() > 0 ? sv[0] : sv[sv.length - 1];
            return r;
        }
        if (x.rank() != 1 && x.rank() != 2 && o == null) return scalarIfRank0(run(rt, c -> c.e().norm(c.m().ops().cast(c.x(), DType.FLOAT64), 2, null, false), x));
        return scalarIfRank0(run(rt, c -> c.l().norm(c.m().ops().cast(c.x(), DType.FLOAT64), o), x));
    }

    /** A matrix for the decompositions; stacks (rank > 2) are refused, as for the other np.linalg functions. */
    private static NDArray matrix(NDArray x) {
        if (x.rank() < 2) {
            throw new TdlError(ErrorKind.LINALG_ERROR, x.rank() + "-dimensional array given. Array must be at least two-dimensional");
        }
        if (x.rank() > 2) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "stacks of matrices in np.linalg", "loop over the matrices");
        return x;
    }

    private static boolean uplo(Object spec) {
        if ("L".equals(spec)) return true;
        if ("U".equals(spec)) return false;
        throw new TdlError(ErrorKind.VALUE_ERROR, "UPLO argument must be 'L' or 'U'");
    }

    private static NDArray square(NDArray x) {
        if (x.rank() < 2) {
            throw new TdlError(ErrorKind.LINALG_ERROR, x.rank() + "-dimensional array given. Array must be at least two-dimensional");
        }
        if (x.rank() > 2) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "stacks of matrices in np.linalg", "loop over the matrices");
        if (x.dim(0) != x.dim(1)) throw new TdlError(ErrorKind.LINALG_ERROR, "Last 2 dimensions of the array must be square");
        return x;
    }

    private static NDArray cum(Runtime rt, Args a, boolean product) {
        a.check(4, "a", "axis", "dtype", "out");
        Integer ax = axis(a, 1, null);
        NDArray x = array(a, 0, "a");
        if (ax != null && (ax < -x.rank() || ax >= x.rank())) {
            throw new TdlError(ErrorKind.AXIS_ERROR, "axis " + ax + " is out of bounds for array of dimension " + x.rank());
        }
        DType d = NumpyConvert.dtype(a.get(2, "dtype", null));
        return run(rt, c -> product ? c.e().cumprod(c.x(), ax) : c.e().cumsum(c.x(), ax), d == null ? x : x.astype(d));
    }

    private static NDArray sort(Runtime rt, Args a, boolean arg) {
        a.check(4, "a", "axis", "kind", "order");
        if (a.get(3, "order", null) != null) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "sort with order= (structured arrays)");
        NDArray x = array(a, 0, "a");
        Integer ax = axis(a, 1, -1L);
        if (x.rank() == 0 && ax != null) throw new TdlError(ErrorKind.AXIS_ERROR, "axis " + ax + " is out of bounds for array of dimension 0");
        if (ax != null && (ax < -x.rank() || ax >= x.rank())) {
            throw new TdlError(ErrorKind.AXIS_ERROR, "axis " + ax + " is out of bounds for array of dimension " + x.rank());
        }
        return run(rt, c -> arg ? c.e().argsort(c.x(), ax) : c.e().sort(c.x(), ax), x);
    }
}
