/**
 * Everything of theano.scan, as PyTensor keeps it in {@code pytensor/scan/}:
 * <ul>
 * <li>{@link tdl.scan.ScanOp}, the op: its body is an inner graph ({@link tdl.graph.Op#innerGraphs}),
 *     so the passes below treat it as opaque and the compiler needs no special case for it;</li>
 * <li>{@link tdl.scan.ScanBuilder}, which turns theano.scan's arguments (already symbolic; the
 *     builtin in {@code tdl.lib.theano} reads the script's values and calls its step function) into
 *     a ScanOp node;</li>
 * <li>{@link tdl.scan.ScanGrad}, its gradient: backpropagation through time, a second scan;</li>
 * <li>{@link tdl.scan.ScanKernel}, its kernel, which the op hands out as a
 *     {@link tdl.eval.KernelFactory}: the body is compiled once through the enclosing function's
 *     {@link tdl.eval.InnerCompiler} (so --nan-guard, --profile and the rewrite pipeline apply
 *     inside) and run once per step over buffers kept between calls;</li>
 * <li>{@link tdl.scan.ScanHistory}, its rule in the pipeline's memory phase
 *     ({@link tdl.rewrite.MemoryPhase}): an output read only at [-1] keeps its last step, not its
 *     history;</li>
 * <li>{@link tdl.scan.Jacobians}: theano.gradient.jacobian and hessian, a scan over the rows as
 *     Theano builds them.</li>
 * </ul>
 */
package tdl.scan;
