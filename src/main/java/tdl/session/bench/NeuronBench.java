package tdl.session.bench;

import java.io.PrintStream;
import java.util.List;
import tdl.function.CompiledFunction;
import tdl.graph.NDArray;
import tdl.lib.theano.TheanoLibrary;
import tdl.session.Session;
import tdl.session.SessionOptions;

/**
 * The one-neuron workload of {@code tdl bench}: calls of the Lab 4 one-neuron {@code train} from a
 * Java loop ({@code call} and {@code callBorrowed}) and from a {@code .tdl} loop, in seconds per
 * call. {@link BenchRunner} runs it once in a JVM of its own, as JMH forks one per benchmark (so
 * the RBM's kernels have not shaped the JIT's profiles), and once in its own JVM after the RBM.
 */
public final class NeuronBench {
    static final int CALLS = 200_000;
    static final int LOOP_CALLS = 20_000;
    static final long WARM_UP_NANOS = 8_000_000_000L;

    /** Seconds per call, {@code repeat} measurements of each kind. */
    record Result(double[] call, double[] borrowed, double[] loop, long callBytes, long borrowedBytes) {}

    private NeuronBench() {}

    /** Prints the result as three lines of seconds and one of bytes per call (read by {@link #parse}). */
    public static void main(String[] args) {
        Result r = run(new Session(SessionOptions.defaults().withSeed(1234L)), Integer.parseInt(args[0]));
        PrintStream out = System.out;
        out.println("call " + join(r.call()));
        out.println("borrowed " + join(r.borrowed()));
        out.println("loop " + join(r.loop()));
        out.println("bytes " + r.callBytes() + " " + r.borrowedBytes());
    }

    /** Runs the workload in {@code s} (which gets the neuron's globals). */
    static Result run(Session s, int repeat) {
        s.exec(BenchRunner.resource("tdl/bench/neuron_bench.tdl"), "<neuron bench>");
        CompiledFunction neuron = TheanoLibrary.compiledFunction(s.get("neuron"));
        List<NDArray> args = List.of((NDArray) s.get("neuron_p"), (NDArray) s.get("neuron_t"));
        NDArray[] array = args.toArray(new NDArray[0]);
        // warm-up by time, as JMH does: besides the JIT, the allocation of call()'s copies runs slow
        // until the collector has resized the young generation (about 5 s into a fresh JVM here)
        long warm = System.nanoTime() + WARM_UP_NANOS;
        for (int i = 0; i < 5 || System.nanoTime() < warm; i++) {
            perCall(neuron, args, CALLS);
            perBorrowedCall(neuron, array, CALLS);
        }
        double[] call = new double[repeat], borrowed = new double[repeat], loop = new double[repeat];
        long a0 = BenchRunner.allocatedBytes();
        for (int r = 0; r < repeat; r++) call[r] = perCall(neuron, args, CALLS);
        long callBytes = (BenchRunner.allocatedBytes() - a0) / ((long) CALLS * repeat);
        a0 = BenchRunner.allocatedBytes();
        for (int r = 0; r < repeat; r++) borrowed[r] = perBorrowedCall(neuron, array, CALLS);
        long borrowedBytes = (BenchRunner.allocatedBytes() - a0) / ((long) CALLS * repeat);
        warm = System.nanoTime() + WARM_UP_NANOS / 2;
        while (System.nanoTime() < warm) s.call("neuron_loop", (long) LOOP_CALLS);
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            s.call("neuron_loop", (long) LOOP_CALLS);
            loop[r] = (System.nanoTime() - t0) / 1e9 / LOOP_CALLS;
        }
        return new Result(call, borrowed, loop, callBytes, borrowedBytes);
    }

    // the timed loops live in small methods of their own, so the JIT compiles them as it would a
    // caller's loop (whole methods, not an on-stack replacement inside a long one), as JMH does
    private static double perCall(CompiledFunction f, List<NDArray> args, int calls) {
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) f.call(args);
        return (System.nanoTime() - t0) / 1e9 / calls;
    }

    private static double perBorrowedCall(CompiledFunction f, NDArray[] args, int calls) {
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) f.callBorrowed(args);
        return (System.nanoTime() - t0) / 1e9 / calls;
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double d : v) sb.append(sb.length() > 0 ? " " : "").append(d);
        return sb.toString();
    }

    /** The result printed by {@link #main}, or null when the output is not that. */
    static Result parse(String output) {
        double[] call = null, borrowed = null, loop = null;
        long[] bytes = null;
        for (String line : output.split("\n")) {
            String[] f = line.strip().split(" ");
            double[] v = new double[f.length - 1];
            try {
                for (int i = 1; i < f.length; i++) v[i - 1] = Double.parseDouble(f[i]);
            } catch (NumberFormatException e) {
                continue;
            }
            switch (f[0]) {
                case "call" -> call = v;
                case "borrowed" -> borrowed = v;
                case "loop" -> loop = v;
                case "bytes" -> bytes = new long[] {(long) v[0], (long) v[1]};
                default -> { }
            }
        }
        return call == null || borrowed == null || loop == null || bytes == null ? null
                : new Result(call, borrowed, loop, bytes[0], bytes[1]);
    }
}
