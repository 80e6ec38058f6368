package tdl.lib.theano;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tdl.graph.Variable;
import tdl.graph.ops.TensorOps;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.Sequences;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.tensor.nnet.bn as Theano 1.0: batch_normalization (given mean and std), and the
 * batch_normalization_train/test forms (axes 'per-activation', 'spatial' or a tuple). Each is
 * composed of elementwise ops and reductions exactly as Theano's own graph rewrite of its
 * abstract ops writes them, so gradients (through the batch mean and variance too) come from their
 * parts; Theano's hand-written gradient is the same derivative.
 */
final class BatchNorm {
    private BatchNorm() {}

    static TdlModule install(TdlModule nnet) {
        TdlModule bn = new TdlModule("theano.tensor.nnet.bn");
        TdlCallable plain = BatchNorm::batchNormalization;
        bn.put("batch_normalization", plain);
        bn.put("batch_normalization_train", (TdlCallable) BatchNorm::train);
        bn.put("batch_normalization_test", (TdlCallable) BatchNorm::test);
        nnet.put("bn", bn).put("batch_normalization", plain).put("h_softmax", (TdlCallable) HSoftmax::hSoftmax);
        return bn;
    }

    /** batch_normalization(inputs, gamma, beta, mean, std, mode='low_mem'). */
    private static Object batchNormalization(Runtime rt, Args a) {
        a.check(6, "inputs", "gamma", "beta", "mean", "std", "mode");
        TensorOps t = Symbolic.ops(rt);
        Variable x = TensorModule.arg(rt, a, 0, "inputs"), gamma = TensorModule.arg(rt, a, 1, "gamma"),
                beta = TensorModule.arg(rt, a, 2, "beta"), mean = TensorModule.arg(rt, a, 3, "mean"), std = TensorModule.arg(rt, a, 4, "std");
        Object mode = a.get(5, "mode", "low_mem");
        if ("low_mem".equals(mode)) return t.add(t.mul(t.trueDiv(t.sub(x, mean), std), gamma), beta); // Theano's BNComposite
        if ("high_mem".equals(mode)) return t.add(t.mul(t.sub(x, mean), t.trueDiv(gamma, std)), beta);
        throw new TdlError(ErrorKind.VALUE_ERROR, "mode must be either \"low_mem\", \"high_mem\"", "got " + rt.repr(mode));
    }

    /** The normalised axes and the others, Theano's _prepare_batch_normalization_axes. */
    private record Axes(int[] axes, int[] kept) {}

