package tdl.vocab;

/**
 * What to do with a variable that nothing depends on: an input no output or update needs
 * (function's on_unused_input), or a wrt variable the cost does not depend on (grad's
 * disconnected_inputs). Theano spells both 'raise', 'warn', 'ignore'.
 */
public enum OnUnused {
    /** An error (UnusedInputError, DisconnectedInputError). */
    RAISE,
    /** Go on (a zero gradient for grad) with a warning. */
    WARN,
    /** Go on silently. */
    IGNORE;

    /** Theano's spelling: 'raise', 'warn', 'ignore'; null for anything else. */
    public static OnUnused fromName(String s) {
        return switch (s) {
            case "raise" -> RAISE;
            case "warn" -> WARN;
            case "ignore" -> IGNORE;
            default -> null;
        };
    }
}
