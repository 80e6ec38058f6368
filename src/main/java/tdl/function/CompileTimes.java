package tdl.function;

import java.util.ArrayList;
import java.util.List;

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

    private final List<Step> steps;
    private final String prefix;

    public CompileTimes() {
        this(new ArrayList<>(), "");
    }

    private CompileTimes(List<Step> steps, String prefix) {
        this.steps = steps;
        this.prefix = prefix;
    }

    /** A view that records into this one, each step's name preceded by {@code opName > }. */
    CompileTimes inner(String opName) {
        return new CompileTimes(steps, prefix + opName + " > ");
    }

    /** Records a step that started at {@code startNanos} (System.nanoTime) and ended now. */
    void since(String name, long startNanos) {
        steps.add(new Step(prefix + name, System.nanoTime() - startNanos));
    }

    public List<Step> steps() { return List.copyOf(steps); }

    /** One line per step, in milliseconds. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append(String.format("  %8.2f ms  %s%n", s.nanos() / 1e6, s.name()));
        }
        return sb.toString();
    }
}
