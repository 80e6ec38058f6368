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
        rbmPlansAllocateNothing(null);
    }

    /** The same in float32: the float lanes' kernels (products, sigmoid, draws) and the adaptor's scratch. */
    @Test
    void theFloat32RbmPlansAllocateNothingPerStepAfterOtherVectorWork() {
        rbmPlansAllocateNothing("floatX=float32");
    }

    private static void rbmPlansAllocateNothing(String theanoFlags) {
        assumeTrue(Gemm.VECTOR, "needs the Vector API kernels");
        com.sun.management.ThreadMXBean threads = threads();
        VectorPollution.run(20000);
        Session s = new Session(SessionOptions.defaults().withSeed(1234L).withTheanoFlags(theanoFlags));
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
        String where = trainBytes > LIMIT ? allocatingFrames(trainCall) : sampleBytes > LIMIT ? allocatingFrames(sampleCall) : "";
        assertTrue(trainBytes <= LIMIT && sampleBytes <= LIMIT, (theanoFlags == null ? "" : theanoFlags + ": ") + "bytes per call once warm (all threads): train_rbm "
                + trainBytes + ", sample_fn (50 Gibbs steps) " + sampleBytes + "; boxed Vector API code allocates megabytes; allocated at: " + where);
    }

    /**
     * Where a call allocates: the allocation events of a few calls (JFR, in this JVM), counted by
     * their first TDL frame and the frame above it, most frequent first, so a failure names the
     * kernel whose vectors were boxed.
     */
    private static String allocatingFrames(Runnable call) {
        try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
            r.enable("jdk.ObjectAllocationInNewTLAB").withStackTrace();
            r.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            r.start();
            for (int i = 0; i < 5; i++) call.run();
            r.stop();
            java.nio.file.Path file = java.nio.file.Files.createTempFile("tdl-steady", ".jfr");
            try {
                r.dump(file);
                java.util.Map<String, Integer> counts = new java.util.HashMap<>();
                for (jdk.jfr.consumer.RecordedEvent e : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
                    if (e.getStackTrace() == null) continue;
                    java.util.List<jdk.jfr.consumer.RecordedFrame> frames = e.getStackTrace().getFrames();
                    for (int i = 0; i < frames.size(); i++) {
                        String type = frames.get(i).getMethod().getType().getName();
                        if (!type.startsWith("tdl.")) continue;
                        String above = i > 0 ? " < " + frames.get(i - 1).getMethod().getType().getName() + "." + frames.get(i - 1).getMethod().getName() : "";
                        counts.merge(type + "." + frames.get(i).getMethod().getName() + ":" + frames.get(i).getLineNumber() + above, 1, Integer::sum);
                        break;
                    }
                }
                StringBuilder out = new StringBuilder();
                counts.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue(java.util.Comparator.reverseOrder())).limit(6)
                        .forEach(en -> out.append(en.getKey()).append(" x").append(en.getValue()).append("; "));
                return out.toString();
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (java.io.IOException | RuntimeException e) {
            return "(no allocation profile: " + e + ")";
        }
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
