package tdl.vocab;

/** Python's {@code Ellipsis} ({@code ...}), the one value of its type: the parser makes it, indexing reads it. */
public enum EllipsisValue {
    ELLIPSIS;

    @Override
    public String toString() { return "Ellipsis"; }
}
