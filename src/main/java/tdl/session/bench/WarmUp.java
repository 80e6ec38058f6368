package tdl.session.bench;

import java.util.List;
import tdl.lib.theano.TheanoLibrary;
import tdl.session.Session;

/**
 * The RBM's warm-up before its timed epochs, by time as JMH warms up: blocks of 20 training calls
 * and then sampling calls until the given seconds have passed. On this 2-core machine the two
 * compute threads leave the JIT's C2 thread little CPU, and the scan's loop and the float32 kernels
 * reached their compiled form only after 2-4 s of calls: after a warm-up of 20 calls the float32
 * epoch fell from 3.1 to 2.0 s over its first 400 minibatches (two runs, 5 December). The first
 * and the last block's time are reported, so the JIT's share of a cold epoch stays visible.
 */
record WarmUp(int trainCalls, int samples, double seconds, double firstBlock, double lastBlock) {
    static final int BLOCK = 20;

    static WarmUp run(Session s, Object train, Object sample, double seconds) {
        long start = System.nanoTime(), trainEnd = start + (long) (seconds * 0.75e9), end = start + (long) (seconds * 1e9);
        double first = 0, last = 0;
        int calls = 0;
        do {
            long t0 = System.nanoTime();
            s.call("train_epoch", train, (long) BLOCK);
            last = (System.nanoTime() - t0) / 1e9;
            if (calls == 0) first = last;
            calls += BLOCK;
        } while (System.nanoTime() < trainEnd);
        int samples = 0;
        do {
            TheanoLibrary.compiledFunction(sample).call(List.of());
            samples++;
        } while (System.nanoTime() < end);
        return new WarmUp(calls, samples, (System.nanoTime() - start) / 1e9, first, last);
    }

    /** The progress line: what ran and how much faster the last block was than the first. */
    String describe() {
        return String.format("warm-up: %d minibatches and %d sample%s in %.1f s (%d minibatches: %s at first, %s at the end)",
                trainCalls, samples, samples == 1 ? "" : "s", seconds, BLOCK, BenchRow.time(firstBlock), BenchRow.time(lastBlock));
    }
}
