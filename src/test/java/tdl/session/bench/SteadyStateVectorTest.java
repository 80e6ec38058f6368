package tdl.session.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * LeNet's hidden layer and an MLP's: a fused tanh(x·W + b) of 500 x 500 and a lone tanh, each on
     * two threads through the tanh's vector loop, after the same pollution as the RBM's.
     */
    @Test
    void aTanhLayerAllocatesNothingPerCallAfterOtherVectorWork() {
        assumeTrue(Gemm.VECTOR, "needs the Vector API kernels");
        com.sun.management.ThreadMXBean threads = threads();
        VectorPollution.run(20000);
        Session s = new Session(SessionOptions.defaults().withSeed(1234L));
        s.exec(OTHER + """
                x = theano.shared(rng.uniform(size=(500, 800)) - 0.5)
                w = theano.shared(rng.uniform(size=(800, 500)) * 0.1)
                c = theano.shared(rng.uniform(size=(500,)))
                layer = theano.function([], [T.tanh(T.dot(x, w) + c), T.tanh(x)])
                """, "<tanh layer>");
        CompiledFunction layer = TheanoLibrary.compiledFunction(s.get("layer"));
        Runnable call = layer::callBorrowed;
        long start = System.nanoTime(), bytes;
        do {
            for (int i = 0; i < 20; i++) call.run();
            bytes = least(threads, call);
        } while (bytes > LIMIT && System.nanoTime() - start < DEADLINE_NANOS);
        assertTrue(bytes <= LIMIT, "tanh layer: " + bytes + " bytes per call once warm (all threads); " + (bytes > LIMIT ? JitDiagnosis.of(call) : ""));
    }

    /** The same in float32: the float lanes' kernels (products, sigmoid, draws) and the adaptor's scratch. */
    @Test
    void theFloat32RbmPlansAllocateNothingPerStepAfterOtherVectorWork() {
        rbmPlansAllocateNothing("floatX=float32");
    }

    /**
     * On a CPU without 512-bit vectors (AVX2, most laptops): a child JVM told to use AVX2 only runs
     * the same check for both dtypes. There the 64-bit lane kernels must step aside
     * ({@code VectorKernels.LONG_LANES}); when they did not, every Bernoulli draw was boxed.
     */
    @Test
    void onAvx2TheRbmPlansAllocateNothingPerStep() throws Exception {
        assumeTrue(Gemm.VECTOR, "needs the Vector API kernels");
        String cpu = Files.exists(Path.of("/proc/cpuinfo")) ? Files.readString(Path.of("/proc/cpuinfo")) : "";
        assumeTrue(cpu.contains(" avx2"), "needs an x86 CPU with AVX2 (Linux /proc/cpuinfo)");
        Path out = Files.createTempFile("tdl-avx2", ".txt");
        try {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:UseAVX=2", "-Xss16m",
                    "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), SteadyStateVectorTest.class.getName())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean ended = child.waitFor(2 * DEADLINE_NANOS / 1_000_000_000L + 60, java.util.concurrent.TimeUnit.SECONDS);
            if (!ended) child.destroyForcibly();
            String report = Files.readString(out);
            assertTrue(ended && child.exitValue() == 0 && report.contains("products agree") && report.contains("steady float64") && report.contains("steady float32"),
                    "the AVX2 child JVM " + (ended ? "exited " + child.exitValue() : "timed out") + ": " + report);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The child JVM of {@link #onAvx2TheRbmPlansAllocateNothingPerStep}: prints one line per dtype, exits 1 on a failure. */
    public static void main(String[] args) {
        String products = productsAgreeWithEjml();
        System.out.println(products);
        int status = products.startsWith("products agree") ? 0 : 1;
        // with AVX2 a plain product packs B: a scan must keep h·Wᵀ rather than hoist W's transpose (60% slower sampling)
        if (Gemm.plainProductsReadBInPlace()) {
            System.out.println("plain products claim to read B in place under AVX2");
            status = 1;
        }
        for (String flags : new String[] {null, "floatX=float32"}) {
            String failure = warmBytesOver(flags);
            System.out.println(failure == null ? "steady " + (flags == null ? "float64" : "float32") : failure);
            if (failure != null) status = 1;
        }
        System.exit(status);
    }

    /**
     * The vector products at this JVM's vector width (4 doubles under AVX2) against EJML's, for each
     * operand layout and shapes with partial tiles: the RBM's check says nothing about the numbers.
     */
    private static String productsAgreeWithEjml() {
        java.util.Random r = new java.util.Random(7);
        int[][] shapes = {{20, 784, 500}, {20, 500, 784}, {784, 20, 500}, {13, 37, 29}, {3, 5, 7}, {25, 9, 130}};
        for (int[] sh : shapes) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                int m = sh[0], k = sh[1], n = sh[2];
                double[] a = new double[m * k], b = new double[k * n], c = new double[m * n], e = new double[m * n];
                for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian();
                for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian();
                int ar = ta ? k : m, ac = ta ? m : k, br = tb ? n : k, bc = tb ? k : n;
                Gemm.multiply(a, ar, ac, ta, b, br, bc, tb, c, m, n, k, new Gemm.Workspace());
                Gemm.ejml(a, ar, ac, ta, b, br, bc, tb, e, m, n);
                for (int i = 0; i < c.length; i++) {
                    if (Math.abs(c[i] - e[i]) > 1e-12 * (1 + Math.abs(e[i])) * k) {
                        return "products differ: " + m + "x" + k + "x" + n + (ta ? " A transposed" : "") + (tb ? " B transposed" : "")
                                + " at " + i + ": " + c[i] + " vs EJML " + e[i];
                    }
                }
                // the same product on float lanes (twice as many per vector, their own tiles)
                float[] af = new float[a.length], bf = new float[b.length], cf = new float[m * n], ef = new float[m * n];
                for (int i = 0; i < a.length; i++) af[i] = (float) a[i];
                for (int i = 0; i < b.length; i++) bf[i] = (float) b[i];
                tdl.eval.FloatGemm.multiply(af, ar, ac, ta, bf, br, bc, tb, cf, m, n, k, new tdl.eval.FloatGemm.Workspace());
                tdl.eval.FloatGemm.ejml(af, ar, ac, ta, bf, br, bc, tb, ef, m, n);
                for (int i = 0; i < cf.length; i++) {
                    if (Math.abs(cf[i] - ef[i]) > 1e-6 * (1 + Math.abs(ef[i])) * k) {
                        return "float products differ: " + m + "x" + k + "x" + n + (ta ? " A transposed" : "") + (tb ? " B transposed" : "")
                                + " at " + i + ": " + cf[i] + " vs EJML " + ef[i];
                    }
                }
            }
        }
        return "products agree";
    }

    private static void rbmPlansAllocateNothing(String theanoFlags) {
        assumeTrue(Gemm.VECTOR, "needs the Vector API kernels");
        String failure = warmBytesOver(theanoFlags);
        assertTrue(failure == null, failure);
    }

    /** Null when both plans reach at most LIMIT bytes per call before the deadline; else what they allocated and why. */
    private static String warmBytesOver(String theanoFlags) {
        com.sun.management.ThreadMXBean threads = threads();
        if (Boolean.getBoolean("tdl.test.primeJfr")) JitDiagnosis.prime(); // mvn test -Dtdl.test.primeJfr=true
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
        if (trainBytes <= LIMIT && sampleBytes <= LIMIT) return null;
        String where = trainBytes > LIMIT ? JitDiagnosis.of(trainCall) : JitDiagnosis.of(sampleCall);
        return (theanoFlags == null ? "" : theanoFlags + ": ") + "bytes per call once warm (all threads): train_rbm "
                + trainBytes + ", sample_fn (50 Gibbs steps) " + sampleBytes + "; boxed Vector API code allocates megabytes; " + where;
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
