package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/**
 * Inputs (x, count), output x unchanged: checks at run time what numpy's choice (under Theano's
 * RandomStreams.choice) checks. PROBABILITIES: x is p, non-negative and summing to 1 (numpy's
 * tolerance); count is unused. SAMPLE_SIZE: x is the population size, at least count (a draw
 * without replacement). choice draws p through a multinomial, which gives the last category what
 * the others leave, so without this a p summing to 0.6 would silently favour the last entry.
 */
public record ChoiceCheckOp(Kind kind) implements Op {
    public enum Kind { PROBABILITIES, SAMPLE_SIZE }

    @Override
    public String name() { return "RandomStreams.choice"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity(name(), in, 2);
        return List.of(in.get(0));
    }

    /** Only ever feeds a random draw, whose parameters have no gradient. */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return Arrays.asList(outputGrads.get(0), null);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ChoiceCheckOp that && kind == that.kind;
    }

    @Override
    public int hashCode() { return kind.hashCode(); }
}
