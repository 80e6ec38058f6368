package tdl.session.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.eval.Gemm;
import tdl.function.CompiledFunction;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.lib.theano.TheanoLibrary;
import tdl.session.Session;
import tdl.session.SessionOptions;

/**
 * The RBM's compiled plans ({@code train_rbm}, {@code sample_fn} of the benchmark) allocate at most
 * 1 KB per call once warm, counted over every thread that runs work (the caller and the pool
 * thread that computes half of each product), when other work ran first in the same JVM: Vector
 * API code of every shape and operator ({@link VectorPollution}) and another model with products,
 * sigmoids and draws of other shapes. Boxed vector code allocates megabytes per call, so the
 * figure separates the two states without timing anything. The JIT needs some calls to reach its
 * top tier (longer on a busy machine), so the test warms until the steady state shows or a deadline passes.
 */
class SteadyStateVectorTest {
    private static final long LIMIT = 1024;
    private static final long DEADLINE_NANOS = 120_000_000_000L;

    private static final String OTHER = """
            import numpy
            import theano
            import theano.tensor as T
            from theano.tensor.shared_randomstreams import RandomStreams
            rng = numpy.random.RandomState(5)
            a = theano.shared(rng.uniform(size=(13, 37)))
            b = theano.shared(rng.uniform(size=(37, 29)))
            srng = RandomStreams(7)
            h = T.nnet.sigmoid(T.dot(a, b) - 3)
            other = theano.function([], [h, srng.binomial(size=h.shape, n=1, p=h), T.dot(h, b.T)])
            for i in range(300):
                other()
            """;

    @Test
    void theRbmPlansAllocateNothingPerStepAfterOtherVectorWork() {
        assumeTrue(Gemm.VECTOR, "needs the Vector API kernels");
        com.sun.management.ThreadMXBean threads = threads();
        VectorPollution.run(20000);
        Session s = new Session(SessionOptions.defaults().withSeed(1234L));
        s.exec(OTHER, "<other work>");
        s.set("N_HIDDEN", 500L);
        s.set("BATCH", 20L);
        s.set("PLOT_EVERY", 50L);
        s.exec(BenchRunner.resource("tdl/bench/rbm_bench.tdl"), "<bench>");
        CompiledFunction train = TheanoLibrary.compiledFunction(s.call("compile_train"));
        CompiledFunction sample = TheanoLibrary.compiledFunction(s.call("compile_sample"));
        NDArray[] index = {NDArray.scalar(DType.INT64, 3)};
        Runnable trainCall = () -> train.callBorrowed(index);
        Runnable sampleCall = sample::callBorrowed;

        long start = System.nanoTime(), trainBytes, sampleBytes;
        do {
            for (int i = 0; i < 40; i++) trainCall.run();
            for (int i = 0; i < 10; i++) sampleCall.run();
            trainBytes = least(threads, trainCall);
            sampleBytes = least(threads, sampleCall);
        } while ((trainBytes > LIMIT || sampleBytes > LIMIT) && System.nanoTime() - start < DEADLINE_NANOS);
        assertTrue(trainBytes <= LIMIT && sampleBytes <= LIMIT, "bytes per call once warm (all threads): train_rbm "
                + trainBytes + ", sample_fn (50 Gibbs steps) " + sampleBytes + "; boxed Vector API code allocates megabytes");
    }

    /** The least, over three calls, of the bytes every live thread allocated during one call. */
    private static long least(com.sun.management.ThreadMXBean threads, Runnable call) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long overhead = total(threads) - total(threads); // what counting itself allocates, negated
            long before = total(threads);
            call.run();
            least = Math.min(least, total(threads) - before + overhead);
        }
        return Math.max(0, least);
    }

    private static long total(com.sun.management.ThreadMXBean threads) {
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) if (b > 0) sum += b;
        return sum;
    }

    private static com.sun.management.ThreadMXBean threads() {
        boolean counts = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled();
        assumeTrue(counts, "this JVM does not count the bytes a thread allocates");
        return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }
}
