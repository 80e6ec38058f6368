package tdl.graph.ops;

/**
 * The mutable part of one random draw: its key (stream seed, draw id) and how many times it has
 * been evaluated. A counter-based generator hashes (seed, draw, evaluation, element) so the numbers
 * depend only on these, never on thread count or on which other draws ran first. Compared by
 * identity: two draws never share a counter, and one draw compiled into two functions advances the
 * same counter (like Theano's shared generator state).
 */
public final class RandomCounter {
    private long seed;
    private final long draw;
    private long evaluations;

    public RandomCounter(long seed, long draw) {
        this.seed = seed;
        this.draw = draw;
    }

    public synchronized long seed() { return seed; }

    public long draw() { return draw; }

    /** The number of the evaluation about to run, advancing the counter. */
    public synchronized long next() { return evaluations++; }

    /** The key of the evaluation about to run (seed and evaluation read together), advancing the counter. */
    public synchronized long[] nextKey() { return new long[] {seed, evaluations++}; }

    /** The key of the evaluation about to run, without advancing (a draw compiled with no_default_updates). */
    public synchronized long[] peekKey() { return new long[] {seed, evaluations}; }

    /** Re-keys the draw and restarts its sequence (stream.seed(n)). */
    public synchronized void reseed(long newSeed) {
        seed = newSeed;
        evaluations = 0;
    }

    @Override
    public String toString() { return "RandomCounter(seed=" + seed + ", draw=" + draw + ")"; }
}
