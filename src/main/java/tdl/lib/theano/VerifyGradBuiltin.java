package tdl.lib.theano;

import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.function.VerifyGrad;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.lib.numpy.NumpyConvert;
import tdl.syntax.TdlError;

/** verify_grad(fun, pt, ...): checks a script function's gradient against finite differences. */
final class VerifyGradBuiltin {
    private VerifyGradBuiltin() {}

    static Object verifyGrad(Runtime rt, Args a) {
        a.check(7, "fun", "pt", "n_tests", "rng", "eps", "abs_tol", "rel_tol");
        Object fun = a.get(0, "fun");
        Object ptSpec = a.get(1, "pt");
        List<?> items = Sequences.items(ptSpec);
        if (items == null) throw new TdlError(ErrorKind.TYPE_ERROR, "verify_grad() needs pt, a list of input values");
        List<NDArray> points = new ArrayList<>();
        for (Object o : items) points.add(NumpyConvert.toArray(o));
        double eps = ((Number) a.get(4, "eps", 1e-7)).doubleValue();
        double relTol = ((Number) a.get(6, "rel_tol", 1e-4)).doubleValue();
        double absTol = ((Number) a.get(5, "abs_tol", relTol)).doubleValue();
        // n_tests and rng choose Theano's random projections; one projection from the session's seed serves the same purpose
        long seed = rt.seed() == null ? 1234 : rt.seed();
        VerifyGrad.Result r = VerifyGrad.verify(inputs -> {
            Object out = rt.call(fun, new ArrayList<Object>(inputs), null);
            return Symbolic.lift(rt, out, "the result of the function given to verify_grad");
        }, points, seed, eps, absTol, relTol);
        return r.maxRelError();
    }

}
