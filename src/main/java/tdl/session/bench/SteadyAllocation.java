package tdl.session.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * The bytes a compiled call allocates once the JIT has settled, over every live thread (the pool
 * thread computes half of each product). A call the JIT has compiled only to its first tiers
 * allocates what C2's escape analysis later removes: short float32 runs (50 timed minibatches
 * after a warm-up whose first block took 4.8 s) counted 11,712 bytes a {@code train_rbm} call,
 * and the same JVM 600 calls later counted 1,375, then 8, while C2 compiled the call's glue
 * (IndexKernel.readFloats, ElemwiseKernel.run, storeUpdates: 5 December). So the count is taken
 * in rounds until a round is allocation-free, or until the JIT has compiled nothing for a second
 * and the figure has stopped falling (an allocation that stays: boxed vectors, a leak), or until a
 * deadline; the result says which, so a warning can tell a steady allocation from a JIT still at work.
 */
record SteadyAllocation(long bytes, int calls, int rounds, Outcome outcome) {
    enum Outcome { NONE, STEADY, STILL_COMPILING }

    /** The JIT's compile time must not move for this long before an allocation counts as steady. */
    static final long QUIET_NANOS = 1_000_000_000L;

    /** Rounds of {@code perRound} calls after one, each round's figure the least of its calls, for at most {@code maxSeconds}. */
    static SteadyAllocation measure(Runnable call, int perRound, double maxSeconds) {
        return measure(call, perRound, maxSeconds, BenchRunner::allThreadsAllocated, SteadyAllocation::jitMillis, System::nanoTime);
    }

    static SteadyAllocation measure(Runnable call, int perRound, double maxSeconds, LongSupplier allocated, LongSupplier jit,
                                    LongSupplier clock) {
        call.run();
        int calls = 1;
        long start = clock.getAsLong(), deadline = start + (long) (maxSeconds * 1e9);
        long best = Long.MAX_VALUE, jitSeen = jit.getAsLong(), jitChanged = start;
        int stale = 0, rounds = 0;
        while (true) {
            long least = Long.MAX_VALUE;
            for (int i = 0; i < perRound; i++) {
                long overhead = allocated.getAsLong() - allocated.getAsLong(); // counting's own bytes, negated
                long before = allocated.getAsLong();
                call.run();
                least = Math.min(least, Math.max(0, allocated.getAsLong() - before + overhead));
            }
            calls += perRound;
            rounds++;
            long now = clock.getAsLong(), jitNow = jit.getAsLong();
            if (jitNow != jitSeen) {
                jitSeen = jitNow;
                jitChanged = now;
            }
            if (least < best) {
                best = least;
                stale = 0;
            } else {
                stale++;
            }
            if (best <= BenchRunner.ALLOCATION_WARNING) return new SteadyAllocation(best, calls, rounds, Outcome.NONE);
            if (stale >= 2 && now - jitChanged >= QUIET_NANOS) return new SteadyAllocation(best, calls, rounds, Outcome.STEADY);
            if (now >= deadline) return new SteadyAllocation(best, calls, rounds, Outcome.STILL_COMPILING);
        }
    }

    /** The JIT's total compile time so far; where the JVM does not report it, a value that always moves (only the deadline ends a count). */
    private static long jitMillis() {
        CompilationMXBean c = ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : System.nanoTime();
    }

    boolean overWarning() {
        return bytes > BenchRunner.ALLOCATION_WARNING;
    }

    /** For the bench's allocation lines: the bytes, and how many calls it took when more than the first round. */
    String describe() {
        return switch (outcome) {
            case NONE, STEADY -> bytes + (rounds > 1 ? " (after " + calls + " calls)" : "");
            case STILL_COMPILING -> bytes + " (the JIT still compiling after " + calls + " calls)";
        };
    }
}
