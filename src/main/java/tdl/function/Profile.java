package tdl.function;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Time spent per kind of op (keyed by op name, e.g. "Dot", "Elemwise{add}") over all profiled
 * calls of one compiled function. Filled only by the profiling plan runner, so it costs nothing when
 * profiling is off.
 */
public final class Profile {
    /** Accumulated time and number of kernel runs of one op kind. */
    public static final class Entry {
        long nanos;
        long runs;

        public long nanos() { return nanos; }

        void add(long n) {
            nanos += n;
            runs++;
        }

        public long runs() { return runs; }
    }

    private final Map<String, Entry> byOp = new LinkedHashMap<>();
    private long calls;
    private long totalNanos;
    // an inner graph's view (a scan body): records into the parent under "Op > inner op", counts no calls
    private final Profile parent;
    private final String prefix;

    public Profile() {
        this(null, "");
    }

    private Profile(Profile parent, String prefix) {
        this.parent = parent;
        this.prefix = prefix;
    }

    /** A view for an inner graph run by op {@code opName}: its steps show as "opName > step". */
    Profile inner(String opName) {
        return new Profile(this, prefix + opName + " > ");
    }

    /**
     * The entry a step of op kind {@code op} records into, resolved once when a plan is built: a
     * profiled run then allocates nothing (a key built per run would, and would skew the
     * allocation figures `tdl bench --profile` prints beside the timings).
     */
    Entry entry(String op) {
        if (parent != null) return parent.entry(prefix.substring(parent.prefix.length()) + op);
        return byOp.computeIfAbsent(op, k -> new Entry());
    }

    /**
     * Forgets what was recorded so far (the benchmark does after its warm-up, so the table shows
     * the steady state, not the JIT's first calls); the plans keep recording into the same entries.
     */
    public void reset() {
        if (parent != null) {
            parent.reset();
            return;
        }
        for (Entry e : byOp.values()) e.nanos = e.runs = 0;
        calls = totalNanos = 0;
    }

    void callDone(long nanos) {
        if (parent != null) return;
        calls++;
        totalNanos += nanos;
    }

    /** The op kinds that ran (a plan resolves its entries up front, so a skipped branch's ops have none). */
    public Map<String, Entry> byOp() {
        Map<String, Entry> ran = new LinkedHashMap<>();
        byOp.forEach((op, e) -> { if (e.runs > 0) ran.put(op, e); });
        return Collections.unmodifiableMap(ran);
    }

    public long calls() { return calls; }

    public long totalNanos() { return totalNanos; }

    /**
     * A table sorted by time, as Theano's profiler summary prints it. The steps of an inner graph
     * ("Scan{f} > Dot") are part of their op's time, so the percentages add up to more than 100.
     */
    public String format(String functionName) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Function profiling: %s (%d calls, %.3f ms)%n", functionName, calls, totalNanos / 1e6));
        sb.append(String.format("  %7s %10s %8s  %s%n", "<%>", "<ms>", "<runs>", "<op>"));
        byOp().entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().nanos, a.getValue().nanos))
                .forEach(e -> sb.append(String.format("  %6.1f%% %10.3f %8d  %s%n",
                        totalNanos == 0 ? 0.0 : 100.0 * e.getValue().nanos / totalNanos,
                        e.getValue().nanos / 1e6, e.getValue().runs, e.getKey())));
        return sb.toString();
    }
}
