package tdl.graph.ops;


/**
 * Inputs (x, count), output x unchanged: checks at run time what numpy's choice (under Theano's
 * RandomStreams.choice) checks. PROBABILITIES: x is p, non-negative and summing to 1 (numpy's
 * tolerance); count is unused. SAMPLE_SIZE: x is the population size, at least count (a draw
 * without replacement). choice draws p through a multinomial, which gives the last category what
 * the others leave, so without this a p summing to 0.6 would silently favour the last entry.
 */
public record ChoiceCheckOp(Kind kind) implements ValueCheckOp {
    public enum Kind { PROBABILITIES, SAMPLE_SIZE }

    @Override
    public String name() { return "RandomStreams.choice"; }

    @Override
    public String checkedFunction() { return name(); }

    @Override
    public int arity() { return 2; }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ChoiceCheckOp that && kind == that.kind;
    }

    @Override
    public int hashCode() { return kind.hashCode(); }
}
