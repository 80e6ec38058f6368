package tdl.graph;

import tdl.vocab.ErrorKind;

/**
 * How long-running kernels notice that their run must stop. A session stops its running thread
 * with {@link Thread#interrupt()} (Ctrl-C, {@code session.interrupt()}, the time limit's alarm, or
 * the embedder's own {@code Future.cancel(true)}), so a kernel needs no handle on the session: it
 * reads the thread's flag once per block or chunk, never inside its innermost loop. The error it
 * throws is a placeholder; the interpreter turns it into KeyboardInterrupt or TimeoutError.
 */
public final class Interrupts {
    private Interrupts() {}

    /** Throws when the current thread was asked to stop; the flag stays set for the interpreter. */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) throw stopped();
    }

    /** Throws when {@code owner} (the thread a split computation works for) was asked to stop. */
    public static void check(Thread owner) {
        if (owner.isInterrupted()) throw stopped();
    }

    public static GraphError stopped() {
        return new GraphError(ErrorKind.KEYBOARD_INTERRUPT, "interrupted");
    }
}
