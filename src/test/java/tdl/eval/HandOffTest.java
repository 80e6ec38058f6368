package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.junit.jupiter.api.Test;
import tdl.Allocations;

/** The two-part hand-off under split products: both parts run, exceptions come back, nothing is allocated. */
class HandOffTest {
    /** Sums a slice of numbers per part, long enough that the pool usually takes part 1. */
    private static final class Sums implements HandOff.Parts {
        final double[] result = new double[2];
        final Thread[] ranOn = new Thread[2];

        @Override
        public void run(int part) {
            double s = 0;
            for (int i = 0; i < 200_000; i++) s += (i * 31 + part) % 7;
            result[part] = s;
            ranOn[part] = Thread.currentThread();
        }
    }

    @Test
    void bothPartsRunAndAReArmedJobAllocatesNothingOnTheCaller() {
        HandOff handOff = new HandOff();
        Sums job = new Sums();
        handOff.run(job);
        handOff.run(job);
        int measured = 0;
        long least = Long.MAX_VALUE; // the least, as in Allocations.steadyState: a JIT event may land in one attempt
        for (int attempt = 0; attempt < 20; attempt++) {
            job.result[0] = job.result[1] = 0;
            // the pool starting a worker thread allocates on the submitting thread: not ours to count
            int poolSize = ForkJoinPool.commonPool().getPoolSize();
            long bytes = Allocations.during(() -> handOff.run(job));
            assertTrue(job.result[0] > 0 && job.result[1] > 0, "both parts ran");
            if (ForkJoinPool.commonPool().getPoolSize() != poolSize) continue;
            least = Math.min(least, bytes);
            measured++;
        }
        assertTrue(measured > 0, "the pool kept growing during every attempt");
        assertEquals(0, least, "a re-armed hand-off allocated on the calling thread");
    }

    @Test
    void theCallerRunsPartOneWhenNoPoolThreadIsFree() throws InterruptedException {
        int workers = ForkJoinPool.getCommonPoolParallelism();
        CountDownLatch started = new CountDownLatch(workers), release = new CountDownLatch(1);
        ForkJoinTask<?>[] blockers = new ForkJoinTask<?>[workers];
        try {
            for (int i = 0; i < workers; i++) {
                blockers[i] = ForkJoinPool.commonPool().submit(() -> {
                    started.countDown();
                    release.await();
                    return null;
                });
            }
            assertTrue(started.await(10, java.util.concurrent.TimeUnit.SECONDS), "every pool thread is busy");
            Sums job = new Sums();
            HandOff handOff = new HandOff();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                handOff.run(job);
                assertSame(job.ranOn[0], job.ranOn[1], "part 1 ran on the caller instead of waiting for the pool");
            });
        } finally {
            release.countDown();
        }
        for (ForkJoinTask<?> b : blockers) b.join();
    }

    @Test
    void aFailingPartIsRethrownAndTheHandOffStaysUsable() {
        HandOff handOff = new HandOff();
        IllegalStateException boom = new IllegalStateException("part failed");
        for (int failing = 0; failing < 2; failing++) {
            int f = failing;
            RuntimeException e = assertThrows(RuntimeException.class, () -> handOff.run(part -> {
                if (part == f) throw boom;
            }));
            assertSame(boom, e);
        }
        Sums job = new Sums();
        handOff.run(job);
        assertTrue(job.result[0] > 0 && job.result[1] > 0);
    }
}
