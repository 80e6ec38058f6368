package tdl.lib.progress;

/**
 * The recent speed of a loop: steps per second over a window of the last few redraws, not since
 * the start, so the first steps (which pay for compiling and JIT warm-up) stop counting once the
 * loop is warm. The ETA is only worth showing after {@link #MIN_STEPS} steps.
 */
final class RateWindow {
    static final int MIN_STEPS = 3;
    private final long[] times;
    private final int[] counts;
    private int size;
    private int next;

    RateWindow(int samples) {
        times = new long[samples];
        counts = new int[samples];
    }

    void record(long nanos, int done) {
        times[next] = nanos;
        counts[next] = done;
        next = (next + 1) % times.length;
        if (size < times.length) size++;
    }

    /** Steps per second between the oldest sample kept and the newest, or 0 with too few. */
    double rate() {
        if (size < 2) return 0;
        int newest = (next - 1 + times.length) % times.length;
        int oldest = size < times.length ? 0 : next;
        double secs = (times[newest] - times[oldest]) / 1e9;
        int steps = counts[newest] - counts[oldest];
        return secs > 0 && steps > 0 ? steps / secs : 0;
    }

    /** Seconds left for {@code remaining} steps, or a negative number when not known yet. */
    double etaSeconds(int done, int remaining) {
        double r = rate();
        return done >= MIN_STEPS && r > 0 ? remaining / r : -1;
    }
}
