package tdl.rewrite;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.AllocOp;
import tdl.graph.ops.DimShuffleOp;

/**
 * {@code dimshuffle(alloc(v, d0, ..., dn-1), pattern) -> alloc(v, d_pattern[0], ...)} with 1 for
 * each new axis, when v provably holds one element (so where its axes land does not matter) and
 * every dropped axis is the constant 1 (a dropped axis of another size is a run-time error the
 * dimshuffle must still raise). Theano's local_dimshuffle_alloc; it lets a fill meet the
 * elementwise op that reads it ({@link AllocInElemwise}).
 */
public final class DimShuffleOfFill implements Rewrite {
    @Override
    public String name() { return "DimShuffleOfFill"; }

    @Override
    public Variable apply(Apply node) { return apply(node, new ShapeInference()); }

    @Override
    public Variable apply(Apply node, ShapeInference shapes) {
        if (!(node.op() instanceof DimShuffleOp d)) return null;
        Apply alloc = node.inputs().get(0).owner();
        if (alloc == null || !(alloc.op() instanceof AllocOp)) return null;
        Variable v = alloc.inputs().get(0);
        List<Integer> pattern = d.pattern();
        if (!shapes.isSingleton(v) || v.rank() > pattern.size()) return null;
        List<Dim> dims = shapes.allocDims(alloc);
        for (int a = 0; a < dims.size(); a++) if (!pattern.contains(a) && !dims.get(a).isOne()) return null;
        List<Variable> args = new ArrayList<>();
        args.add(v);
        for (int p : pattern) args.add(p < 0 ? new Constant(NDArray.scalar(DType.INT64, 1)) : alloc.inputs().get(p + 1));
        return Apply.make(new AllocOp(), args, node.origin()).output();
    }
}
