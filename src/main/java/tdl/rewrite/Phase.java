package tdl.rewrite;

import java.util.List;
import java.util.Set;
import tdl.graph.Variable;

/** One named step of the {@link Pipeline}: it maps the function's output list to an equivalent one. */
public interface Phase {
    String name();

    /** Rewrites the graph computing {@code outputs}, recording what fired in {@code log}. */
    List<Variable> run(List<Variable> outputs, RewriteLog log);

    /** This phase with the named rewrites switched off (the phase itself when its name is listed: an empty phase). */
    Phase without(Set<String> names);
}
