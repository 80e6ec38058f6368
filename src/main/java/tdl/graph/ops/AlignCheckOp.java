package tdl.graph.ops;

import java.util.List;

/**
 * Inputs (a, b), output a unchanged: checks at run time that a's axes {@code aAxes} have the
 * lengths of b's {@code bAxes} (and axis 0 too when {@code batched}). N-d products reshape their
 * operands to matrices before multiplying, so a mismatch found by the matrix product would name
 * the reshaped shapes; this check runs first and names the user's (numpy's "not aligned").
 */
public record AlignCheckOp(String what, List<Integer> aAxes, List<Integer> bAxes, boolean batched) implements ValueCheckOp {
    public AlignCheckOp {
        aAxes = List.copyOf(aAxes);
        bAxes = List.copyOf(bAxes);
    }

    @Override
    public String name() { return "AlignCheck{" + what + "}"; }

    @Override
    public String checkedFunction() { return what; }

    @Override
    public int arity() { return 2; }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AlignCheckOp that
                && java.util.Objects.equals(what, that.what)
                && java.util.Objects.equals(aAxes, that.aAxes)
                && java.util.Objects.equals(bAxes, that.bAxes)
                && batched == that.batched;
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(what);
        h = 31 * h + java.util.Objects.hashCode(aAxes);
        h = 31 * h + java.util.Objects.hashCode(bAxes);
        h = 31 * h + Boolean.hashCode(batched);
        return h;
    }
}
