package tdl.graph.ops;

/**
 * The mutable part of one random draw: its key (stream seed, draw id) and how many times it has
 * been evaluated. A counter-based generator hashes (seed, draw, evaluation, element) so the numbers
 * depend only on these, never on thread count or on which other draws ran first. Compared by
 * identity: two draws never share a counter, and one draw compiled into two functions advances the
 * same counter (like Theano's shared generator state).
 */
public final class RandomCounter {
    /**
     * Where a draw's evaluation keys come from when its state is a generator a script can read and
     * set (Theano's RandomStreams: a draw's {@code rng}, a numpy RandomState): each evaluation takes
     * the next 64 bits of it. Implementations must be safe to call from the counter's lock.
     */
    public interface KeySource {
        /** The key of the evaluation about to run, advancing the state. */
        long next();

        /** The same key without advancing (a draw compiled with no_default_updates). */
        long peek();

        /** Remembers the state, for {@link #rollback()}: a function call is about to run. */
        void mark();

        /** Returns to the state {@link #mark()} remembered: the call failed, and stores no update. */
        void rollback();
    }

    private long seed;
    private final long draw;
    private long evaluations;
    private long markedEvaluations;
    private final KeySource source;

    public RandomCounter(long seed, long draw) {
        this.seed = seed;
        this.draw = draw;
        this.source = null;
    }

    /** A draw whose keys come from {@code source} (seed and draw number are then unused). */
    public RandomCounter(KeySource source) {
        this.source = source;
        this.draw = 0;
    }

    /** The generator state this draw reads, or null for a (seed, draw, evaluation) counter. */
    public KeySource source() { return source; }

    /** The key from {@link #source()}: advancing it, or (frozen) not. */
    public synchronized long sourceKey(boolean advance) { return advance ? source.next() : source.peek(); }

    public synchronized long seed() { return seed; }

    public long draw() { return draw; }

    /** The number of the evaluation about to run, advancing the counter. */
    public synchronized long next() { return evaluations++; }

    /** The key of the evaluation about to run (seed and evaluation read together), advancing the counter. */
    public synchronized long[] nextKey() { return new long[] {seed, evaluations++}; }

    /** The key of the evaluation about to run, without advancing (a draw compiled with no_default_updates). */
    public synchronized long[] peekKey() { return new long[] {seed, evaluations}; }

    /**
     * Remembers where the draw's sequence stands before a function call, so that a call that fails
     * can {@link #rollback()}: in Theano the generator's new state is an update, stored only when the
     * whole call succeeds.
     */
    public synchronized void mark() {
        markedEvaluations = evaluations;
        if (source != null) source.mark();
    }

    /** Back to {@link #mark()}'s position: the failed call's evaluations never happened. */
    public synchronized void rollback() {
        evaluations = markedEvaluations;
        if (source != null) source.rollback();
    }

    /** Re-keys the draw and restarts its sequence (stream.seed(n)). */
    public synchronized void reseed(long newSeed) {
        seed = newSeed;
        evaluations = 0;
    }

    @Override
    public String toString() { return "RandomCounter(seed=" + seed + ", draw=" + draw + ")"; }
}
