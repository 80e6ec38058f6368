package tdl.graph;

import tdl.vocab.ErrorKind;

/**
 * An error found while building or evaluating a graph. It knows no source positions (this package
 * imports nothing of ours); {@code blamed} names the node whose {@link Apply#origin()} tells the
 * interpreter which script line built it.
 */
public class GraphError extends RuntimeException {
    private final ErrorKind kind;
    private final String hint;
    private final Apply blamed;

    public GraphError(ErrorKind kind, String message, String hint, Apply blamed) {
        super(message);
        this.kind = kind;
        this.hint = hint;
        this.blamed = blamed;
    }

    public GraphError(ErrorKind kind, String message) {
        this(kind, message, null, null);
    }

    public GraphError(ErrorKind kind, String message, String hint) {
        this(kind, message, hint, null);
    }

    public ErrorKind kind() { return kind; }

    public String hint() { return hint; }

    public Apply blamed() { return blamed; }
}
