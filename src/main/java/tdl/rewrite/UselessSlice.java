package tdl.rewrite;

import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.IndexSpec;
import tdl.graph.ops.SubtensorOp;

/**
 * {@code x[:] -> x}: a Subtensor whose every entry is a bare ':' reads all of x (Theano's
 * local_useless_subtensor for this case). Scripts write x[:] mostly to set_subtensor through it.
 */
public final class UselessSlice implements Rewrite {
    @Override
    public String name() { return "UselessSlice"; }

    @Override
    public Variable apply(Apply node) {
        if (!(node.op() instanceof SubtensorOp s) || node.inputs().size() != 1) return null;
        List<IndexSpec> idx = s.idx();
        for (IndexSpec i : idx) if (!(i instanceof IndexSpec.Slice sl) || sl.inputCount() != 0) return null;
        return node.inputs().get(0);
    }
}
