package tdl.function;

import java.util.List;
import tdl.eval.InnerCompiler;
import tdl.eval.InnerPlan;
import tdl.eval.Team;
import tdl.graph.Apply;
import tdl.graph.InnerGraph;
import tdl.graph.Variable;
import tdl.rewrite.Phase;
import tdl.rewrite.Pipeline;
import tdl.rewrite.RewriteLog;

/**
 * How one function is compiled: its rewrite pipeline, its NaN guard and where its steps are timed.
 * Inner graphs (a scan's body) are compiled by the same object, so they get exactly the outer
 * function's options, and their steps show in its profile as "Scan{name} > op".
 */
final class Compilation implements InnerCompiler {
    private final Pipeline pipeline;
    private final boolean nanGuard;
    private final Profile profile;
    private final Team team; // shared with the inner graphs' plans: one function, one second thread
    private final CompileTimes times;
    private final NodeMonitor monitor; // the outer plan's only: Theano's MonitorMode sees the function's own nodes

    private Compilation(Pipeline pipeline, boolean nanGuard, Profile profile, Team team, CompileTimes times) {
        this(pipeline, nanGuard, profile, team, times, null);
    }

    private Compilation(Pipeline pipeline, boolean nanGuard, Profile profile, Team team, CompileTimes times, NodeMonitor monitor) {
        // the NaN guard blames the exact op that produced a NaN, so it keeps elementwise ops unfused
        this.pipeline = nanGuard ? pipeline.without("fuse") : pipeline;
        this.nanGuard = nanGuard;
        this.profile = profile;
        this.team = team;
        this.times = times;
        this.monitor = monitor;
    }

    /**
     * The compilation {@code options} ask for, timing its steps into {@code times} and its plan's
     * steps into {@code profile} (null: no profiling).
     */
    static Compilation of(FunctionCompiler.Options options, Profile profile, CompileTimes times) {
        return new Compilation(options.pipeline(), options.nanGuard(), profile, new Team(), times, options.monitor());
    }

    /** The pipeline's phases in order, each timed into {@link CompileTimes}. */
    List<Variable> rewrite(List<Variable> results, RewriteLog log) {
        List<Variable> cur = results;
        for (Phase p : pipeline.phases()) {
            long t0 = System.nanoTime();
            cur = p.run(cur, log);
            times.since(p.name(), t0);
        }
        return cur;
    }

    Plan plan(List<Variable> inputs, List<Variable> results) {
        return Plan.build(inputs, results, this, profile, nanGuard, monitor);
    }

    @Override
    public Team team() {
        return team;
    }

    @Override
    public InnerPlan compile(Apply owner, InnerGraph graph) {
        Profile inner = profile == null ? null : profile.inner(owner.op().name());
        Compilation c = new Compilation(pipeline, nanGuard, inner, team, times.inner(owner.op()));
        List<Variable> rewritten = c.rewrite(graph.outputs(), new RewriteLog());
        long t0 = System.nanoTime();
        InnerPlan plan = c.plan(graph.inputs(), rewritten);
        c.times.since("plan", t0);
        return plan;
    }
}
