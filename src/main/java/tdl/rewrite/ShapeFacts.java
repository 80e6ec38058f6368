package tdl.rewrite;

import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.Variable;
import tdl.graph.ops.AllocOp;
import tdl.graph.ops.DimShuffleOp;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.IncSubtensorOp;
import tdl.graph.ops.IndexSpec;
import tdl.graph.ops.ShapeOp;
import tdl.graph.ops.SoftmaxOp;
import tdl.graph.ops.SubtensorOp;
import tdl.graph.ops.SumToShapeOp;

/**
 * What the graph proves about run-time shapes. TensorTypes carry no broadcastable flags (see
 * docs/decisions.md), so gradients insert {@code SumToShape} and {@code fill} everywhere; this is
 * the little shape inference (Theano's ShapeFeature, much reduced) that lets rewrites drop the ones
 * that cannot change anything. {@link #representative} maps a variable to one whose shape is
 * provably the same; two variables with the same representative have the same shape whenever both
 * are computed without error. {@link ShapeInference} is the general inference (per-axis sizes, dot,
 * reductions, indexing); this budgeted check stays for the rules written against it, whose firing
 * order the stabilisers' tests pin down.
 */
public final class ShapeFacts {
    // the inference walks up the graph; on deep or wide graphs it gives up (answers "unknown"), which
    // only means a rewrite does not fire
    private static final int BUDGET = 64;

    private ShapeFacts() {}

    /** Whether {@code a} and {@code b} provably have the same shape at run time. */
    public static boolean sameShape(Variable a, Variable b) {
        return a == b || (a.rank() == b.rank() && representative(a) == representative(b));
    }

    /**
     * A variable with v's shape: through elementwise ops whose other operands hold one element
     * ({@link #isSingleton}: they never widen a shape) or share the representative, through {@code SumToShape(g, x)}
     * (x's shape by definition), through {@code alloc(c, x.shape[0], ..., x.shape[n-1])}, softmax(x)
     * and inc_subtensor(x, ...).
     */
    public static Variable representative(Variable v) {
        int[] budget = {BUDGET};
        return rep(v, budget);
    }

    private static Variable rep(Variable v, int[] budget) {
        Variable cur = v;
        while (budget[0]-- > 0) {
            Apply a = cur.owner();
            if (a == null || a.outputs().size() != 1) return cur;
            Variable next = null;
            if (a.op() instanceof SumToShapeOp) {
                next = a.inputs().get(1);
            } else if (a.op() instanceof AllocOp) {
                next = allocModel(a);
            } else if (a.op() instanceof SoftmaxOp || a.op() instanceof IncSubtensorOp) {
                next = a.inputs().get(0); // softmax and inc_subtensor(x, ...) have x's shape
            } else if (a.op() instanceof ElemwiseOp) {
                next = elemwiseModel(a, cur.rank(), budget);
            }
            if (next == null || next.rank() != cur.rank()) return cur;
            cur = next;
        }
        return cur;
    }

    /** The representative that all operands holding more than one element share, or null. */
    private static Variable elemwiseModel(Apply a, int rank, int[] budget) {
        Variable modelRep = null;
        for (Variable in : a.inputs()) {
            if (isSingleton(in)) continue;
            if (in.rank() != rank) return null;
            Variable r = rep(in, budget);
            if (modelRep == null) modelRep = r;
            else if (r != modelRep) return null;
        }
        return modelRep;
    }

    /**
     * Whether v provably holds one element: rank 0, a size-1 constant, a dimshuffle that only adds
     * axes to such a value (the gradient's {@code g.dimshuffle('x', 'x')}), or an elementwise op
     * of such values. A singleton operand never widens an elementwise result.
     */
    public static boolean isSingleton(Variable v) {
        Variable cur = v;
        for (int depth = 0; depth < BUDGET; depth++) {
            if (cur.rank() == 0) return true;
            if (cur instanceof Constant c) return c.value().size() == 1;
            Apply a = cur.owner();
            if (a == null || !(a.op() instanceof DimShuffleOp d) || !d.pattern().stream().allMatch(i -> i < 0)) return false;
            cur = a.inputs().get(0);
        }
        return false;
    }

    /** x when the dimensions are x.shape[0], ..., x.shape[n-1] of one x of rank n, else null. */
    static Variable allocModel(Apply alloc) {
        List<Variable> in = alloc.inputs();
        Variable model = null;
        for (int d = 1; d < in.size(); d++) {
            Variable x = shapeOf(in.get(d), d - 1);
            if (x == null || (model != null && x != model)) return null;
            model = x;
        }
        return model != null && model.rank() == in.size() - 1 ? model : null;
    }

    /** x when {@code dim} is {@code x.shape[axis]}, else null. */
    private static Variable shapeOf(Variable dim, int axis) {
        Apply sub = dim.owner();
        if (sub == null || !(sub.op() instanceof SubtensorOp s) || !s.idx().equals(List.of(IndexSpec.POINT))) return null;
        if (!(sub.inputs().get(1) instanceof Constant c) || c.value().size() != 1 || c.value().get(0) != axis) return null;
        Apply shape = sub.inputs().get(0).owner();
        return shape != null && shape.op() instanceof ShapeOp ? shape.inputs().get(0) : null;
    }
}
