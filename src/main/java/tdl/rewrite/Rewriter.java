package tdl.rewrite;

import java.util.List;
import tdl.graph.Variable;

/** Runs a {@link Pipeline} over a function graph (given by its outputs, updates included) and reports what fired. */
public final class Rewriter {
    private final Pipeline pipeline;

    public Rewriter(Pipeline pipeline) { this.pipeline = pipeline; }

    public Rewriter() { this(Pipeline.standard()); }

    public record Result(List<Variable> outputs, RewriteLog log) { }

    public Result rewrite(List<Variable> outputs) {
        RewriteLog log = new RewriteLog();
        return new Result(pipeline.run(outputs, log), log);
    }

    public Pipeline pipeline() { return pipeline; }
}
