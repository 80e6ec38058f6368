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
 * Time alone was not enough: on a loaded machine the float32 session's first block took 4.8 s,
 * longer than the whole budget, and its first timed epoch ran at half speed; so each phase also
 * goes on, up to three times its budget, until its last block is within a tenth of its best.
 */
record WarmUp(int trainCalls, int samples, double seconds, double firstBlock, double lastBlock) {
    static final int BLOCK = 20;

    /** Blocks (or samples) a phase needs before its times can count as settled. */
    static final int SETTLE_BLOCKS = 3;

    static WarmUp run(Session s, Object train, Object sample, double seconds) {
        long start = System.nanoTime(), trainEnd = start + (long) (seconds * 0.75e9);
        double first = 0, last = 0, best = Double.MAX_VALUE;
        int calls = 0, blocks = 0;
        do {
            long t0 = System.nanoTime();
            s.call("train_epoch", train, (long) BLOCK);
            last = (System.nanoTime() - t0) / 1e9;
            if (calls == 0) first = last;
            best = Math.min(best, last);
            calls += BLOCK;
            blocks++;
        } while (goOn(System.nanoTime(), start, trainEnd, blocks, best, last));
        long samplesStart = System.nanoTime(), end = samplesStart + (long) (seconds * 0.25e9);
        double bestSample = Double.MAX_VALUE, lastSample;
        int samples = 0;
        do {
            long t0 = System.nanoTime();
            TheanoLibrary.compiledFunction(sample).call(List.of());
            lastSample = (System.nanoTime() - t0) / 1e9;
            bestSample = Math.min(bestSample, lastSample);
            samples++;
        } while (goOn(System.nanoTime(), samplesStart, end, samples, bestSample, lastSample));
        return new WarmUp(calls, samples, (System.nanoTime() - start) / 1e9, first, last);
    }

    /**
     * Whether a phase that began at {@code start} and has its budget until {@code end} runs another
     * block: always before the end; after it, while the times have not settled (fewer than
     * {@link #SETTLE_BLOCKS} blocks, or the last more than a tenth over the best), up to three budgets.
     */
    static boolean goOn(long now, long start, long end, int blocks, double best, double last) {
        if (now < end) return true;
        boolean settled = blocks >= SETTLE_BLOCKS && last <= 1.1 * best;
        return !settled && now < start + 3 * (end - start);
    }

    /** The progress line: what ran and how much faster the last block was than the first. */
    String describe() {
        return String.format("warm-up: %d minibatches and %d sample%s in %.1f s (%d minibatches: %s at first, %s at the end)",
                trainCalls, samples, samples == 1 ? "" : "s", seconds, BLOCK, BenchRow.time(firstBlock), BenchRow.time(lastBlock));
    }
}
