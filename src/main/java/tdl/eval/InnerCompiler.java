package tdl.eval;

import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.InnerGraph;
import tdl.vocab.ErrorKind;

/**
 * Compiles the inner graph of an op ({@link tdl.graph.Op#innerGraphs}) with the options of the
 * function that contains the op: the same rewrites, NaN guard and profiling (the inner steps
 * timed as "Op > step"). The compile pipeline provides it; a kernel factory receives it.
 */
@FunctionalInterface
public interface InnerCompiler {
    /** The plan computing {@code graph}'s outputs from its inputs, for the node {@code owner} whose op holds it. */
    InnerPlan compile(Apply owner, InnerGraph graph);

    /**
     * The two-thread team the function's kernels share, so its pool thread stays with the function
     * between products. Outside a function (Eager) every kernel gets a team of its own.
     */
    default Team team() {
        return new Team();
    }

    /** For evaluation outside a compiled function (Eager), which never meets an op with an inner graph. */
    InnerCompiler NONE = (owner, graph) -> {
        throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR, owner.op().name() + " runs an inner graph and can only run"
                + " inside a compiled function", "compile it with theano.function([...], ...) and call that", owner);
    };
}
