package tdl.lib.theano;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Op;
import tdl.graph.Variable;
import tdl.graph.ops.AdvancedSubtensor1Op;
import tdl.graph.ops.AdvancedSubtensorOp;
import tdl.graph.ops.DimShuffleOp;
import tdl.graph.ops.IncSubtensorOp;
import tdl.graph.ops.IndexSpec;
import tdl.graph.ops.SubtensorOp;
import tdl.interp.Runtime;
import tdl.syntax.TdlError;

/**
 * set_subtensor(x[idx], y) / inc_subtensor(x[idx], y): Theano takes the indexed view itself, so
 * the base and the index are read back from the node that made the view.
 */
final class Subtensors {
    private Subtensors() {}

    static Variable write(Runtime rt, boolean set, Variable view, Variable y) {
        Apply node = view.owner();
        List<IndexSpec> specs = node == null ? null : specs(node.op());
        if (specs == null && node != null && node.op() instanceof DimShuffleOp d && d.pattern().contains(-1)) {
            // x[:, None] is a new array with an extra axis, not a part of x: no x to write into
            String f = (set ? "set" : "inc") + "_subtensor";
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, f + " of an index with None (T.newaxis) is not supported",
                    "index without None, e.g. T." + f + "(x[:, i], y) with y shaped like that part");
        }
        if (specs == null) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "x must be the result of a subtensor operation: " + (set ? "set" : "inc")
                    + "_subtensor needs an indexed variable such as x[i], x[:] or x[:, j], got " + tdl.function.GraphPrinter.pp(view),
                    "write T." + (set ? "set" : "inc") + "_subtensor(x[idx], y)");
        }
        List<Variable> args = new ArrayList<>();
        args.add(node.inputs().get(0));
        args.add(y);
        args.addAll(node.inputs().subList(1, node.inputs().size()));
        return Symbolic.ops(rt).apply(new IncSubtensorOp(set, specs), args.toArray(new Variable[0]));
    }

    private static List<IndexSpec> specs(Op op) {
        if (op instanceof SubtensorOp s) return s.idx();
        if (op instanceof AdvancedSubtensor1Op) return List.of(IndexSpec.VECTOR);
        if (op instanceof AdvancedSubtensorOp a) return a.idx();
        return null;
    }
}
