/**
 * Evaluation: one {@link tdl.eval.Kernel} per op ({@link tdl.eval.Kernels#forApply}), numpy
 * broadcasting ({@link tdl.eval.Broadcast}), and {@link tdl.eval.Eager} for on-the-spot evaluation.
 * An op defined above this package brings its own kernel ({@link tdl.eval.KernelFactory}); one with
 * an inner graph (scan) compiles it through the {@link tdl.eval.InnerCompiler} the compile pipeline
 * hands it, into an {@link tdl.eval.InnerPlan}, with the enclosing function's options.
 *
 * <p>Kernel contract for the plan builder: a kernel writes into the {@code reuse} buffer when its
 * shape and dtype fit; its result never shares storage with an input. Passing an input as
 * {@code reuse} (in-place) is safe only for elementwise kernels whose output has that input's shape
 * and dtype; dot, index and shape kernels must get a separate buffer.
 */
package tdl.eval;
