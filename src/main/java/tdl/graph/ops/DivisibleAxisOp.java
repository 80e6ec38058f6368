package tdl.graph.ops;


/**
 * Input x, output x unchanged: checks at run time that the length of x's {@code axis} is a multiple
 * of {@code by} ({@code what} names the axis in the error). Grouped conv2d slices its operands into
 * num_groups equal parts, and slices clamp, so a remainder would otherwise be silently dropped.
 */
public record DivisibleAxisOp(String function, String what, int axis, int by) implements ValueCheckOp {
    @Override
    public String name() { return "DivisibleAxis{" + axis + " % " + by + "}"; }

    @Override
    public String checkedFunction() { return function; }

    @Override
    public int arity() { return 1; }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DivisibleAxisOp that && function.equals(that.function) && what.equals(that.what)
                && axis == that.axis && by == that.by;
    }

    @Override
    public int hashCode() { return ((31 * function.hashCode() + what.hashCode()) * 31 + axis) * 31 + by; }
}
