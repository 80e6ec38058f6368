package tdl.session.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tdl.lib.theano.TheanoLibrary;
import tdl.session.Session;
import tdl.session.SessionOptions;

/**
 * {@code tdl bench --floatX float32}: the RBM epoch and sampling phase of {@link BenchRunner} in
 * float32 and in float64 in this one JVM, beside numpy's float32 reference (rbm_numpy.py --dtype
 * float32) run in the same session. The float32 epoch's target is set against TDL's own float64
 * epoch (the float lanes are really used), the numpy column holds the float32 reference.
 */
public final class Float32Bench {
    /** RBM epochs (of {@code batches} minibatches, scaled to 500), samples of the sampling phase, the numpy reference. */
    public record Settings(int epochs, int batches, int samples, boolean numpy, Path numpyScript, boolean profile,
                           double warmUpSeconds) {}

    private final Settings settings;
    private final PrintStream out, err;
    // bytes per borrowed call of each session's plans, for the lines below the table
    private final List<String> allocated = new ArrayList<>();
    private long worst;

    public Float32Bench(Settings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    public void run() {
        int cores = Runtime.getRuntime().availableProcessors();
        double peak64 = tdl.eval.FmaPeak.measure(cores, 0.5), peak32 = tdl.eval.FmaPeak.measureFloat(cores, 0.5);
        progress(String.format("multiply-add peak on %d threads: %.1f GFLOP/s float64, %.1f GFLOP/s float32", cores, peak64 / 1e9, peak32 / 1e9));
        Path script = settings.numpy() ? NumpyReference.find(settings.numpyScript(), Path.of("").toAbsolutePath(), null) : null;
        PairedRounds.Result f64 = time("float64", null), f32 = time("float32", script);
        NumpyReference.Result np = !settings.numpy() ? null : script == null
                ? new NumpyReference.Result(null, null, "rbm_numpy.py not found (use --numpy PATH)") : f32.reference();
        List<BenchRow> rows = new ArrayList<>();
        double epochFlop = BenchRunner.epochFlop(500, 20), sampFlop = BenchRunner.SAMPLING_FLOP;
        rows.add(new BenchRow("RBM epoch, float64 (500 x 20)", f64.tdlEpoch(), null, null, epochFlop, peak64, "-"));
        rows.add(new BenchRow("RBM epoch, float32 (500 x 20)", f32.tdlEpoch(), np == null ? null : np.epochSeconds(), null, epochFlop, peak32,
                "<= 0.6 x numpy f32 tuned"));
        rows.add(new BenchRow("sampling, float64 (10 x 1000)", f64.tdlSampleCalls(), null, null, sampFlop, peak64, "-"));
        rows.add(new BenchRow("sampling, float32 (10 x 1000)", f32.tdlSampleCalls(), np == null ? null : np.samplingSeconds(), null, sampFlop, peak32, "<= 0.6 x numpy f32 tuned"));
        out.print(BenchRow.table(rows));
        double e32 = rows.get(1).median(), e64 = rows.get(0).median(), s32 = rows.get(3).median(), s64 = rows.get(2).median();
        out.printf("float32 / float64: epoch %.2f, sampling %.2f (numpy column: rbm_numpy.py --dtype float32, allocator tuned)%n",
                e32 / e64, s32 / s64);
        out.printf("peak: %.1f GFLOP/s float64, %.1f GFLOP/s float32 (fused multiply-adds on %d threads, measured at the start of this run;"
                + " each row's %%peak is against its own dtype's)%n", peak64 / 1e9, peak32 / 1e9, cores);
        out.printf("java %s, %d cores, float32 products: %s%n", System.getProperty("java.version"),
                java.lang.Runtime.getRuntime().availableProcessors(), tdl.eval.FloatGemm.description());
        out.println("allocated per borrowed call, all threads (bytes): " + String.join("; ", allocated));
        if (worst > BenchRunner.ALLOCATION_WARNING) {
            out.printf("WARNING: a compiled plan allocated more than %d bytes per call in its steady state: boxed Vector API"
                    + " code? see tdl.eval.VectorKernels%n", BenchRunner.ALLOCATION_WARNING);
        }
        if (script != null) out.println(f32.describe("float32 tuned"));
        if (np != null && np.error() != null) out.println("numpy reference: " + np.error());
    }

    /** One dtype's session: warm-up, then epochs and samples in rounds, each paired with numpy's when {@code numpyScript} is given. */
    private PairedRounds.Result time(String dtype, Path numpyScript) {
        Session s = new Session(SessionOptions.defaults().withOut(out).withErr(err).withSeed(1234L).withTheanoFlags("floatX=" + dtype)
                .withProfile(settings.profile()));
        s.set("N_HIDDEN", 500L);
        s.set("BATCH", 20L);
        s.set("PLOT_EVERY", 1000L);
        s.exec(BenchRunner.resource("tdl/bench/rbm_bench.tdl"), "<bench>");
        Object train = s.call("compile_train");
        Object sample = s.call("compile_sample");
        progress(dtype + " " + WarmUp.run(s, train, sample, settings.warmUpSeconds()).describe());
        if (settings.profile()) {
            // the profile of the timed calls only (as BenchRunner's)
            TheanoLibrary.compiledFunction(train).profile().reset();
            TheanoLibrary.compiledFunction(sample).profile().reset();
        }
        int batches = settings.batches();
        PairedRounds.Result r = PairedRounds.run(settings.epochs(), settings.samples(), PairedRounds.rbm(s, train, sample, batches),
                numpyScript, NumpyReference.Run.numpy(true, batches < 500 ? batches : 0).with("--dtype", "float32"),
                line -> progress(dtype + " " + line));
        if (settings.profile()) out.print("profile, " + dtype + ":\n" + s.profileReport());
        // the steady state allocates nothing per call in either dtype (issue 15): counted as BenchRunner counts it
        tdl.function.CompiledFunction trainFn = TheanoLibrary.compiledFunction(train), sampleFn = TheanoLibrary.compiledFunction(sample);
        tdl.graph.NDArray[] index = {tdl.graph.NDArray.scalar(tdl.graph.DType.INT64, 0)};
        SteadyAllocation trainBytes = SteadyAllocation.measure(() -> trainFn.callBorrowed(index), 5, BenchRunner.STEADY_SECONDS);
        SteadyAllocation sampleBytes = SteadyAllocation.measure(sampleFn::callBorrowed, 1, BenchRunner.STEADY_SECONDS);
        allocated.add(String.format("%s train_rbm %s, sample_fn %s", dtype, trainBytes.describe(), sampleBytes.describe()));
        worst = Math.max(worst, Math.max(trainBytes.bytes(), sampleBytes.bytes()));
        return r;
    }

    private void progress(String line) {
        err.println("bench: " + line);
    }
}
