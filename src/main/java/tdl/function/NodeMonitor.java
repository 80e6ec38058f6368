package tdl.function;

import tdl.graph.Apply;
import tdl.graph.NDArray;

/**
 * Called around each step of a compiled function's plan (Theano's MonitorMode pre_func/post_func):
 * {@code index} is the step's position in the plan, {@code node} the (rewritten) node it computes.
 * The arrays are the plan's own buffers, valid during the call only: copy what you keep.
 */
public interface NodeMonitor {
    void before(int index, Apply node, NDArray[] inputs);

    void after(int index, Apply node, NDArray[] inputs, NDArray output);
}
