package tdl.eval;

/**
 * An elementwise loop over [0, n) split in two halves on a {@link Team}'s two threads when n is
 * large enough to pay for the hand-over. Between two products of a Gibbs step the team's second
 * thread is spinning anyway (it lingers for the next product), so a sigmoid or a draw of a
 * 20x784 minibatch costs the step half its time. Made once per kernel: a run allocates nothing.
 * A loop split here must give every element the same bits whichever half computes it (elementwise
 * functions, counter-based draws).
 */
final class ElementHalves {
    /** A loop body over elements [from, to); {@code part} is 0 or 1, for per-thread scratch. */
    interface Range {
        void run(int part, int from, int to);
    }

    /** Below this many elements the hand-over (about a microsecond) costs more than half the loop saves. */
    static final int MIN_PARALLEL = 4096;
    // split on whole 512-bit vectors of floats, so both halves run their vector loops to the end
    private static final int GRAIN = 16;

    private final Team team;
    private final Range range;
    private final Team.Parts parts = this::part; // made once: a run allocates nothing
    private int n, mid;

    ElementHalves(Team team, Range range) {
        this.team = team;
        this.range = range;
    }

    /** Runs the range over [0, n), in two halves at once when n >= {@link #MIN_PARALLEL}. */
    void run(int n) {
        run(n, GRAIN);
    }

    /** {@link #run(int)} with the halves meeting on a multiple of {@code unit} (a row of a matrix). */
    void run(int n, int unit) {
        if (n < MIN_PARALLEL || n / unit < 2) {
            range.run(0, 0, n);
            return;
        }
        this.n = n;
        this.mid = n / unit / 2 * unit;
        team.run(parts);
    }

    private void part(int part) {
        if (part == 0) range.run(0, 0, mid);
        else range.run(1, mid, n);
    }
}
