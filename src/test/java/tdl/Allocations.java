package tdl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/**
 * Bytes the calling thread allocates while some code runs, for tests that pin "a steady-state call
 * allocates nothing". The counter is exact for the thread's own allocations and does not depend on
 * the JIT: code that allocates nothing counts 0 even in the interpreter, so such tests are not flaky.
 */
public final class Allocations {
    private Allocations() {}

    /**
     * Bytes allocated by this thread during the third of three runs of {@code r} (the first two
     * size the buffers a kernel keeps). Skips the calling test when the JVM cannot count.
     */
    public static long steadyState(Runnable r) {
        r.run();
        r.run();
        return during(r);
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