    private static Axes axes(Runtime rt, Object spec, int ndim) {
        TreeSet<Integer> s = new TreeSet<>();
        if ("per-activation".equals(spec)) s.add(0);
        else if ("spatial".equals(spec)) {
            s.add(0);
            for (int i = 2; i < ndim; i++) s.add(i);
        } else if (Sequences.items(spec) != null) {
            for (Object o : Sequences.items(spec)) {
                if (!(o instanceof Long l)) throw new TdlError(ErrorKind.VALUE_ERROR, "invalid axes: " + rt.repr(spec));
                s.add((int) (long) l);
            }
        } else {
            throw new TdlError(ErrorKind.VALUE_ERROR, "invalid axes: " + rt.repr(spec), "use 'per-activation', 'spatial' or a tuple of ints");
        }
        if (s.isEmpty()) throw new TdlError(ErrorKind.VALUE_ERROR, "there should be at least one normalization axis");
        if (s.first() < 0 || s.last() >= ndim) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "axes should be less than ndim (<" + ndim + "), but " + rt.repr(spec) + " given");
        }
        int[] axes = s.stream().mapToInt(Integer::intValue).toArray();
        int[] kept = java.util.stream.IntStream.range(0, ndim).filter(i -> !s.contains(i)).toArray();
        return new Axes(axes, kept);
    }

    /** Parameters of rank ndim - len(axes) get size-1 axes where the normalised axes are; rank ndim ones stay. */
    private static Variable spread(TensorOps t, Variable p, Axes ax, int ndim) {
        if (p.rank() == ndim) return p;
        int[] pattern = new int[ndim];
        java.util.Arrays.fill(pattern, -1);
        for (int i = 0; i < ax.kept().length; i++) pattern[ax.kept()[i]] = i;
        return t.dimshuffle(p, pattern);
    }

    private static void checkParams(Axes ax, int ndim, String what, Variable... ps) {
        int want = ps[0].rank() == ndim ? ndim : ax.kept().length;
        for (Variable p : ps) {
            if (p.rank() != want) {
                StringBuilder got = new StringBuilder();
                for (Variable q : ps) got.append(got.length() == 0 ? "" : " and ").append(q.rank());
                throw new TdlError(ErrorKind.VALUE_ERROR, what + " dimensionality must match the number of non-normalized axes, or have the "
                        + "same number of dimensions as the inputs; got " + got + " instead of " + want);
            }
        }
    }

    private static Variable epsilon(Runtime rt, Object eps) {
        double e = eps instanceof Long l ? l : eps instanceof Double d ? d : Double.NaN;
        if (Double.isNaN(e)) throw new TdlError(ErrorKind.TYPE_ERROR, "epsilon must be a number, got " + rt.repr(eps));
        if (e < 1e-5) throw new TdlError(ErrorKind.VALUE_ERROR, "epsilon must be at least 1e-5, got " + e);
        return Symbolic.lift(rt, e, "epsilon");
    }

    /**
     * batch_normalization_train(inputs, gamma, beta, axes='per-activation', epsilon=1e-4,
     * running_average_factor=0.1, running_mean=None, running_var=None) -> (out, mean, invstd[,
     * new_running_mean, new_running_var]); mean and invstd have gamma's layout.
     */
    private static Object train(Runtime rt, Args a) {
        a.check(8, "inputs", "gamma", "beta", "axes", "epsilon", "running_average_factor", "running_mean", "running_var");
        TensorOps t = Symbolic.ops(rt);
        Variable x = TensorModule.arg(rt, a, 0, "inputs"), gamma = TensorModule.arg(rt, a, 1, "gamma"), beta = TensorModule.arg(rt, a, 2, "beta");
        int ndim = x.rank();
        Axes ax = axes(rt, a.get(3, "axes", "per-activation"), ndim);
        checkParams(ax, ndim, "gamma and beta", gamma, beta);
        Object rm = a.get(6, "running_mean", null), rv = a.get(7, "running_var", null);
        if ((rm == null) != (rv == null)) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "running_mean and running_var must either both be given or both be None");
        }
        Variable eps = epsilon(rt, a.get(4, "epsilon", 1e-4));
        boolean full = gamma.rank() == ndim;
        Variable mean = t.mean(x, ax.axes(), true), var = t.var(x, ax.axes(), true);
        Variable invstd = t.trueDiv(1.0, t.sqrt(t.add(var, eps)));
        Variable out = t.add(t.mul(t.sub(x, mean), t.mul(spread(t, gamma, ax, ndim), invstd)), spread(t, beta, ax, ndim));
        // the statistics in gamma's layout: the size-1 normalised axes dropped when gamma has none
        Variable meanOut = full ? mean : t.mean(x, ax.axes(), false), varOut = full ? var : t.var(x, ax.axes(), false);
        Variable invstdOut = full ? invstd : t.trueDiv(1.0, t.sqrt(t.add(varOut, eps)));
        List<Object> results = new ArrayList<>(List.of(out, meanOut, invstdOut));
        if (rm != null) {
            Variable runMean = Symbolic.lift(rt, rm, "running_mean"), runVar = Symbolic.lift(rt, rv, "running_var");
            checkParams(ax, ndim, "running_mean and running_var (as gamma and beta)", gamma, runMean, runVar);
            Variable f = Symbolic.lift(rt, a.get(5, "running_average_factor", 0.1), "running_average_factor");
            Variable keep = t.sub(1.0, f);
            // m: how many values each statistic averages, as a floatX number (Theano casts it to floatX)
            Variable m = null;
            for (int axis : ax.axes()) m = m == null ? t.shapeAt(x, axis) : t.mul(m, t.shapeAt(x, axis));
            m = t.cast(m, Symbolic.floatX(rt));
            results.add(t.add(t.mul(runMean, keep), t.mul(meanOut, f)));
            results.add(t.add(t.mul(runVar, keep), t.mul(t.mul(t.trueDiv(m, t.sub(m, 1.0)), varOut), f)));
        }
        return new TdlTuple(results);
    }

    /** batch_normalization_test(inputs, gamma, beta, mean, var, axes='per-activation', epsilon=1e-4). */
    private static Object test(Runtime rt, Args a) {
        a.check(7, "inputs", "gamma", "beta", "mean", "var", "axes", "epsilon");
        TensorOps t = Symbolic.ops(rt);
        Variable x = TensorModule.arg(rt, a, 0, "inputs"), gamma = TensorModule.arg(rt, a, 1, "gamma"),
                beta = TensorModule.arg(rt, a, 2, "beta"), mean = TensorModule.arg(rt, a, 3, "mean"), var = TensorModule.arg(rt, a, 4, "var");
        int ndim = x.rank();
        Axes ax = axes(rt, a.get(5, "axes", "per-activation"), ndim);
        checkParams(ax, ndim, "gamma and beta", gamma, beta);
        checkParams(ax, ndim, "mean and var (as gamma and beta)", gamma, mean, var);
        Variable eps = epsilon(rt, a.get(6, "epsilon", 1e-4));
        Variable g = spread(t, gamma, ax, ndim), b = spread(t, beta, ax, ndim), mu = spread(t, mean, ax, ndim), v = spread(t, var, ax, ndim);
        return t.add(t.mul(t.sub(x, mu), t.trueDiv(g, t.sqrt(t.add(v, eps)))), b);
    }

}
