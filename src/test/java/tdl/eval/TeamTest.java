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

/** The two-thread team under split products: both parts run, exceptions come back, nothing is allocated, no thread is kept. */
class TeamTest {
    /** Sums a slice of numbers per part, long enough that the pool usually takes part 1. */
    private static final class Sums implements Team.Parts {
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
        Team team = new Team();
        Sums job = new Sums();
        team.run(job);
        team.run(job);
        int measured = 0;
        long least = Long.MAX_VALUE; // the least, as in Allocations.steadyState: a JIT event may land in one attempt
        for (int attempt = 0; attempt < 20; attempt++) {
            job.result[0] = job.result[1] = 0;
            // the pool starting a worker thread allocates on the submitting thread: not ours to count
            int poolSize = ForkJoinPool.commonPool().getPoolSize();
            long bytes = Allocations.during(() -> team.run(job));
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
            Team team = new Team();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                team.run(job);
                assertSame(job.ranOn[0], job.ranOn[1], "part 1 ran on the caller instead of waiting for the pool");
            });
        } finally {
            release.countDown();
        }
        for (ForkJoinTask<?> b : blockers) b.join();
    }

    @Test
    void aFailingPartIsRethrownAndTheTeamStaysUsable() {
        Team team = new Team();
        IllegalStateException boom = new IllegalStateException("part failed");
        for (int failing = 0; failing < 2; failing++) {
            int f = failing;
            RuntimeException e = assertThrows(RuntimeException.class, () -> team.run(part -> {
                if (part == f) throw boom;
            }));
            assertSame(boom, e);
        }
        Sums job = new Sums();
        team.run(job);
        assertTrue(job.result[0] > 0 && job.result[1] > 0);
    }

    @Test
    void anIdleTeamGivesItsPoolThreadBack() throws InterruptedException {
        Team team = new Team();
        team.run(new Sums());
        // the worker lingers about a millisecond after its last part, then returns to the pool
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!team.idle() && System.nanoTime() < deadline) Thread.sleep(1);
        assertTrue(team.idle(), "the team's pool task was still running 10 s after its last job");
    }

    @Test
    void twoThreadsSharingATeamBothGetWholeResults() throws Exception {
        Team team = new Team();
        double[] expected = new double[2];
        Sums reference = new Sums();
        reference.run(0);
        reference.run(1);
        System.arraycopy(reference.result, 0, expected, 0, 2);
        Runnable many = () -> {
            Sums job = new Sums();
            for (int i = 0; i < 50; i++) {
                job.result[0] = job.result[1] = 0;
                team.run(job);
                assertEquals(expected[0], job.result[0]);
                assertEquals(expected[1], job.result[1]);
            }
        };
        java.util.concurrent.Future<?> other = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }).submit(many);
        many.run();
        other.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
}
