package tdl.eval;

import tdl.graph.NDArray;

/** A compiled inner graph (see {@link InnerCompiler}); runs one call at a time. */
public interface InnerPlan {
    /**
     * Runs the graph on one value per input. The results (one per output) are the plan's own
     * buffers, or its arguments: valid until the next run; copy what you keep.
     */
    NDArray[] run(NDArray[] arguments);

    /** Drops the references to the last run's arguments (buffers stay for reuse). */
    void release();
}
