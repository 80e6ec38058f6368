package tdl.grad;

/** What {@link Grad} does with a wrt variable the cost does not depend on (Theano's disconnected_inputs). */
public enum Disconnected {
    /** DisconnectedInputError. */
    RAISE,
    /** A zero gradient plus a warning. */
    WARN,
    /** A zero gradient, silently. */
    IGNORE;

    /** Parses Theano's spelling: 'raise', 'warn', 'ignore'; null for anything else. */
    public static Disconnected fromName(String s) {
        return switch (s) {
            case "raise" -> RAISE;
            case "warn" -> WARN;
            case "ignore" -> IGNORE;
            default -> null;
        };
    }
}
