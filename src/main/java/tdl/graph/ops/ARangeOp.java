package tdl.graph.ops;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/** arange(start, stop, step): int64 when all three are integers, else float64. */
public record ARangeOp() implements Op {
    @Override
    public String name() { return "ARange"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("arange", in, 3);
        DType d = null;
        for (TensorType t : in) {
            Ops.scalar("arange", "start, stop and step", t);
            d = d == null ? t.dtype() : DType.upcast(d, t.dtype());
        }
        // Theano's arange: the upcast of the three, with integers widened to int64 against overflow
        return List.of(new TensorType(d.isFloat() ? d : DType.INT64, 1));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) { return Arrays.asList(null, null, null); }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) { return o instanceof ARangeOp; }

    @Override
    public int hashCode() { return 2108679293; }
}
