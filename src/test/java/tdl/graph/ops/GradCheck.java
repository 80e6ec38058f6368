package tdl.graph.ops;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import tdl.eval.Eager;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;

/**
 * Gradient check against central finite differences: cost = sum(f(x...) * R) with a fixed random
 * R (so every output element matters), symbolic gradients from the ops' own grad rules (chained by
 * a small reverse-mode pass), both evaluated with {@link Eager}.
 */
public final class GradCheck {
    public static final double H = 1e-6;
    public static final double TOL = 1e-5;

    private GradCheck() {}

    /** Checks d cost / d x for every point (float64 arrays; f builds the expression from them). */
    public static void check(Function<List<Variable>, Variable> f, NDArray... points) {
        TensorOps t = new TensorOps(() -> "test");
        List<Variable> xs = new ArrayList<>();
        for (int i = 0; i < points.length; i++) xs.add(new SharedVariable(points[i].copy(), "x" + i));
        Variable out = f.apply(xs);
        NDArray outVal = Eager.evaluate(out);
        Random rnd = new Random(42);
        double[] r = new double[outVal.size()];
        for (int i = 0; i < r.length; i++) r[i] = rnd.nextDouble() * 2 - 1;
        Variable cost = t.sum(t.mul(out, t.constant(new NDArray(DType.FLOAT64, outVal.shape(), r))), null, false);
        List<Variable> grads = grad(t, cost, xs);
        for (int i = 0; i < xs.size(); i++) {
            SharedVariable x = (SharedVariable) xs.get(i);
            NDArray sym = grads.get(i) == null ? NDArray.zeros(DType.FLOAT64, x.value().shape()) : Eager.evaluate(grads.get(i));
            if (!x.value().sameShape(sym.shape())) {
                fail("gradient of input " + i + " has shape " + NDArray.shapeString(sym.shape()) + ", input has "
                        + NDArray.shapeString(x.value().shape()));
            }
            double[] d = x.value().data();
            for (int k = 0; k < d.length; k++) {
                double old = d[k];
                d[k] = old + H;
                double fp = Eager.evaluate(cost).item();
                d[k] = old - H;
                double fm = Eager.evaluate(cost).item();
                d[k] = old;
                double num = (fp - fm) / (2 * H);
                double a = sym.data()[k];
                if (!(Math.abs(a - num) <= TOL * (1 + Math.abs(a) + Math.abs(num)))) {
                    fail("gradient of input " + i + " element " + k + ": symbolic " + a + ", numeric " + num);
                }
            }
        }
    }

    /** Reverse mode over the graph of {@code cost} using each op's grad rule; null = no gradient. */
    public static List<Variable> grad(TensorOps t, Variable cost, List<Variable> wrt) {
        List<Apply> order = topo(cost);
        Map<Variable, Variable> g = new IdentityHashMap<>();
        g.put(cost, t.constant(1.0));
        for (int n = order.size() - 1; n >= 0; n--) {
            Apply node = order.get(n);
            List<Variable> outGrads = new ArrayList<>();
            boolean any = false;
            for (Variable o : node.outputs()) {
                outGrads.add(g.get(o));
                any |= g.get(o) != null;
            }
            if (!any) continue;
            List<Variable> ins = node.op().grad(node, outGrads);
            for (int i = 0; i < ins.size(); i++) {
                Variable gi = ins.get(i);
                if (gi == null) continue;
                Variable in = node.inputs().get(i);
                if (gi.rank() != in.rank()) fail(node.op().name() + " gave a rank " + gi.rank() + " gradient for a rank " + in.rank() + " input");
                g.merge(in, gi, t::add);
            }
        }
        List<Variable> res = new ArrayList<>();
        for (Variable w : wrt) res.add(g.get(w));
        return res;
    }

    private static List<Apply> topo(Variable root) {
        List<Apply> order = new ArrayList<>();
        Map<Apply, Boolean> state = new IdentityHashMap<>();
        Deque<Apply> stack = new ArrayDeque<>();
        if (root.owner() != null) stack.push(root.owner());
        while (!stack.isEmpty()) {
            Apply a = stack.peek();
            Boolean s = state.get(a);
            if (s == null) {
                state.put(a, false);
                for (Variable in : a.inputs()) if (in.owner() != null && !state.containsKey(in.owner())) stack.push(in.owner());
            } else {
                stack.pop();
                if (!s) {
                    state.put(a, true);
                    order.add(a);
                }
            }
        }
        return order;
    }

    /** A reproducible float64 array with values in [lo, hi). */
    public static NDArray rand(long seed, double lo, double hi, int... shape) {
        Random r = new Random(seed);
        double[] d = new double[(int) NDArray.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) d[i] = lo + (hi - lo) * r.nextDouble();
        return NDArray.of(d, shape);
    }
}
