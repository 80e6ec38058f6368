package tdl.graph.ops;

/**
 * Input x, output x unchanged: checks at run time that x has length 1 on the axes a broadcastable
 * pattern marks (bit i of {@code axes} for axis i). TDL types carry no flags, so what Theano decides
 * from types is checked on the value: {@code T.addbroadcast}/{@code patternbroadcast} (Theano's
 * Rebroadcast, a ValueError) and a {@code givens} replacement of a T.row/T.col variable (Theano
 * refuses it at build time, a TypeError). {@code who} starts the message, {@code what} names the value,
 * {@code hint} says what to do.
 */
public record BroadcastCheckOp(String who, String what, int axes, boolean typeError, String hint) implements ValueCheckOp {
    @Override
    public String name() { return "BroadcastCheck{" + Integer.toBinaryString(axes) + "}"; }

    @Override
    public String checkedFunction() { return who; }

    @Override
    public int arity() { return 1; }

    /** The error for a value of this shape (naming the first marked axis not of length 1), or null when it passes. */
    public String problem(int[] shape) {
        for (int i = 0; i < shape.length; i++) {
            if ((axes >> i & 1) != 0 && shape[i] != 1) {
                return who + ": axis " + i + " of " + what + " must have length 1 (it is declared broadcastable)"
                        + " but the value has shape " + tdl.graph.NDArray.shapeString(shape);
            }
        }
        return null;
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof BroadcastCheckOp that && who.equals(that.who) && what.equals(that.what)
                && axes == that.axes && typeError == that.typeError && hint.equals(that.hint);
    }

    @Override
    public int hashCode() { return (((31 * who.hashCode() + what.hashCode()) * 31 + axes) * 31 + (typeError ? 1 : 0)) * 31 + hint.hashCode(); }
}
