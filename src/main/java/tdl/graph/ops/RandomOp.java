package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * A random draw of rank {@code ndim}: inputs are the size (an int vector of length ndim) and two
 * parameters broadcast against it (uniform: low, high; normal: avg, std; binomial: n, p;
 * random_integers: low, high inclusive; poisson: lam, unused). Permutation and multinomial add a last axis: a
 * permutation of 0..n-1 per size position (parameters: n, unused), or the counts of n draws over
 * the k categories of pvals (parameters: n, pvals whose last axis has the k probabilities). Every
 * evaluation draws fresh numbers (the kernel advances {@link #counter} unless {@code advances} is
 * false), so the op is stochastic:
 * never folded or merged. No gradient flows into the size; through the parameters the gradient is
 * undefined, as Theano's RandomFunction (grad_undefined) and MRG's undefined_grad(low/avg/p) say.
 */
public record RandomOp(Kind kind, DType dtype, int ndim, RandomCounter counter, boolean advances) implements Op {
    public enum Kind {
        UNIFORM, NORMAL, BINOMIAL, INTEGERS, PERMUTATION, MULTINOMIAL, POISSON;

        /** Whether the result has one axis more than the size (the permutation or the categories). */
        public boolean addsAxis() { return this == PERMUTATION || this == MULTINOMIAL; }
    }

    /** A draw that advances its stream on each evaluation (the default update of Theano's RandomStreams). */
    public RandomOp(Kind kind, DType dtype, int ndim, RandomCounter counter) { this(kind, dtype, ndim, counter, true); }

    /**
     * The same draw reading the stream's current state without advancing it: what a function compiled
     * with {@code no_default_updates} computes (every call repeats the numbers until something else
     * advances the stream).
     */
    public RandomOp frozen() { return new RandomOp(kind, dtype, ndim, counter, false); }

    @Override
    public String name() { return "RandomStreams." + (kind == Kind.INTEGERS ? "random_integers" : kind.name().toLowerCase()); }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity(name(), in, 3);
        TensorType size = in.get(0);
        if (size.rank() != 1 || size.dtype().isFloat()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, name() + ": size must be a tuple of integers or an integer shape vector, got " + size);
        }
        if (kind == Kind.PERMUTATION && (in.get(1).rank() != 0 || in.get(1).dtype().isFloat())) {
            throw new GraphError(ErrorKind.TYPE_ERROR, name() + ": n must be an integer scalar, got " + in.get(1));
        }
        if (kind == Kind.MULTINOMIAL && (in.get(2).rank() < 1 || in.get(2).rank() > ndim + 1)) {
            throw new GraphError(ErrorKind.VALUE_ERROR, name() + ": pvals must have the categories on its last axis and at most "
                    + ndim + " axes before it, got " + in.get(2), "give pvals as a vector, or one row of probabilities per draw");
        }
        for (int i = 1; i < 3; i++) {
            if (in.get(i).rank() > ndim + (kind == Kind.MULTINOMIAL && i == 2 ? 1 : 0)) {
                throw new GraphError(ErrorKind.VALUE_ERROR, name() + ": a parameter of rank " + in.get(i).rank()
                        + " does not fit the requested rank-" + ndim + " size", "give a size with as many entries as the parameter has dimensions");
            }
        }
        return List.of(new TensorType(dtype, ndim + (kind.addsAxis() ? 1 : 0)));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return Arrays.asList(null, null, null);
    }

    @Override
    public String undefinedGradient(int input) {
        return input == 0 ? null : "the numbers drawn by " + name() + " have no gradient with respect to its parameters";
    }

    @Override
    public boolean isStochastic() { return true; }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RandomOp that
                && java.util.Objects.equals(kind, that.kind)
                && java.util.Objects.equals(dtype, that.dtype)
                && ndim == that.ndim
                && java.util.Objects.equals(counter, that.counter)
                && advances == that.advances;
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(kind);
        h = 31 * h + java.util.Objects.hashCode(dtype);
        h = 31 * h + ndim;
        h = 31 * h + java.util.Objects.hashCode(counter);
        h = 31 * h + Boolean.hashCode(advances);
        return h;
    }
}
