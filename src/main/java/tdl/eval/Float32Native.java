package tdl.eval;

/**
 * A kernel that handles float32 arrays itself: it reads and writes their float[] storage (or goes
 * through {@code NDArray.get/set}) and allocates float32 outputs with {@code NDArray.zeros}.
 * {@link Kernels#forApply} wraps every other kernel of a node with a float32 input or output in a
 * {@link Float32Adaptor}, which runs it in float64 scratch. Declare this only for a kernel whose
 * every float32 path has been written and tested.
 */
public interface Float32Native extends Kernel {
}
