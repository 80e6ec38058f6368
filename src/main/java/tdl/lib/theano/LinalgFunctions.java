package tdl.lib.theano;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Variable;
import tdl.graph.ops.ExtraOps;
import tdl.graph.ops.LinalgOps;
import tdl.graph.ops.SolveOp;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/** theano.tensor.nlinalg and theano.tensor.slinalg (also T.nlinalg / T.slinalg), Theano 1.0's names. */
final class LinalgFunctions {
    private LinalgFunctions() {}

    static void install(Runtime rt, TdlModule tensor) {
        TdlModule n = new TdlModule("theano.tensor.nlinalg");
        put(n, "matrix_inverse", (r, a) -> l(r).inverse(x(r, a.check(1, "x"), "x")));
        put(n, "det", (r, a) -> l(r).det(x(r, a.check(1, "x"), "x")));
        put(n, "trace", (r, a) -> e(r).trace(x(r, a.check(1, "X"), "X")));
        put(n, "diag", (r, a) -> {
            Variable v = x(r, a.check(1, "x"), "x");
            if (v.rank() != 1 && v.rank() != 2) throw new TdlError(ErrorKind.TYPE_ERROR, "diag requires vector or matrix argument, got " + v.type());
            return e(r).diag(v, 0);
        });
        put(n, "extract_diag", (r, a) -> e(r).extractDiag(x(r, a.check(1, "x"), "x"), 0));
        put(n, "alloc_diag", (r, a) -> e(r).allocDiag(x(r, a.check(1, "x"), "x"), 0));
        put(n, "matrix_dot", (r, a) -> {
            a.check(Integer.MAX_VALUE);
            List<Variable> xs = new ArrayList<>();
            for (Object o : a.positional()) xs.add(Symbolic.lift(r, o, "a matrix_dot() argument"));
            return l(r).matrixDot(xs);
        });
        put(n, "matrix_power", (r, a) -> l(r).matrixPower(x(r, a.check(2, "M", "n"), "M"), ExtraFunctions.constInt(a.get(1, "n"), "n")));
        put(n, "norm", (r, a) -> l(r).norm(x(r, a.check(2, "x", "ord"), "x"), a.get(1, "ord", null)));
        put(n, "pinv", (r, a) -> l(r).pinv(x(r, a.check(1, "x"), "x")));
        put(n, "eigh", (r, a) -> {
            a.check(2, "a", "UPLO");
            return tuple(l(r).eigh(x(r, a, "a"), uplo(r, a.get(1, "UPLO", "L"))));
        });
        put(n, "eig", (r, a) -> tuple(l(r).eig(x(r, a.check(1, "x"), "x"))));
        put(n, "svd", (r, a) -> {
            a.check(3, "a", "full_matrices", "compute_uv");
            List<Variable> out = l(r).svd(x(r, a, "a"), r.truth(a.get(1, "full_matrices", true)), r.truth(a.get(2, "compute_uv", true)));
            return out.size() == 1 ? out.get(0) : tuple(out);
        });
        put(n, "qr", (r, a) -> {
            a.check(2, "a", "mode");
            List<Variable> out = l(r).qr(x(r, a, "a"), qrMode(r, a.get(1, "mode", "reduced")));
            return out.size() == 1 ? out.get(0) : tuple(out);
        });
        TdlModule s = new TdlModule("theano.tensor.slinalg");
        put(s, "cholesky", (r, a) -> l(r).cholesky(x(r, a.check(1, "x"), "x"), true));
        put(s, "Cholesky", (r, a) -> {
            a.check(2, "lower", "on_error");
            boolean lower = r.truth(a.get(0, "lower", true));
            if (!"raise".equals(a.get(1, "on_error", "raise"))) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "Cholesky(on_error='nan') is not supported", "the default raises LinAlgError");
            }
            return new Builtin("Cholesky", (r2, a2) -> l(r2).cholesky(x(r2, a2.check(1, "x"), "x"), lower));
        });
        put(s, "solve", (r, a) -> solve(r, a, SolveOp.Structure.GENERAL));
        put(s, "eigvalsh", (r, a) -> {
            a.check(3, "a", "b", "lower");
            if (a.get(1, "b", null) != null) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "eigvalsh(a, b): the generalized eigenproblem is not supported",
                        "pass b=None for the eigenvalues of a alone");
            }
            return l(r).eigvalsh(x(r, a, "a"), r.truth(a.get(2, "lower", true)));
        });
        put(s, "solve_lower_triangular", (r, a) -> solve(r, a, SolveOp.Structure.LOWER_TRIANGULAR));
        put(s, "solve_upper_triangular", (r, a) -> solve(r, a, SolveOp.Structure.UPPER_TRIANGULAR));
        put(s, "solve_symmetric", (r, a) -> solve(r, a, SolveOp.Structure.SYMMETRIC));
        put(s, "Solve", (r, a) -> {
            a.check(4, "A_structure", "lower", "overwrite_A", "overwrite_b");
            SolveOp.Structure st = switch (String.valueOf(a.get(0, "A_structure", "general"))) {
                case "general" -> SolveOp.Structure.GENERAL;
                case "symmetric" -> SolveOp.Structure.SYMMETRIC;
                case "lower_triangular" -> SolveOp.Structure.LOWER_TRIANGULAR;
                case "upper_triangular" -> SolveOp.Structure.UPPER_TRIANGULAR;
                default -> throw new TdlError(ErrorKind.VALUE_ERROR, "Invalid matrix structure argument " + a.get(0, "A_structure"),
                        "use 'general', 'symmetric', 'lower_triangular' or 'upper_triangular'");
            };
            return new Builtin("Solve", (r2, a2) -> solve(r2, a2, st));
        });
        tensor.put("nlinalg", n).put("slinalg", s);
        rt.registerModule(n);
        rt.registerModule(s);
    }

    private static Variable solve(Runtime r, Args a, SolveOp.Structure st) {
        a.check(2, "a", "b");
        return l(r).solve(x(r, a, "a"), Symbolic.lift(r, a.get(1, "b"), "solve() argument 'b'"), st);
    }

    private static void put(TdlModule m, String name, TdlCallable body) { m.put(name, new Builtin(name, body)); }

    private static tdl.interp.TdlTuple tuple(List<Variable> vs) { return new tdl.interp.TdlTuple(new ArrayList<Object>(vs)); }

    static boolean uplo(Runtime r, Object spec) {
        if ("L".equals(spec)) return true;
        if ("U".equals(spec)) return false;
        throw new TdlError(ErrorKind.VALUE_ERROR, "UPLO argument must be 'L' or 'U', got " + r.repr(spec));
    }

    /** numpy's qr modes; 'raw' (Householder reflectors for Fortran) is refused. */
    static String qrMode(Runtime r, Object spec) {
        if ("reduced".equals(spec) || "complete".equals(spec) || "r".equals(spec)) return (String) spec;
        if ("raw".equals(spec)) throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "qr(mode='raw') is not supported", "use 'reduced', 'complete' or 'r'");
        throw new TdlError(ErrorKind.VALUE_ERROR, "Unrecognized mode " + r.repr(spec), "use 'reduced', 'complete' or 'r'");
    }

    private static LinalgOps l(Runtime rt) { return new LinalgOps(Symbolic.ops(rt)); }

    private static ExtraOps e(Runtime rt) { return new ExtraOps(Symbolic.ops(rt)); }

    private static Variable x(Runtime rt, Args a, String name) {
        return Symbolic.lift(rt, a.get(0, name), a.function() + "() argument '" + name + "'");
    }
}
