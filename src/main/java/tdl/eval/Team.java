package tdl.eval;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The second thread of one compiled function: runs a job's two independent parts at once, part 0
 * on the calling thread and part 1 on a common-pool thread. After a part the pool thread stays on
 * this team, spinning, for {@link #LINGER_NANOS}, so the next product of the same function (the
 * next Gibbs step, the next Dot of a gradient) starts on both cores at once: a parked pool thread
 * takes tens of microseconds to wake, a fifth of a 20x784x500 product. After that it returns to
 * the pool, so an idle function holds no thread. The caller never waits for a pool thread that has
 * not started (it takes part 1 itself) and never calls ForkJoinTask.join, which allocates a wait
 * node whenever it blocks: a job allocates nothing. Which thread runs a part does not change what
 * the part computes. Jobs from a second thread while one runs are run whole by that thread.
 */
public final class Team {
    /** A job made of two parts that touch disjoint outputs. */
    interface Parts {
        void run(int part);
    }

    private static final int IDLE = 0, OFFERED = 1, TAKEN = 2, DONE = 3;
    private static final int SPINS = 1 << 10;
    // longer than the elementwise work between two products of a Gibbs step, short enough that an
    // idle function gives its core back within a millisecond
    static final long LINGER_NANOS = 1_000_000;
    private static final long YIELD_AFTER_NANOS = 100_000;

    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final AtomicInteger callers = new AtomicInteger();
    private final Worker worker = new Worker();
    // written before the OFFERED store publishes them; read after a successful take
    private Parts job;
    private Throwable failure;
    private boolean submitted;

    /** Runs both parts of {@code job} and returns when both are done; a part's exception is rethrown here. */
    void run(Parts job) {
        if (callers.getAndIncrement() != 0) {
            try {
                job.run(0);
                job.run(1);
                return;
            } finally {
                callers.decrementAndGet();
            }
        }
        try {
            runShared(job);
        } finally {
            callers.decrementAndGet();
        }
    }

    private void runShared(Parts job) {
        this.job = job;
        failure = null;
        state.set(OFFERED);
        // a worker still lingering takes the offer; resubmit only a finished one, so the pool
        // never holds this team's worker twice
        if (!submitted || worker.isDone()) {
            submitted = true;
            worker.reinitialize();
            ForkJoinPool.commonPool().execute(worker);
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

    /** Whether no pool task of this team is queued or running (for tests: an idle function holds no thread). */
    boolean idle() {
        return !submitted || worker.isDone();
    }

    private final class Worker extends RecursiveAction {
        @Override
        protected void compute() {
            long idleSince = System.nanoTime();
            for (int i = 0; ; i++) {
                if (state.get() == OFFERED && state.compareAndSet(OFFERED, TAKEN)) {
                    runPart1();
                    idleSince = System.nanoTime();
                    i = 0;
                } else if ((i & 63) == 0) {
                    long idle = System.nanoTime() - idleSince;
                    if (idle > LINGER_NANOS) return; // an offer made from here on is taken by its caller
                    // past the gap between a Gibbs step's products, let a thread waiting for this
                    // core (the caller itself, on a loaded machine) run
                    if (idle > YIELD_AFTER_NANOS) Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
        }
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
