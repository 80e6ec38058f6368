package tdl.rewrite;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.graph.ops.IncSubtensorOp;
import tdl.graph.ops.IndexSpec;
import tdl.graph.ops.ReduceOp;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.SoftmaxOp;
import tdl.graph.ops.SumToShapeOp;

/**
 * The softmax pullback of a gradient that came through {@code log}:
 * {@code (G - sum(G * p)) * p -> A - p * sum(A)} where {@code p = softmax(z)} and
 * {@code A = G * p} with the division by p in G cancelled (the part of Theano's
 * crossentropy_softmax_1hot gradient that matters). The log's pullback divides by p, which is 0
 * for logits far below the row's largest: {@code 0 / 0} at the other classes, {@code g / 0}
 * at the target. G is read as a product with p below ({@code -t * g / p}, the one-hot form), as
 * {@code inc_subtensor(0, v, idx) / p} (the form {@code log(p)[arange(n), y]}) or as
 * {@code inc_subtensor(0, v / p[idx], idx)} (the form {@code log(p[arange(n), y])}); sums to
 * p's shape are kept around the product. A has p's shape, so the sum is the same sum.
 */
public final class SoftmaxGradOfLog implements Rewrite {
    @Override
    public String name() { return "SoftmaxGradOfLog"; }

    @Override
    public Variable apply(Apply node) { return apply(node, new ShapeInference()); }

    @Override
    public Variable apply(Apply node, ShapeInference shapes) {
        Apply mul = Patterns.elemwise(node.output(), Scalar.MUL);
        if (mul == null) return null;
        for (int side = 0; side < 2; side++) {
            Variable p = mul.inputs().get(side);
            Apply sub = Patterns.elemwise(mul.inputs().get(1 - side), Scalar.SUB);
            if (p.owner() == null || !(p.owner().op() instanceof SoftmaxOp) || sub == null) continue;
            Variable g = sub.inputs().get(0);
            Apply sum = sub.inputs().get(1).owner();
            if (sum == null || !(sum.op() instanceof ReduceOp r) || r.kind() != ReduceOp.Kind.SUM || !r.keepdims()) continue;
            Apply gp = Patterns.elemwise(sum.inputs().get(0), Scalar.MUL);
            if (gp == null || !((gp.inputs().get(0) == g && gp.inputs().get(1) == p) || (gp.inputs().get(1) == g && gp.inputs().get(0) == p))) continue;
            Variable a = timesSoftmax(g, p, node, shapes);
            if (a == null) continue;
            Variable total = Apply.make(sum.op(), List.of(a), node.origin()).output();
            return Patterns.make(Scalar.SUB, node, a, Patterns.make(Scalar.MUL, node, p, total));
        }
        return null;
    }

    /** {@code g * p} with p cancelled out of g, with p's shape; null when g shows no p to cancel. */
    private static Variable timesSoftmax(Variable g, Variable p, Apply like, ShapeInference shapes) {
        Apply owner = g.owner();
        if (owner != null && owner.op() instanceof SumToShapeOp && sameShape(owner.inputs().get(1), p, shapes)) {
            // p is constant along the axes the sum folds (they are broadcast axes of p), so the
            // product moves inside: sum_to_shape(x, p) * p = sum_to_shape(x * p, p)
            Variable inner = timesSoftmax(owner.inputs().get(0), p, like, shapes);
            return inner == null ? null : Apply.make(owner.op(), List.of(inner, owner.inputs().get(1)), like.origin()).output();
        }
        if (owner != null && owner.op() instanceof IncSubtensorOp inc && !inc.set() && sameShape(owner.inputs().get(0), p, shapes)
                && Patterns.isFilledWith(owner.inputs().get(0), 0.0)) {
            // only the indexed entries are nonzero: p[idx] * v there
            Variable v = cancelled(owner.inputs().get(1), selection(p, owner, like), like);
            if (v == null) return null;
            List<Variable> args = new ArrayList<>(owner.inputs());
            args.set(1, v);
            return Apply.make(owner.op(), args, like.origin()).output();
        }
        Variable a = cancelled(g, p, like);
        return a != null && sameShape(a, p, shapes) ? a : null;
    }

    /**
     * ShapeFacts' check, or the per-axis inference where it cannot see: softmax of a vector is
     * softmax(v.dimshuffle('x', 0)), of shape (1, n), and the gradient seeds it with alloc(1, 1, n).
     */
    private static boolean sameShape(Variable a, Variable b, ShapeInference shapes) {
        return ShapeFacts.sameShape(a, b) || shapes.sameShape(a, b);
    }

    /** {@code v * f} when v is a product with f below (the f cancels), else null. */
    private static Variable cancelled(Variable v, Variable f, Apply like) {
        if (f == null) return null;
        MulTree tree = MulTree.ofAny(v);
        if (tree == null) return null;
        for (int j = 0; j < tree.den.size(); j++) {
            if (Patterns.sameValue(tree.den.get(j), f)) {
                tree.den.remove(j);
                return tree.rebuild(like, v.dtype());
            }
        }
        return null;
    }

    /** {@code p[idx]} read with the indices of the inc_subtensor node {@code inc}. */
    private static Variable selection(Variable p, Apply inc, Apply like) {
        IncSubtensorOp op = (IncSubtensorOp) inc.op();
        List<Variable> idx = inc.inputs().subList(2, inc.inputs().size());
        tdl.graph.Op read = IndexSpec.readOpFor(op.idx(), idx);
        List<Variable> args = new ArrayList<>();
        args.add(p);
        args.addAll(idx);
        return Apply.make(read, args, like.origin()).output();
    }
}
