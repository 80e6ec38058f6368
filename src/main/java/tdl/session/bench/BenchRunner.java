package tdl.session.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tdl.function.CompiledFunction;
import tdl.graph.NDArray;
import tdl.lib.theano.TheanoLibrary;
import tdl.session.Session;
import tdl.session.SessionOptions;

/**
 * The workloads of {@code tdl bench} (RBM epoch, sampling phase, compiling, the one-neuron call,
 * start-up), timed here and printed as one table with medians, spreads and, when python3 with
 * numpy is present, the numpy reference measured in the same run. Figures, not assertions.
 */
public final class BenchRunner {
    /** What to run: RBM epochs (of {@code batches} minibatches, scaled to 500), samples, repetitions. */
    public record Settings(int epochs, int batches, int samples, int repeat, boolean numpy, Path numpyScript,
                           boolean profile, int lenetBatches, String jaxPython, boolean lenetOnly, boolean scaling,
                           boolean compileOnly, double warmUpSeconds) {
        public Settings(int epochs, int batches, int samples, int repeat, boolean numpy, Path numpyScript,
                        boolean profile, int lenetBatches, String jaxPython, boolean lenetOnly) {
            this(epochs, batches, samples, repeat, numpy, numpyScript, profile, lenetBatches, jaxPython, lenetOnly, false, false,
                    DEFAULT_WARM_UP);
        }
    }

    /** Seconds of RBM training and sampling before the timed epochs ({@link WarmUp}). */
    public static final double DEFAULT_WARM_UP = 4;

    /** Multiply-adds count two FLOP; the RBM's products per minibatch: 1 + 2k + 2 + 2 with k = 15 (as bench/rbm_numpy.py counts). */
    static double epochFlop(int hidden, int batch) {
        return 35 * 2.0 * batch * 784 * hidden * (10_000 / batch);
    }

    /** The sampling phase's products: 10 samples x 1000 Gibbs steps x 2 products of 20 chains. */
    static final double SAMPLING_FLOP = 10 * 1000 * 2 * 2.0 * 20 * 784 * 500;

    /** Above this many bytes per call of a compiled plan's steady state, the bench warns (boxed vectors, a leak). */
    static final long ALLOCATION_WARNING = 1024;

    /** How long the steady-state count may wait for the JIT (see {@link SteadyAllocation}). */
    static final double STEADY_SECONDS = 30;

    private final int epochs, batches, samples, repeat, lenetBatches;
    private final boolean numpy, profile, lenetOnly, scaling, compileOnly;
    private final double warmUp;
    private final Path numpyScript;
    private final String jaxPython;
    private final PrintStream out;
    private final PrintStream err;

    public BenchRunner(Settings s, PrintStream out, PrintStream err) {
        this.epochs = s.epochs();
        this.batches = s.batches();
        this.samples = s.samples();
        this.repeat = s.repeat();
        this.numpy = s.numpy();
        this.numpyScript = s.numpyScript();
        this.profile = s.profile();
        this.lenetBatches = s.lenetBatches();
        this.jaxPython = s.jaxPython();
        this.lenetOnly = s.lenetOnly();
        this.scaling = s.scaling();
        this.compileOnly = s.compileOnly();
        this.warmUp = s.warmUpSeconds();
        this.out = out;
        this.err = err;
    }

