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
 *
 * <p>float32: a float32 {@code NDArray} stores {@code float[]}. Most kernels here are float64 loops
 * over {@code double[]}; {@link tdl.eval.Kernels#forApply} wraps the kernel of every node with a
 * float32 input or output in a {@link tdl.eval.Float32Adaptor} (float32 inputs widened into cached
 * double scratch, result narrowed once into the node's float[] buffer), unless the kernel implements
 * {@link tdl.eval.Float32Native}. Such a kernel receives the float[]-backed arrays as they are and
 * must return a float32 result stored as floats ({@code NDArray.zeros(FLOAT32, ...)}, or
 * {@link tdl.eval.Kernels#nativeOutput} to reuse the previous buffer). Inside an adapted kernel every
 * array is double-backed: {@link tdl.eval.Kernels#output} allocates "wide" float32 scratch
 * ({@code NDArray.wide}), which never leaves the adaptor.
 */
package tdl.eval;
