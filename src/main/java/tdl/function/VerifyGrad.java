package tdl.function;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tdl.vocab.OnUnused;
import tdl.grad.Grad;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.TensorOps;

/**
 * theano.gradient.verify_grad: checks the symbolic gradient of {@code f} against central finite
 * differences at the given points. As Theano does, a non-scalar output is reduced to a scalar by a
 * random projection (sum(f(x) * r), r uniform in [0, 1) from {@code seed}), so every output
 * element's gradient takes part. It lives here rather than in tdl.grad because it compiles and runs
 * functions.
 */
public final class VerifyGrad {
    private VerifyGrad() {}

    /** Worst errors over every element of every point; {@code where} names the worst element. */
    public record Result(double maxAbsError, double maxRelError, String where) { }

    /**
     * Builds f over fresh float64 inputs shaped like {@code points}, compares gradients, and throws
     * GraphError "GradientError" when some element has both absolute and relative error above {@code tol}.
     */
    public static Result verify(java.util.function.Function<List<Variable>, Variable> f, List<NDArray> points,
                                long seed, double eps, double tol) {
        return verify(f, points, seed, eps, tol, tol);
    }

    /** As Theano's verify_grad: an element fails when its absolute error exceeds absTol and its relative error relTol. */
    public static Result verify(java.util.function.Function<List<Variable>, Variable> f, List<NDArray> points,
                                long seed, double eps, double absTol, double relTol) {
        return verify(f, points, seed, eps, absTol, relTol, DType.FLOAT64);
    }

    /** Over inputs of {@code dtype}, with one tolerance (see the full form). */
    public static Result verify(java.util.function.Function<List<Variable>, Variable> f, List<NDArray> points,
                                long seed, double eps, double tol, DType dtype) {
        return verify(f, points, seed, eps, tol, tol, dtype);
    }

    /**
     * Over inputs of {@code dtype} (float64 or float32). In float32 the points and their
     * perturbations are float32 values and the step is the one float32 actually took, as Theano's
     * numeric_grad perturbs in the input's dtype (Theano uses eps 3e-4 and tolerance 1e-2 there).
     */
    public static Result verify(java.util.function.Function<List<Variable>, Variable> f, List<NDArray> points,
                                long seed, double eps, double absTol, double relTol, DType dtype) {
        List<Variable> inputs = new ArrayList<>();
        List<NDArray> pts = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            NDArray p = points.get(i).astype(dtype);
            pts.add(p);
            inputs.add(new Variable(new TensorType(dtype, p.rank()), "x" + i));
        }
        Variable out = f.apply(inputs);
        TensorOps t = new TensorOps(() -> null);
        FunctionCompiler.Options opts = FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE).withName("verify_grad");
        // the projection's shape is the output's, known only by running f once
        NDArray sample = FunctionCompiler.compile(inputs, List.of(out), List.of(), Map.of(), opts).call(pts).get(0);
        Random rng = new Random(seed);
        double[] r = new double[sample.size()];
        for (int i = 0; i < r.length; i++) r[i] = rng.nextDouble();
        Variable cost = t.sum(t.mul(out, new Constant(new NDArray(DType.FLOAT64, sample.shape(), r))));
        List<Variable> grads = Grad.grad(cost, inputs, Set.of(), OnUnused.IGNORE, null);
        CompiledFunction costF = FunctionCompiler.compile(inputs, List.of(cost), List.of(), Map.of(), opts);
        List<NDArray> analytic = FunctionCompiler.compile(inputs, grads, List.of(), Map.of(), opts).call(pts);

        double worstAbs = 0, worstRel = 0;
        String where = "";
        boolean failed = false;
        for (int i = 0; i < pts.size(); i++) {
            NDArray p = pts.get(i);
            for (int j = 0, n = p.size(); j < n; j++) {
                double x0 = p.get(j);
                double up = dtype.coerce(x0 + eps), down = dtype.coerce(x0 - eps);
                p.set(j, up);
                double plus = costF.call(pts).get(0).item();
                p.set(j, down);
                double minus = costF.call(pts).get(0).item();
                p.set(j, x0);
                double numeric = (plus - minus) / (up - down);
                double a = analytic.get(i).get(j);
                double abs = Math.abs(a - numeric);
                double rel = abs / Math.max(Math.abs(a) + Math.abs(numeric), 1e-8);
                if (abs > worstAbs) worstAbs = abs;
                if (rel > worstRel) {
                    worstRel = rel;
                    where = "input " + i + ", element " + j + ": analytic " + a + ", numeric " + numeric;
                }
                if (abs > absTol && rel > relTol) failed = true;
            }
        }
        if (failed) {
            throw new GraphError(ErrorKind.GRADIENT_ERROR, "verify_grad: analytic and numeric gradients mismatch: worst absolute error "
                    + worstAbs + ", worst relative error " + worstRel + " (abs_tol " + absTol + ", rel_tol " + relTol + "; " + where + ")",
                    "the op's gradient rule is wrong, or the function is not differentiable at this point");
        }
        return new Result(worstAbs, worstRel, where);
    }
}