    /** Runs every workload and prints the table to {@code out} (progress to {@code err}). */
    public void run() {
        if (lenetOnly) {
            List<BenchRow> rows = new ArrayList<>();
            LenetBench.Result lenet = lenet(rows);
            out.print(BenchRow.table(rows, 0));
            printReferences(lenet);
            return;
        }
        int cores = java.lang.Runtime.getRuntime().availableProcessors();
        double peak = tdl.eval.FmaPeak.measure(cores, 0.5);
        progress(String.format("float64 multiply-add peak: %.1f GFLOP/s on %d threads", peak / 1e9, cores));
        resetPeaks();
        Session s = new Session(SessionOptions.defaults().withOut(out).withErr(err).withSeed(1234L).withProfile(profile));
        s.set("N_HIDDEN", 500L);
        s.set("BATCH", 20L);
        s.set("PLOT_EVERY", 1000L);
        s.exec(resource("tdl/bench/rbm_bench.tdl"), "<bench>");
        if (compileOnly) {
            compileOnly(s);
            return;
        }
        List<BenchRow> rows = new ArrayList<>();

        double[] compileTrain = new double[repeat];
        Object train = null;
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            train = s.call("compile_train");
            compileTrain[i] = (System.nanoTime() - t0) / 1e9;
        }
        double[] compileSample = new double[repeat];
        Object sample = null;
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            sample = s.call("compile_sample");
            compileSample[i] = (System.nanoTime() - t0) / 1e9;
        }
        progress("compiled: train_rbm " + BenchRow.time(compileTrain[repeat - 1])
                + ", sample_fn " + BenchRow.time(compileSample[repeat - 1]));

        progress(WarmUp.run(s, train, sample, warmUp).describe());
        if (profile) {
            // the profile of the timed calls only: the warm-up's interpreted first calls took half of it
            TheanoLibrary.compiledFunction(train).profile().reset();
            TheanoLibrary.compiledFunction(sample).profile().reset();
        }
        PairedRounds.Result rounds = PairedRounds.run(epochs, samples, PairedRounds.rbm(s, train, sample, batches),
                numpy ? rbmScript() : null, NumpyReference.Run.numpy(true, batches < 500 ? batches : 0), this::progress);
        double[] epoch = rounds.tdlEpoch(), sampling = rounds.tdlSampleCalls();
        long peakHeap = peakHeap();
        // steady-state allocation of the compiled functions themselves, over every thread
        CompiledFunction trainFn = TheanoLibrary.compiledFunction(train), sampleFn = TheanoLibrary.compiledFunction(sample);
        List<NDArray> index = List.of(NDArray.scalar(tdl.graph.DType.INT64, 0));
        NDArray[] indexArray = index.toArray(new NDArray[0]);
        SteadyAllocation trainBorrowed = SteadyAllocation.measure(() -> trainFn.callBorrowed(indexArray), 5, STEADY_SECONDS);
        SteadyAllocation sampleBorrowed = SteadyAllocation.measure(sampleFn::callBorrowed, 1, STEADY_SECONDS);
        // call() copies its outputs out, so these never reach zero: counted once the borrowed calls have settled
        long trainBytes = leastAllocated(() -> trainFn.call(index), 5);
        long sampleBytes = leastAllocated(() -> sampleFn.call(List.of()), 1);
        System.gc();
        long live = java.lang.Runtime.getRuntime().totalMemory() - java.lang.Runtime.getRuntime().freeMemory();

        progress("one-neuron calls, in this JVM after the RBM (8 s of warm-up)");
        NeuronBench.Result sameJvm = NeuronBench.run(s, repeat);
        progress("one-neuron calls, in a JVM of their own");
        NeuronBench.Result forked = forkedNeuron();
        double[] startup = startup();

        NumpyReference.Result np = !numpy ? null : rbmScript() == null
                ? new NumpyReference.Result(null, null, "rbm_numpy.py not found (use --numpy PATH)") : rounds.reference(), npDefault = numpyReference(false), jax = jaxReference();
        rows.add(new BenchRow("RBM training epoch (500 x 20)", epoch, np == null ? null : np.epochSeconds(),
                npDefault == null ? null : npDefault.epochSeconds(), epochFlop(500, 20), "<= 0.6 x numpy tuned"));
        referenceRow(rows, "  numpy tuned", np, true, epochFlop(500, 20));
        referenceRow(rows, "  JAX float64 (jitted step)", jax, true, epochFlop(500, 20));
        rows.add(new BenchRow("sampling (20 chains, 10 x 1000)", sampling, np == null ? null : np.samplingSeconds(),
                npDefault == null ? null : npDefault.samplingSeconds(), SAMPLING_FLOP, "<= 0.6 x numpy tuned"));
        referenceRow(rows, "  numpy tuned", np, false, SAMPLING_FLOP);
        referenceRow(rows, "  JAX float64", jax, false, SAMPLING_FLOP);
        rows.add(new BenchRow("compile train_rbm, first in this JVM", new double[] {compileTrain[0]}, null, "<= 100 ms"));
        rows.add(new BenchRow("compile train_rbm, again", compileTrain, null, "-"));
        rows.add(new BenchRow("compile sample_fn", compileSample, null, "<= 20 ms"));
        NeuronBench.Result own = forked != null ? forked : sameJvm;
        String where = forked != null ? "" : " (same JVM)";
        rows.add(new BenchRow("one-neuron train call, from Java" + where, own.call(), null, "<= 1 us"));
        rows.add(new BenchRow("  same, borrowed outputs", own.borrowed(), null, "<= 1 us"));
        rows.add(new BenchRow("one-neuron train call, .tdl for loop", own.loop(), null, "<= 3 us"));
        if (forked != null) {
            rows.add(new BenchRow("  from Java, after the RBM, same JVM", sameJvm.call(), null, "-"));
            rows.add(new BenchRow("  .tdl loop, after the RBM, same JVM", sameJvm.loop(), null, "-"));
        }
        if (startup.length > 0) rows.add(new BenchRow("start-up: tdl -e 'pass'", startup, null, "<= 0.5 s"));
        LenetBench.Result lenet = lenet(rows);
        out.print(BenchRow.table(rows, peak));
        out.printf("peak: %.1f GFLOP/s float64 (fused multiply-adds on %d threads, measured at the start of this run)%n", peak / 1e9, cores);
        out.printf("heap: %d MB live after the RBM run, %d MB peak (sum of the pools' peaks, max heap %d MB); target <= 256 MB%n",
                live >> 20, peakHeap >> 20, java.lang.Runtime.getRuntime().maxMemory() >> 20);
        out.printf("allocated per call, all threads (call() returns fresh copies of the outputs; callBorrowed() does not):%n"
                + "  train_rbm %d bytes (borrowed %s), sample_fn %d bytes (borrowed %s), one-neuron train %d bytes (borrowed %d)%n",
                trainBytes, trainBorrowed.describe(), sampleBytes, sampleBorrowed.describe(), sameJvm.callBytes(), sameJvm.borrowedBytes());
        out.printf("java %s, %d cores, %s%n", System.getProperty("java.version"),
                java.lang.Runtime.getRuntime().availableProcessors(), tdl.eval.Gemm.description());
        if (trainBorrowed.overWarning() || sampleBorrowed.overWarning() || sameJvm.borrowedBytes() > ALLOCATION_WARNING) {
            out.printf("WARNING: a compiled plan allocated more than %d bytes per call in its steady state (borrowed: "
                    + "train_rbm %s, sample_fn %s, one-neuron train %d): boxed Vector API code? see tdl.eval.VectorKernels%n",
                    ALLOCATION_WARNING, trainBorrowed.describe(), sampleBorrowed.describe(), sameJvm.borrowedBytes());
        }
        if (numpy && rbmScript() != null) out.println(rounds.describe("tuned"));
        if (np != null && np.error() != null) out.println("numpy reference: " + np.error());
        if (npDefault != null && npDefault.error() != null) out.println("numpy default reference: " + npDefault.error());
        if (jax != null && jax.error() != null) out.println("JAX reference: " + jax.error());
        if (scaling) new ScalingBench(batches, numpy ? findScript("rbm_numpy.py") : null, out, err).run(peak);
        printReferences(lenet);
        if (profile) out.print(s.profileReport());
    }

    /**
     * {@code --compile-only}: the compile rows alone, after the same start as the full run (peak
     * measurement, the RBM script), with where the first compile's time went. One first compile per
     * JVM: run the command several times for a median.
     */
    private void compileOnly(Session s) {
        double[] times = new double[repeat];
        Object train = null;
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            Object f = s.call("compile_train");
            times[i] = (System.nanoTime() - t0) / 1e9;
            if (i == 0) train = f;
        }
        List<BenchRow> rows = new ArrayList<>();
        rows.add(new BenchRow("compile train_rbm, first in this JVM", new double[] {times[0]}, null, "<= 100 ms"));
        rows.add(new BenchRow("compile train_rbm, again", times, null, "-"));
        out.print(BenchRow.table(rows, 0));
        out.println("the first compile, step by step (an inner graph's steps are part of the outer plan):");
        out.print(TheanoLibrary.compiledFunction(train).compileTimes().format());
    }

    /** The LeNet rows (none when --no-lenet), with the numpy reference and, given --jax, the JAX one. */
    private LenetBench.Result lenet(List<BenchRow> rows) {
        if (lenetBatches == 0) return null;
        LenetBench.Result lenet = LenetBench.run(lenetBatches, Math.min(repeat, 3),
                numpy ? NumpyReference.find(null, "lenet_numpy.py", Path.of("").toAbsolutePath(), jarDir()) : null, out, err);
        if (lenet != null && jaxPython != null) {
            Path script = NumpyReference.find(null, "lenet_jax.py", Path.of("").toAbsolutePath(), jarDir());
            progress("JAX LeNet reference: " + jaxPython + " " + script);
            lenet = lenet.withJax(script == null ? new LenetBench.Reference(null, null, "lenet_jax.py not found")
                    : LenetBench.reference(jaxPython, script, lenetBatches));
        }
        if (lenet != null) {
            rows.add(new BenchRow("LeNet training epoch (16 x 500)", lenet.epoch(), lenet.numpyEpoch(), "<= 0.5 x numpy"));
            rows.add(new BenchRow("LeNet forward pass (16 x 500)", lenet.forward(), lenet.numpyForward(), "-"));
            rows.add(new BenchRow("compile train_lenet", new double[] {lenet.compileSeconds()}, null, "-"));
        }
        return lenet;
    }

    private void printReferences(LenetBench.Result lenet) {
        if (lenet != null && lenet.numpyError() != null) out.println("numpy LeNet reference: " + lenet.numpyError());
        if (lenet != null && lenet.jax() != null) {
            LenetBench.Reference j = lenet.jax();
            BenchRow e = new BenchRow("", lenet.epoch(), null, ""), f = new BenchRow("", lenet.forward(), null, "");
            out.println(j.error() != null ? "JAX LeNet reference: " + j.error()
                    : String.format("JAX LeNet reference (float64, jitted step): epoch %s (TDL/JAX %.2f), forward pass %s (TDL/JAX %.2f)",
                            BenchRow.time(j.epoch()), e.median() / j.epoch(), BenchRow.time(j.forward()), f.median() / j.forward()));
        }
    }

    /** rbm_numpy.py: --numpy PATH, else the repository's bench/ folder; null when not found. */
    private Path rbmScript() {
        return numpyScript != null ? NumpyReference.find(numpyScript, Path.of("").toAbsolutePath(), jarDir()) : findScript("rbm_numpy.py");
    }

    /** numpy's run, tuned (allocator and BLAS, the reference) or as a user gets it; null with --no-numpy. */
    private NumpyReference.Result numpyReference(boolean tuned) {
        if (!numpy) return null;
        Path script = rbmScript();
        if (script == null) return new NumpyReference.Result(null, null, "rbm_numpy.py not found (use --numpy PATH)");
        int e = Math.min(epochs, 3);
        progress("numpy reference (" + (tuned ? "tuned" : "default") + "): " + script + " (" + e + " epochs"
                + (batches < 500 ? " of " + batches + " minibatches" : "") + ", " + samples + " samples)");
        return NumpyReference.run(script, e, samples, NumpyReference.Run.numpy(tuned, batches < 500 ? batches : 0));
    }

    /** bench/rbm_jax.py in float64 with the --jax python; null without --jax. */
    private NumpyReference.Result jaxReference() {
        if (jaxPython == null) return null;
        Path script = findScript("rbm_jax.py");
        if (script == null) return new NumpyReference.Result(null, null, "rbm_jax.py not found");
        int e = Math.min(epochs, 3);
        progress("JAX reference: " + jaxPython + " " + script + " (" + e + " epochs, " + samples + " samples)");
        return NumpyReference.run(script, e, samples, new NumpyReference.Run(jaxPython, true, batches < 500 ? batches : 0,
                List.of("--dtype", "float64")));
    }

    private static void referenceRow(List<BenchRow> rows, String name, NumpyReference.Result r, boolean epoch, double flop) {
        Double t = r == null ? null : epoch ? r.epochSeconds() : r.samplingSeconds();
        if (t != null) rows.add(new BenchRow(name, new double[] {t}, null, null, flop, "-"));
    }

    static Path findScript(String name) {
        return NumpyReference.find(null, name, Path.of("").toAbsolutePath(), jarDir());
    }

    /** The least, over {@code n} runs after one, of the bytes every live thread allocated during a run. */
    static long leastAllocated(Runnable r, int n) {
        r.run();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            long overhead = allThreadsAllocated() - allThreadsAllocated(); // counting's own bytes, negated
            long before = allThreadsAllocated();
            r.run();
            least = Math.min(least, allThreadsAllocated() - before + overhead);
        }
        return Math.max(0, least);
    }

    static long allThreadsAllocated() {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        if (!(t instanceof com.sun.management.ThreadMXBean sun)) return 0;
        long sum = 0;
        for (long b : sun.getThreadAllocatedBytes(sun.getAllThreadIds())) if (b > 0) sum += b;
        return sum;
    }

    /**
     * The one-neuron calls in a fresh JVM (the class path and Vector API setting of this one), as
     * JMH forks one per benchmark; null when that JVM cannot be started or prints something else.
     */
    private NeuronBench.Result forkedNeuron() {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) cmd.add("--add-modules=jdk.incubator.vector");
        cmd.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                NeuronBench.class.getName(), String.valueOf(repeat)));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? NeuronBench.parse(text) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** `tdl -e pass` as a user starts it: through the launcher next to the jar when there is one. */
    private double[] startup() {
        Path jar = jarPath();
        if (jar == null || !jar.toString().endsWith(".jar")) return new double[0];
        Path launcher = jar.getParent().getParent().resolve("tdl");
        List<String> cmd = Files.isExecutable(launcher) ? List.of(launcher.toString(), "-e", "pass")
                : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "-e", "pass");
        double[] t = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            try {
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                p.waitFor();
                t[i] = (System.nanoTime() - t0) / 1e9;
            } catch (IOException e) {
                return new double[0];
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new double[0];
            }
        }
        return t;
    }

    private static Path jarPath() {
        try {
            return Path.of(BenchRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            return null;
        }
    }

    private static Path jarDir() {
        Path p = jarPath();
        return p == null ? null : p.getParent();
    }

    private void progress(String line) {
        err.println("bench: " + line);
    }

    static String resource(String name) {
        try (InputStream in = BenchRunner.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    static long allocatedBytes() {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        if (t instanceof com.sun.management.ThreadMXBean sun) return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        return 0;
    }
}
