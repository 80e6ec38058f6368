package tdl.function;

import java.util.List;
import java.util.Set;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.rewrite.Pipeline;
import tdl.rewrite.RewriteLog;
import tdl.vocab.ErrorKind;

/**
 * function(mode='DebugMode'): a second plan of the same graph built with no rewrites, run on the
 * same arguments and shared values at every call; each output and update value of the rewritten
 * plan must match it within Theano's tolerances (float64: atol 1e-8, rtol 1e-5; float32: 1e-5 and
 * 1e-5; where the unrewritten value is NaN or Inf the rewritten one may be anything finite or the
 * same, since stabilising rewrites exist to remove overflows), else the call fails with BadOptimization naming
 * the result and the largest difference, and stores no update. It costs a second evaluation per
 * call and a second set of buffers. Random draws in the reference plan read the key the real draw
 * is about to use without advancing it, so both plans see the same numbers.
 */
final class DebugCheck {
    private final Plan reference;
    private final List<String> names;

    private DebugCheck(Plan reference, List<String> names) {
        this.reference = reference;
        this.names = names;
    }

    /**
     * The reference plan for {@code results} (outputs first, {@code outputCount} of them, then
     * update values, after givens), compiled with {@code options} but without rewriting.
     */
    static DebugCheck of(List<Variable> inputs, List<Variable> results, int outputCount,
                         List<java.util.Map.Entry<SharedVariable, Variable>> updates, FunctionCompiler.Options options) {
        List<Variable> frozen;
        try {
            frozen = new NoDefaultUpdates(true, Set.of()).apply(results);
        } catch (GraphError e) {
            throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR,
                    "DebugMode cannot check a function whose scan draws random numbers (its reference run would advance the streams)",
                    "compile it without mode='DebugMode'");
        }
        // no NaN guard here: the unrewritten graph may overflow where the rewritten one is stable
        Compilation c = Compilation.of(options.withPipeline(Pipeline.none()).withProfile(false).withNanGuard(false), null, new CompileTimes());
        Plan plan = c.plan(inputs, c.rewrite(frozen, new RewriteLog()));
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (i < outputCount) names.add("output " + (i + 1) + " (" + label(results.get(i)) + ")");
            else names.add("the update of shared variable '" + updates.get(i - outputCount).getKey() + "'");
        }
        return new DebugCheck(plan, names);
    }

    private static String label(Variable v) {
        return v.name() != null ? "'" + v.name() + "'" : GraphPrinter.pp(v);
    }

    /** Runs the unrewritten plan; its results stay valid until {@link #release()}. */
    NDArray[] runReference(NDArray[] arguments) {
        return reference.run(arguments);
    }

    void release() {
        reference.release();
    }

    /** Fails with BadOptimization at the first result of {@code got} that does not match {@code expected}. */
    void compare(String function, NDArray[] got, NDArray[] expected) {
        for (int r = 0; r < got.length; r++) {
            NDArray a = got[r], b = expected[r];
            String what = function + "(): " + names.get(r);
            if (!a.sameShape(b.shape())) {
                throw bad(what + " has shape " + NDArray.shapeString(a.shape()) + " after rewriting but "
                        + NDArray.shapeString(b.shape()) + " without");
            }
            boolean f32 = a.dtype() == DType.FLOAT32 || b.dtype() == DType.FLOAT32;
            double atol = f32 ? 1e-5 : 1e-8, rtol = 1e-5;
            double[] x = a.doubles(), y = b.doubles(); // float32 results store floats: widened copies (DebugMode only)
            int worst = -1;
            double worstDiff = 0;
            for (int i = 0; i < x.length; i++) {
                double d = Math.abs(x[i] - y[i]);
                // a stabilising rewrite (log(1 + exp(x)) -> softplus) turns an overflow into a finite value: allowed, as
                // Theano's values_eq_approx_remove_inf/nan allow it; the reverse is a bad rewrite
                boolean same = x[i] == y[i] || !Double.isFinite(y[i]) && (Double.isNaN(y[i]) || Double.isFinite(x[i]))
                        || d <= atol + rtol * Math.abs(y[i]);
                if (!same && (worst < 0 || !(d <= worstDiff))) {
                    worst = i;
                    worstDiff = d;
                }
            }
            if (worst >= 0) {
                throw bad(what + " differs between the rewritten graph and the unrewritten one: at flat index " + worst
                        + " rewritten " + x[worst] + " vs unrewritten " + y[worst] + " (difference " + worstDiff
                        + "; tolerance atol=" + atol + ", rtol=" + rtol + ")");
            }
        }
    }

    private static GraphError bad(String message) {
        return new GraphError(ErrorKind.BAD_OPTIMIZATION, message,
                "a TDL rewrite changed this value beyond tolerance: please report it with the script");
    }
}
