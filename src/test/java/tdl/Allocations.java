package tdl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/**
 * Bytes the calling thread allocates while some code runs, for tests that pin "a steady-state call
 * allocates nothing". The counter is exact for the thread's own allocations: code that allocates
 * nothing counts 0 even in the interpreter. A JIT event can still land in a measured run (a
 * deoptimisation re-creates on the heap objects the compiled code had optimised away), so the
 * steady state is the least of several runs: an allocating call shows in every one of them.
 */
public final class Allocations {
    private Allocations() {}

    /**
     * Bytes allocated by this thread in the least of five runs of {@code r} after two (which size
     * the buffers a kernel keeps). Skips the calling test when the JVM cannot count.
     */
    public static long steadyState(Runnable r) {
        r.run();
        r.run();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) least = Math.min(least, during(r));
        return least;
    }

    /** Bytes allocated by this thread while {@code r} runs once. Skips the test when the JVM cannot count. */
    public static long during(Runnable r) {
        com.sun.management.ThreadMXBean threads = counter();
        long before = threads.getCurrentThreadAllocatedBytes();
        r.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static com.sun.management.ThreadMXBean counter() {
        boolean counts = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled();
        assumeTrue(counts, "this JVM does not count the bytes a thread allocates");
        return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }
}
