package tdl.grad;

import java.util.List;
import tdl.graph.Variable;

/** Gradients (one per wrt, in order) and the warnings building them produced (disconnected inputs in WARN mode). */
public record GradResult(List<Variable> grads, List<String> warnings) {
    public GradResult {
        grads = List.copyOf(grads);
        warnings = List.copyOf(warnings);
    }
}
