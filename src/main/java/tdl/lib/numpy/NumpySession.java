package tdl.lib.numpy;

import tdl.interp.Runtime;

/** Per-session numpy state: print options and the module-level RandomState (np.random.*). */
final class NumpySession {
    NumpyFormat.Options printOptions = NumpyFormat.Options.DEFAULT;
    private RandomState random;
    private final Long seed;

    private NumpySession(Long seed) {
        this.seed = seed;
    }

    static NumpySession of(Runtime rt) {
        return rt.sessionState(NumpySession.class, () -> new NumpySession(rt.seed()));
    }

    /** The global RandomState, seeded by --seed when given (else from the clock), made on first use. */
    RandomState random() {
        if (random == null) random = new RandomState(seed == null ? null : (Object) (seed & 0xffffffffL));
        return random;
    }
}
