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
 * parameters broadcast against it (uniform: low, high; normal: avg, std; binomial: n, p). Every
 * evaluation draws fresh numbers (the kernel advances {@link #counter} unless {@code advances} is
 * false), so the op is stochastic:
 * never folded or merged. Draws are constants to grad: no gradient flows into any input.
 */
public record RandomOp(Kind kind, DType dtype, int ndim, RandomCounter counter, boolean advances) implements Op {
    public enum Kind { UNIFORM, NORMAL, BINOMIAL }

    /** A draw that advances its stream on each evaluation (the default update of Theano's RandomStreams). */
    public RandomOp(Kind kind, DType dtype, int ndim, RandomCounter counter) { this(kind, dtype, ndim, counter, true); }

    /**
     * The same draw reading the stream's current state without advancing it: what a function compiled
     * with {@code no_default_updates} computes (every call repeats the numbers until something else
     * advances the stream).
     */
    public RandomOp frozen() { return new RandomOp(kind, dtype, ndim, counter, false); }

    @Override
    public String name() { return "RandomStreams." + kind.name().toLowerCase(); }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity(name(), in, 3);
        TensorType size = in.get(0);
        if (size.rank() != 1 || size.dtype().isFloat()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, name() + ": size must be a tuple of integers or an integer shape vector, got " + size);
        }
        for (int i = 1; i < 3; i++) {
            if (in.get(i).rank() > ndim) {
                throw new GraphError(ErrorKind.VALUE_ERROR, name() + ": a parameter of rank " + in.get(i).rank()
                        + " does not fit the requested rank-" + ndim + " size", "give a size with as many entries as the parameter has dimensions");
            }
        }
        return List.of(new TensorType(dtype, ndim));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return Arrays.asList(null, null, null);
    }

    @Override
    public boolean isStochastic() { return true; }
}
