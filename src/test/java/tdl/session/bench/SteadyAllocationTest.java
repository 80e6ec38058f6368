package tdl.session.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The bench's steady-state count waits for the JIT: a call whose allocation falls as its glue is
 * compiled is counted once it has fallen; one that keeps allocating with the JIT idle is reported
 * as a steady allocation; one that keeps allocating while the JIT works ends at the deadline and says so.
 */
class SteadyAllocationTest {
    /** A fake call that allocates {@code bytes(call number)} and advances a fake clock by 10 ms. */
    private static final class FakeCall implements Runnable {
        final AtomicLong allocated = new AtomicLong(), clock = new AtomicLong();
        final java.util.function.IntToLongFunction bytes;
        int calls;

        FakeCall(java.util.function.IntToLongFunction bytes) {
            this.bytes = bytes;
        }

        @Override
        public void run() {
            allocated.addAndGet(bytes.applyAsLong(calls++));
            clock.addAndGet(10_000_000L);
        }
    }

    @Test
    void anAllocationThatFallsAsTheJitWorksIsCountedOnceItHasFallen() {
        FakeCall call = new FakeCall(n -> n < 40 ? 11_712 : n < 60 ? 1_375 : 8);
        AtomicLong jit = new AtomicLong();
        SteadyAllocation a = SteadyAllocation.measure(call, 5, 30, call.allocated::get,
                () -> jit.addAndGet(call.calls < 60 ? 7 : 0), call.clock::get);
        assertEquals(8, a.bytes());
        assertEquals(SteadyAllocation.Outcome.NONE, a.outcome());
        assertEquals(61, a.calls(), "stops at the first allocation-free round");
        assertEquals(call.calls, a.calls());
        assertEquals("8 (after 61 calls)", a.describe());
        assertTrue(!a.overWarning());
    }

    @Test
    void aWarmCallIsCountedInOneRound() {
        FakeCall call = new FakeCall(n -> 16);
        SteadyAllocation a = SteadyAllocation.measure(call, 5, 30, call.allocated::get, () -> 0, call.clock::get);
        assertEquals(6, a.calls());
        assertEquals("16", a.describe());
    }

    @Test
    void anAllocationThatStaysWithTheJitIdleIsSteady() {
        FakeCall call = new FakeCall(n -> 4_622_593);
        SteadyAllocation a = SteadyAllocation.measure(call, 5, 30, call.allocated::get, () -> 42, call.clock::get);
        assertEquals(SteadyAllocation.Outcome.STEADY, a.outcome());
        assertEquals(4_622_593, a.bytes());
        assertTrue(a.overWarning());
        // the JIT must have been idle for a second: 100 calls of 10 ms after the first
        assertTrue(call.clock.get() >= SteadyAllocation.QUIET_NANOS, call.clock.get() + " ns");
        assertTrue(call.clock.get() < 2 * SteadyAllocation.QUIET_NANOS, call.clock.get() + " ns");
    }

    @Test
    void anAllocationThatStaysWhileTheJitWorksEndsAtTheDeadlineAndSaysSo() {
        FakeCall call = new FakeCall(n -> 5_000);
        AtomicLong jit = new AtomicLong();
        SteadyAllocation a = SteadyAllocation.measure(call, 5, 2, call.allocated::get, jit::incrementAndGet, call.clock::get);
        assertEquals(SteadyAllocation.Outcome.STILL_COMPILING, a.outcome());
        assertTrue(call.clock.get() >= 2_000_000_000L && call.clock.get() < 2_100_000_000L, call.clock.get() + " ns");
        assertTrue(a.describe().startsWith("5000 (the JIT still compiling after "), a.describe());
    }
}
