package tdl.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One application of an {@link Op} to input variables, producing output variables. Immutable
 * except for {@link #origin}, the script position that built it (set by whoever builds nodes for a
 * script; printed in run-time errors), which this package treats as opaque.
 */
public final class Apply {
    private final Op op;
    private final List<Variable> inputs;
    private final List<Variable> outputs;
    private final Object origin;

    private Apply(Op op, List<Variable> inputs, Object origin) {
        this.op = op;
        this.inputs = List.copyOf(inputs);
        this.origin = origin;
        List<TensorType> types = new ArrayList<>(inputs.size());
        for (Variable v : inputs) types.add(v.type());
        List<TensorType> outTypes = op.outputTypes(types);
        List<Variable> outs = new ArrayList<>(outTypes.size());
        for (int i = 0; i < outTypes.size(); i++) outs.add(new Variable(outTypes.get(i), this, i, null));
        this.outputs = Collections.unmodifiableList(outs);
    }

    /** Builds a node; the op checks the input types and may throw {@link GraphError}. */
    public static Apply make(Op op, List<Variable> inputs, Object origin) {
        return new Apply(op, inputs, origin);
    }

    public Op op() { return op; }

    public List<Variable> inputs() { return inputs; }

    public List<Variable> outputs() { return outputs; }

    public Variable output() { return outputs.get(0); }

    /** Where a script built this node (a {@code SourcePos} in practice), or null. */
    public Object origin() { return origin; }

    /** A node applying the same op to other inputs, keeping the origin. */
    public Apply withInputs(List<Variable> newInputs) { return new Apply(op, newInputs, origin); }

    @Override
    public String toString() { return op.name() + inputs; }
}
