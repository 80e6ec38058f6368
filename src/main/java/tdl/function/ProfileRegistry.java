package tdl.function;

import java.util.ArrayList;
import java.util.List;

/**
 * One session's --profile and --nan-guard settings and the functions compiled under them, so the
 * session can print every function's profile at exit as Theano's profiler does. Session-scoped
 * (kept in the runtime's session state), never static.
 */
public final class ProfileRegistry {
    private boolean profile;
    private boolean nanGuard;
    private final List<CompiledFunction> functions = new ArrayList<>();

    public void configure(boolean profile, boolean nanGuard) {
        this.profile = profile;
        this.nanGuard = nanGuard;
    }

    /** The options with this session's profiling and NaN guard switched on where asked. */
    public FunctionCompiler.Options apply(FunctionCompiler.Options options) {
        return options.withProfile(options.profile() || profile).withNanGuard(options.nanGuard() || nanGuard);
    }

    /** Remembers a compiled function whose profile the report should include. */
    public void register(CompiledFunction f) {
        if (f.profile() != null) functions.add(f);
    }

    public boolean profiling() { return profile; }

    /** Every profiled function that was called, busiest first; empty when none was. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        functions.stream().filter(f -> f.profile().calls() > 0)
                .sorted((a, b) -> Long.compare(b.profile().totalNanos(), a.profile().totalNanos()))
                .forEach(f -> sb.append(f.profile().format(f.displayName())));
        return sb.toString();
    }
}
