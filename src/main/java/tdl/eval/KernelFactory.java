package tdl.eval;

import tdl.graph.Apply;

/**
 * Implemented by an op defined in a package above eval (an inner-graph op of tdl.function, say)
 * that brings its own kernel; {@link Kernels#forApply} asks it first.
 */
@FunctionalInterface
public interface KernelFactory {
    Kernel kernel(Apply node);
}
