package tdl.rewrite;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.Scalar;

/**
 * A tree of {@code mul}, {@code true_div}, {@code inv} and {@code neg} read as
 * {@code sign * prod(numerator) / prod(denominator)} (Theano's Canonizer.get_num_denum): the
 * algebraic view the canonicaliser and the sigmoid rules share. The walk goes through every such
 * node, shared or not (so {@code g / p} with {@code p = 1 / d} reads as {@code g * d}), and stops
 * at any other op; size-1 constants equal to 1 are dropped.
 *
 * <p>{@link #rebuild} multiplies the factors back in order; the result has the original's shape
 * as long as every factor removed was a one-element value or had the shape of a kept factor
 * ({@link #cancel} only removes such pairs).
 */
final class MulTree {
    // a tree larger than this is left alone (the rules only need the few factors of one gradient step)
    private static final int MAX_FACTORS = 48;

    final List<Variable> num = new ArrayList<>();
    final List<Variable> den = new ArrayList<>();
    boolean negative;

    /** The tree rooted at {@code root}, or null when root is not a product node or the tree is too large. */
    static MulTree of(Variable root) {
        if (!isProductNode(root)) return null;
        MulTree t = new MulTree();
        return t.collect(root, false) ? t : null;
    }

    /** v as a tree: its product tree, or the single factor v. Null when the tree is too large. */
    static MulTree ofAny(Variable v) {
        MulTree t = new MulTree();
        if (!isProductNode(v)) {
            if (!Patterns.isScalarConstant(v, 1.0)) t.num.add(v);
            return t;
        }
        return t.collect(v, false) ? t : null;
    }

    /** A new tree: this one times {@code other}. */
    MulTree times(MulTree other) {
        MulTree t = new MulTree();
        t.num.addAll(num);
        t.num.addAll(other.num);
        t.den.addAll(den);
        t.den.addAll(other.den);
        t.negative = negative != other.negative;
        return t;
    }

    static boolean isProductNode(Variable v) {
        return Patterns.elemwise(v, Scalar.MUL) != null || Patterns.elemwise(v, Scalar.TRUE_DIV) != null
                || Patterns.elemwise(v, Scalar.INV) != null || Patterns.elemwise(v, Scalar.NEG) != null;
    }

    private boolean collect(Variable v, boolean inDen) {
        if (num.size() + den.size() > MAX_FACTORS) return false;
        Apply a = v.owner();
        // a factor 1 goes whatever its dtype (a script's 1 is an int8 constant, as in Theano)
        if (Patterns.isScalarConstant(v, 1.0)) return true;
        // integer products are left whole: regrouping them could overflow where the original did not
        if (!v.dtype().isFloat()) {
            (inDen ? den : num).add(v);
            return true;
        }
        if (Patterns.elemwise(v, Scalar.MUL) != null) {
            return collect(a.inputs().get(0), inDen) && collect(a.inputs().get(1), inDen);
        }
        if (Patterns.elemwise(v, Scalar.TRUE_DIV) != null) {
            return collect(a.inputs().get(0), inDen) && collect(a.inputs().get(1), !inDen);
        }
        if (Patterns.elemwise(v, Scalar.INV) != null) return collect(a.inputs().get(0), !inDen);
        if (Patterns.elemwise(v, Scalar.NEG) != null) {
            negative = !negative;
            return collect(a.inputs().get(0), inDen);
        }
        (inDen ? den : num).add(v);
        return true;
    }

    /**
     * Removes pairs of equal factors, one from each list, when the removal provably keeps the
     * result's shape; returns how many pairs went.
     */
    int cancel() {
        int removed = 0;
        for (int i = 0; i < num.size(); i++) {
            for (int j = 0; j < den.size(); j++) {
                if (!Patterns.sameValue(num.get(i), den.get(j))) continue;
                Variable f = num.get(i);
                if (!shapeKeptWithout(f, i, j)) continue;
                num.remove(i);
                den.remove(j);
                i--;
                removed++;
                break;
            }
        }
        return removed;
    }

    /** Whether dropping num[i] and den[j] (both equal to f) cannot narrow the broadcast result. */
    private boolean shapeKeptWithout(Variable f, int i, int j) {
        if (ShapeFacts.isSingleton(f)) return true;
        for (int k = 0; k < num.size(); k++) if (k != i && ShapeFacts.sameShape(num.get(k), f)) return true;
        for (int k = 0; k < den.size(); k++) if (k != j && ShapeFacts.sameShape(den.get(k), f)) return true;
        return false;
    }

    /** {@code sign * prod(num) / prod(den)} as new nodes carrying {@code like}'s origin. */
    Variable rebuild(Apply like, DType dtype) {
        Variable top = product(num, like);
        Variable bottom = product(den, like);
        Variable out;
        if (bottom == null) out = top == null ? new Constant(NDArray.scalar(dtype, 1.0)) : top;
        else out = Patterns.make(Scalar.TRUE_DIV, like, top == null ? new Constant(NDArray.scalar(dtype, 1.0)) : top, bottom);
        return negative ? Patterns.make(Scalar.NEG, like, out) : out;
    }

    private static Variable product(List<Variable> factors, Apply like) {
        Variable p = null;
        for (Variable f : factors) p = p == null ? f : Patterns.make(Scalar.MUL, like, p, f);
        return p;
    }
}
