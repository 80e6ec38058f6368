package tdl.graph;

import java.util.List;

/**
 * A graph an op runs inside itself (a scan's body), apart from the graph the op sits in: its own
 * {@code inputs}, which the op binds to values on every run, and the {@code outputs} each run
 * computes. Passes over the outer graph leave it alone; whoever compiles the outer graph compiles
 * it the same way (see {@code tdl.eval.InnerCompiler}).
 */
public record InnerGraph(List<Variable> inputs, List<Variable> outputs) {
    public InnerGraph {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
