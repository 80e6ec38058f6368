package tdl.eval;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a job's two independent parts at once: part 1 is offered to the common ForkJoinPool, part 0
 * runs on the calling thread, and whichever thread reaches part 1 first runs it. The caller never
 * waits for a pool thread that has not started, and it never calls ForkJoinTask.join, which
 * allocates a wait node whenever it has to block: one instance per call site, re-armed for every
 * job, allocates nothing per job. Which thread runs a part does not change what the part computes.
 * One job at a time per instance.
 */
final class HandOff extends RecursiveAction {
    /** A job made of two parts that touch disjoint outputs. */
    interface Parts {
        void run(int part);
    }

    private static final int IDLE = 0, OFFERED = 1, TAKEN = 2, DONE = 3;
    private static final int SPINS = 1 << 10;

    private final AtomicInteger state = new AtomicInteger(IDLE);
    // written before the OFFERED store publishes them; read after a successful take
    private Parts job;
    private Throwable failure;
    private boolean submitted;

    /** Runs both parts of {@code job} and returns when both are done; a part's exception is rethrown here. */
    void run(Parts job) {
        this.job = job;
        failure = null;
        state.set(OFFERED);
        // a previous submission still queued or running will see this offer (or leave it to us); resubmit
        // only a finished task, so the pool never holds this object twice
        if (!submitted || isDone()) {
            submitted = true;
            reinitialize();
            ForkJoinPool.commonPool().execute(this);
        }
        try {
            job.run(0);
        } catch (RuntimeException | Error e) {
            if (!state.compareAndSet(OFFERED, IDLE)) awaitDone();
            finish();
            throw e;
        }
        if (state.compareAndSet(OFFERED, TAKEN)) runPart1();
        else awaitDone();
        Throwable f = failure;
        finish();
        if (f instanceof RuntimeException e) throw e;
        if (f instanceof Error e) throw e;
    }

    @Override
    protected void compute() {
        if (state.compareAndSet(OFFERED, TAKEN)) runPart1();
    }

    private void runPart1() {
        try {
            job.run(1);
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            state.set(DONE);
        }
    }

    /** Part 1 is running on another thread, as long as part 0 took: spin, then yield, rather than park. */
    private void awaitDone() {
        for (int i = 0; state.get() != DONE; i++) {
            if (i < SPINS) Thread.onSpinWait();
            else Thread.yield();
        }
    }

    private void finish() {
        job = null; // keep no operands alive between jobs
        failure = null;
        state.set(IDLE);
    }
}
