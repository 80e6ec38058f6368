package tdl.eval;

import tdl.graph.Apply;

/**
 * Implemented by an op defined in a package above eval that brings its own kernel (scan, whose
 * kernel runs its body once per step); {@link Kernels#forApply} asks it first. {@code inner}
 * compiles the op's inner graphs the way the enclosing function is compiled.
 */
@FunctionalInterface
public interface KernelFactory {
    Kernel kernel(Apply node, InnerCompiler inner);
}
