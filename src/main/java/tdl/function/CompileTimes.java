package tdl.function;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Op;

/**
 * How long each step of one {@code function(...)} compilation took, in the order they ran:
 * checks and givens, each rewrite phase, the plan; an inner graph's steps (a scan's body, compiled
 * while the outer plan is built) are listed with the op's name in front ("Scan{f} > canonicalize")
 * and are part of the outer "plan" time. Always recorded (a dozen clock reads per compilation);
 * {@code tdl bench --compile-only} prints it, to see where a first compile in a fresh JVM goes.
 */
public final class CompileTimes {
    /** One step and its wall time. */
    public record Step(String name, long nanos) { }

    // a recorded step; its name is put together only when read, so recording costs a clock read
    // (no string concatenation, no op names: their first use is a bootstrap in a fresh JVM)
    private record Entry(CompileTimes scope, String step, long nanos) { }

    private final List<Entry> entries;
    private final CompileTimes parent;
    private final Op op;

    public CompileTimes() {
        this(new ArrayList<>(), null, null);
    }

    private CompileTimes(List<Entry> entries, CompileTimes parent, Op op) {
        this.entries = entries;
        this.parent = parent;
        this.op = op;
    }

    /** A view that records into this one, each step's name preceded by {@code op.name() > }. */
    CompileTimes inner(Op innerOwner) {
        return new CompileTimes(entries, this, innerOwner);
    }

    /** Records a step that started at {@code startNanos} (System.nanoTime) and ended now. */
    void since(String name, long startNanos) {
        entries.add(new Entry(this, name, System.nanoTime() - startNanos));
    }

    private String prefix() {
        return parent == null ? "" : parent.prefix() + op.name() + " > ";
    }

    public List<Step> steps() {
        List<Step> out = new ArrayList<>(entries.size());
        for (Entry e : entries) out.add(new Step(e.scope().prefix() + e.step(), e.nanos()));
        return out;
    }

    /** One line per step, in milliseconds. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps()) {
            sb.append(String.format("  %8.2f ms  %s%n", s.nanos() / 1e6, s.name()));
        }
        return sb.toString();
    }
}
