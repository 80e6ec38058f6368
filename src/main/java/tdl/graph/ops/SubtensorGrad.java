package tdl.graph.ops;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Variable;

/** The gradient shared by the three read ops: inc_subtensor(zeros_like(x)[idx], g). */
final class SubtensorGrad {
    private SubtensorGrad() {}

    static List<Variable> readGrad(Apply node, Variable g, List<IndexSpec> idx) {
        List<Variable> in = node.inputs();
        List<Variable> res = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) res.add(null);
        Variable x = in.get(0);
        if (g == null || !x.dtype().isFloat()) return res;
        TensorOps t = new TensorOps(node::origin);
        List<Variable> args = new ArrayList<>(List.of(t.zerosLike(x), g));
        args.addAll(in.subList(1, in.size()));
        res.set(0, t.apply(new IncSubtensorOp(false, idx), args.toArray(new Variable[0])));
        return res;
    }
}
