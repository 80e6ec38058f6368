package tdl.eval;

import tdl.graph.NDArray;

/**
 * A kernel for a node with several outputs (scan). It keeps its own output buffers, and the array
 * holding them, between runs; the results are valid until its next run and never share storage
 * with an input.
 */
public interface MultiKernel extends Kernel {
    NDArray[] runAll(NDArray[] inputs);

    /** The first output, for callers that treat it as a single-output kernel. */
    @Override
    default NDArray run(NDArray[] inputs, NDArray reuse) { return runAll(inputs)[0]; }
}
