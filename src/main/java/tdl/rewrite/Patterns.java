package tdl.rewrite;

import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.DimShuffleOp;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.Scalar;

/** Matching helpers shared by the rewrites. */
public final class Patterns {
    private Patterns() {}

    /** The node computing {@code v} when it is an elementwise {@code s}, else null. */
    public static Apply elemwise(Variable v, Scalar s) {
        Apply a = v.owner();
        return a != null && a.op() instanceof ElemwiseOp e && e.scalar() == s ? a : null;
    }

    /**
     * The constant behind {@code v}, looking through DimShuffles (a scalar 1 broadcast to a matrix
     * is still the constant 1), or null when v is not a constant.
     */
    public static Constant constantBehind(Variable v) {
        Variable cur = v;
        while (cur.owner() != null && cur.owner().op() instanceof DimShuffleOp) cur = cur.owner().inputs().get(0);
        return cur instanceof Constant c ? c : null;
    }

    /**
     * Whether {@code v} is a constant (possibly dimshuffled) of size 1 holding {@code value}; such a
     * constant cannot widen another operand by broadcasting, so dropping it keeps the shape.
     */
    public static boolean isScalarConstant(Variable v, double value) {
        Constant c = constantBehind(v);
        if (c == null) return false;
        NDArray a = c.value();
        return a.size() == 1 && a.get(0) == value;
    }

    /** The operand of a binary node that is not the constant {@code value} (either side), or null. */
    public static Variable otherThanConstant(Apply binary, double value) {
        List<Variable> in = binary.inputs();
        if (isScalarConstant(in.get(0), value)) return in.get(1);
        if (isScalarConstant(in.get(1), value)) return in.get(0);
        return null;
    }

    /** A new elementwise node with the origin of the node it replaces. */
    public static Variable make(Scalar s, Apply like, Variable... inputs) {
        return Apply.make(new ElemwiseOp(s), List.of(inputs), like.origin()).output();
    }

    /**
     * Whether a and b provably hold the same values: the same variable, equal constants, or the
     * same deterministic op applied to inputs that hold the same values (rewrites build fresh
     * copies of a node, e.g. two {@code sigmoid(-x)}, before the merge phase makes them one).
     */
    public static boolean sameValue(Variable a, Variable b) {
        return sameValue(a, b, 32);
    }

    private static boolean sameValue(Variable a, Variable b, int depth) {
        if (a == b) return true;
        if (depth == 0 || a.rank() != b.rank() || a.dtype() != b.dtype()) return false;
        if (a instanceof Constant ca && b instanceof Constant cb) {
            return Arrays.equals(ca.value().shape(), cb.value().shape())
                    && Arrays.equals(ca.value().doubles(), cb.value().doubles());
        }
        Apply x = a.owner(), y = b.owner();
        if (x == null || y == null || x.outputs().size() != 1 || y.outputs().size() != 1) return false;
        if (x.op().isStochastic() || !x.op().equals(y.op()) || x.inputs().size() != y.inputs().size()) return false;
        for (int i = 0; i < x.inputs().size(); i++) {
            if (!sameValue(x.inputs().get(i), y.inputs().get(i), depth - 1)) return false;
        }
        return true;
    }

    /** x when {@code v} is {@code -x} (an elementwise neg), else null. */
    public static Variable negated(Variable v) {
        Apply n = elemwise(v, Scalar.NEG);
        return n == null ? null : n.inputs().get(0);
    }

    /** {@code -x}, without a double negation when x is itself {@code -y}. */
    public static Variable neg(Variable x, Apply like) {
        Variable inner = negated(x);
        return inner != null ? inner : make(Scalar.NEG, like, x);
    }

    /** Whether a provably equals -b. */
    public static boolean isNegationOf(Variable a, Variable b) {
        Variable na = negated(a), nb = negated(b);
        return (na != null && sameValue(na, b)) || (nb != null && sameValue(nb, a));
    }

    /** Whether v is {@code alloc(c, dims...)} (a fill, as zeros_like) of a size-1 constant c equal to value. */
    public static boolean isFilledWith(Variable v, double value) {
        Apply a = v.owner();
        return a != null && a.op() instanceof tdl.graph.ops.AllocOp && isScalarConstant(a.inputs().get(0), value);
    }
}
