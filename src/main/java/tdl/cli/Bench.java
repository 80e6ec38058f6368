package tdl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import tdl.session.bench.BenchRunner;
import tdl.session.bench.Float32Bench;
import tdl.syntax.TdlError;


/** {@code tdl bench}: the command line of {@link BenchRunner}, which times the workloads. */
final class Bench {
    private int epochs = 3;
    private int batches = 500;
    private int samples = 10;
    private int repeat = 7;
    private int lenetBatches = 4;
    private double warmUp = BenchRunner.DEFAULT_WARM_UP;
    private String jaxPython;
    private boolean lenetOnly;
    private boolean numpy = true;
    private boolean profile;
    private boolean scaling;
    private boolean compileOnly;
    private Path numpyScript;
    private String floatX;
    private final PrintStream out;
    private final PrintStream err;

    private Bench(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static final String USAGE = "usage: tdl bench [--epochs N] [--batches N] [--samples N] [--repeat N] "
            + "[--no-numpy] [--numpy PATH] [--profile] [--lenet-batches N | --no-lenet | --lenet-only] [--jax PYTHON] [--scaling] [--compile-only] [--warmup S]\n"
            + "  --epochs N   RBM epochs to time (default 3); --batches N times N minibatches and scales to 500\n"
            + "  --samples N  samples of the sampling phase to time (default 10, each 1000 Gibbs steps)\n"
            + "  --repeat N   repetitions of the compile, call and start-up workloads (default 7)\n"
            + "  --no-numpy   skip the numpy references (tuned and default); --numpy PATH: where rbm_numpy.py is\n"
            + "  --profile    also print the per-op profile of the benchmarked functions\n"
            + "  --lenet-batches N  LeNet minibatches of 500 to time, scaled to an epoch of 16 (default 4); --no-lenet skips LeNet, --lenet-only runs nothing else\n"
            + "  --jax PYTHON a python with jax (e.g. a venv's bin/python): also runs bench/rbm_jax.py and bench/lenet_jax.py\n"
            + "  --scaling    also the RBM epoch for 500/1000/2000 hidden units x minibatches of 20/100/500, beside numpy tuned\n"
            + "  --warmup S   seconds of RBM training and sampling before the timed epochs, so the JIT has compiled them (default 4)\n"
            + "  --compile-only  only the train_rbm compile rows (--repeat times) and where the first compile's time went\n"
            + "  --floatX float32  the RBM epoch and sampling in float32 and float64, beside rbm_numpy.py --dtype float32";

    static int run(String[] args, PrintStream out, PrintStream err) {
        Bench b = new Bench(out, err);
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--epochs" -> b.epochs = positive(args, ++i);
                    case "--batches" -> b.batches = Math.min(500, positive(args, ++i));
                    case "--samples" -> b.samples = positive(args, ++i);
                    case "--repeat" -> b.repeat = positive(args, ++i);
                    case "--warmup" -> b.warmUp = seconds(args, ++i);
                    case "--no-numpy" -> b.numpy = false;
                    case "--profile" -> b.profile = true;
                    case "--scaling" -> b.scaling = true;
                    case "--compile-only" -> b.compileOnly = true;
                    case "--lenet-batches" -> b.lenetBatches = Math.min(16, positive(args, ++i));
                    case "--no-lenet" -> b.lenetBatches = 0;
                    case "--jax" -> b.jaxPython = value(args, ++i);
                    case "--lenet-only" -> b.lenetOnly = true;
                    case "--numpy" -> b.numpyScript = Path.of(value(args, ++i));
                    case "--floatX" -> b.floatX = value(args, ++i);
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return Main.OK;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("tdl bench: " + e.getMessage());
            err.println(USAGE);
            return Main.USAGE;
        }
        if (b.floatX != null && !b.floatX.equals("float64")) {
            if (!b.floatX.equals("float32")) {
                err.println("tdl bench: --floatX takes float32 or float64, got " + b.floatX);
                return Main.USAGE;
            }
            try {
                new Float32Bench(new Float32Bench.Settings(b.epochs, b.batches, b.samples, b.numpy, b.numpyScript, b.profile, b.warmUp), out, err).run();
                return Main.OK;
            } catch (TdlError e) {
                err.println(e.format());
                return Main.SCRIPT_ERROR;
            }
        }
        try {
            new BenchRunner(new BenchRunner.Settings(b.epochs, b.batches, b.samples, b.repeat, b.numpy, b.numpyScript,
                    b.profile, b.lenetBatches, b.jaxPython, b.lenetOnly && b.lenetBatches > 0, b.scaling, b.compileOnly, b.warmUp), out, err).run();
            return Main.OK;
        } catch (TdlError e) {
            err.println(e.format());
            return Main.SCRIPT_ERROR;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
        return args[i];
    }

    private static double seconds(String[] args, int i) {
        try {
            double s = Double.parseDouble(value(args, i));
            if (!(s >= 0 && s <= 600)) throw new NumberFormatException();
            return s;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[i - 1] + " needs seconds between 0 and 600, got " + args[i]);
        }
    }

    private static int positive(String[] args, int i) {
        try {
            int n = Integer.parseInt(value(args, i));
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[i - 1] + " needs a positive integer, got " + args[i]);
        }
    }
}
