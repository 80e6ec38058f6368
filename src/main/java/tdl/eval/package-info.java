/**
 * Evaluation: one {@link tdl.eval.Kernel} per op ({@link tdl.eval.Kernels#forApply}), numpy
 * broadcasting ({@link tdl.eval.Broadcast}), and {@link tdl.eval.Eager} for on-the-spot evaluation.
 *
 * <p>Kernel contract for the plan builder: a kernel writes into the {@code reuse} buffer when its
 * shape and dtype fit; its result never shares storage with an input. Passing an input as
 * {@code reuse} (in-place) is safe only for elementwise kernels whose output has that input's shape
 * and dtype; dot, index and shape kernels must get a separate buffer.
 */
package tdl.eval;
