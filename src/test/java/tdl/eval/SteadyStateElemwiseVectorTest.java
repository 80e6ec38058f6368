package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import tdl.Allocations;

/**
 * The vectorised softplus and tanh allocate nothing once the JIT has compiled them (boxed Vector API
 * code allocates about 100 bytes per vector operation). Softplus also runs in the RBM's plans, which
 * SteadyStateVectorTest checks after polluted profiles; tanh is in no benchmark plan, so it is
 * checked here, on the LeNet layer's 20x500 shape. The JIT takes some calls to reach its top tier
 * (longer on a busy machine): warm until the steady state shows or a deadline passes.
 */
class SteadyStateElemwiseVectorTest {
    private static final long DEADLINE_NANOS = 60_000_000_000L;

    @Test
    void softplusAndTanhAllocateNothingOnceWarm() {
        assumeTrue(Gemm.VECTOR, "needs the Vector API kernels");
        double[] x = new double[20 * 500], o = new double[x.length];
        for (int i = 0; i < x.length; i++) x[i] = (i % 97 - 48) * 0.125;
        Runnable both = () -> {
            Softplus.apply(x, 0, o, 0, x.length);
            Tanh.apply(x, 0, o, 0, x.length);
        };
        long start = System.nanoTime(), bytes;
        do {
            for (int i = 0; i < 20; i++) both.run();
            bytes = Allocations.steadyState(both);
        } while (bytes > 0 && System.nanoTime() - start < DEADLINE_NANOS);
        assertEquals(0, bytes, "bytes per softplus + tanh of 10,000 elements once warm");
    }
}
