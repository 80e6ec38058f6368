package tdl.eval;

import tdl.graph.NDArray;

/**
 * Computes one node. {@code reuse} is this node's previous output buffer (or null): a kernel
 * writes into it when its shape and dtype fit, else allocates. The result never shares storage
 * with an input (so a plan may overwrite it freely); inputs are not modified unless the kernel is
 * explicitly in-place and the plan passed an input as {@code reuse}.
 * <p>An instance serves one node of one plan and runs one call at a time, so it may keep scratch
 * (shapes, strides, index tables) in its own fields between calls: a call shaped like the previous
 * one should allocate nothing.
 */
@FunctionalInterface
public interface Kernel {
    NDArray run(NDArray[] inputs, NDArray reuse);
}
