package tdl.function;

/** What compiling does with an input no output or update needs (Theano's on_unused_input). */
public enum OnUnused {
    RAISE, WARN, IGNORE;

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
