package tdl.grad;

import tdl.vocab.OnUnused;
import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.GraphWalk;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.GradModifierOp;
import tdl.graph.ops.TensorOps;

/**
 * Reverse-mode differentiation (theano.grad). One pullback per op ({@link tdl.graph.Op#grad}),
 * visited in reverse topological order over only the nodes that lie on a path from a wrt variable to
 * the cost; contributions to a variable used several times are added. An op answering null for an
 * input means "no gradient flows there" (integers, indices), an input with an
 * {@link tdl.graph.Op#undefinedGradient} (a random draw's parameters) stops grad; an op without a rule
 * throws GradientError "not differentiable: OP" itself, and only if the walk reaches it.
 */
public final class Grad {
    private Grad() {}


    /** Gradients of {@code cost} with respect to each of {@code wrt}; WARN-mode warnings are dropped (use {@link #gradWithWarnings}). */
    public static List<Variable> grad(Variable cost, List<Variable> wrt, Set<Variable> considerConstant,
                                      OnUnused mode, Object origin) {
        return gradWithWarnings(cost, wrt, considerConstant, mode, origin).grads();
    }

    /** As {@link #grad}, also returning the warnings a WARN mode produced, for the caller to print. */
    public static GradResult gradWithWarnings(Variable cost, List<Variable> wrt, Set<Variable> considerConstant,
                                              OnUnused mode, Object origin) {
        return gradWithWarnings(cost, wrt, considerConstant, mode, origin, Map.of());
    }

    /**
     * As {@link #gradWithWarnings(Variable, List, Set, OnUnused, Object)} with Theano's known_grads:
     * each key's gradient starts as the given value (itself not differentiated), added to what the
     * cost sends there. {@code cost} may be null when known gradients are given (Lop).
     */
    public static GradResult gradWithWarnings(Variable cost, List<Variable> wrt, Set<Variable> considerConstant,
                                              OnUnused mode, Object origin, Map<Variable, Variable> known) {
        if (cost == null && known.isEmpty()) throw new GraphError(ErrorKind.TYPE_ERROR, "grad needs a cost or known_grads");
        for (Map.Entry<Variable, Variable> e : known.entrySet()) {
            if (e.getValue().rank() != e.getKey().rank()) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "the known gradient of '" + e.getKey() + "' has rank " + e.getValue().rank()
                        + ", the variable has rank " + e.getKey().rank(), "a gradient has the shape of its variable");
            }
        }
        if (cost != null && cost.rank() != 0) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "cost must be a scalar, got a rank-" + cost.rank() + " tensor ("
                    + TensorType.rankName(cost.rank()) + ")", "reduce it first, e.g. with T.sum(cost) or T.mean(cost)");
        }
        Set<Variable> constant = Collections.newSetFromMap(new IdentityHashMap<>());
        if (considerConstant != null) constant.addAll(considerConstant);
        for (Variable w : wrt) {
            if (!w.dtype().isFloat()) {
                throw new GraphError(ErrorKind.TYPE_ERROR, "grad: cannot differentiate with respect to '" + w + "' of dtype "
                        + w.dtype().pyName() + ": gradients are defined for float variables only",
                        "differentiate with respect to a float variable, or cast it first");
            }
        }
        TensorOps t = new TensorOps(() -> origin);

        // Ancestors of the cost, not looking behind constant-considered variables nor behind
        // disconnected_grad(x), through which no path runs (Theano's connection_pattern [[False]]).
        List<Variable> roots = new ArrayList<>(known.keySet());
        if (cost != null) roots.add(cost);
        List<Apply> order = GraphWalk.toposort(roots, v -> constant.contains(v) || cutsGradient(v));

        // Forward pass: which variables depend on some wrt (through non-constant edges).
        Set<Variable> connected = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Variable w : wrt) if (!constant.contains(w)) connected.add(w);
        Set<Apply> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Apply a : order) {
            boolean dep = false;
            for (Variable in : a.inputs()) if (connected.contains(in) && !constant.contains(in)) { dep = true; break; }
            if (dep) {
                onPath.add(a);
                connected.addAll(a.outputs());
            }
        }

        // Reverse pass.
        Map<Variable, List<Variable>> contributions = new IdentityHashMap<>();
        if (cost != null) {
            DType costType = cost.dtype().isFloat() ? cost.dtype() : DType.FLOAT64;
            contributions.computeIfAbsent(cost, k -> new ArrayList<>()).add(new Constant(NDArray.scalar(costType, 1.0)));
        }
        for (Map.Entry<Variable, Variable> e : known.entrySet()) {
            contributions.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        for (int k = order.size() - 1; k >= 0; k--) {
            Apply a = order.get(k);
            if (!onPath.contains(a)) continue;
            List<Variable> outGrads = new ArrayList<>(a.outputs().size());
            boolean any = false;
            for (Variable out : a.outputs()) {
                Variable g = total(t, contributions.get(out));
                // as Theano: a float output's gradient has the output's dtype, so a float32 graph's
                // gradient graph stays float32 even where a float64 constant joined it
                if (g != null && out.dtype().isFloat() && g.dtype().isFloat() && g.dtype() != out.dtype()) {
                    g = t.cast(g, out.dtype());
                }
                outGrads.add(g);
                any |= g != null;
            }
            if (!any) continue;
            List<Variable> inGrads = a.op().grad(a, outGrads);
            if (inGrads.size() != a.inputs().size()) {
                throw new IllegalStateException(a.op().name() + ".grad returned " + inGrads.size() + " gradients for "
                        + a.inputs().size() + " inputs");
            }
            for (int i = 0; i < inGrads.size(); i++) {
                Variable in = a.inputs().get(i);
                Variable g = inGrads.get(i);
                if (!connected.contains(in) || constant.contains(in)) continue;
                String undefined = in.dtype().isFloat() ? a.op().undefinedGradient(i) : null;
                if (undefined != null) {
                    throw new GraphError(ErrorKind.NOT_DIFFERENTIABLE_ERROR, "grad is undefined here: " + undefined
                            + " (Theano raises NullTypeGradError)",
                            "to treat the draw as a constant, pass it in consider_constant=[...] or wrap it in theano.gradient.disconnected_grad", a);
                }
                if (g == null) continue;
                if (g.rank() != in.rank()) {
                    throw new IllegalStateException(a.op().name() + ".grad gave a rank-" + g.rank()
                            + " gradient for a rank-" + in.rank() + " input");
                }
                contributions.computeIfAbsent(in, x -> new ArrayList<>()).add(g);
            }
        }

        List<Variable> grads = new ArrayList<>(wrt.size());
        List<String> warnings = new ArrayList<>();
        for (Variable w : wrt) {
            List<Variable> parts = contributions.get(w);
            // a wrt used several times is added up once here; a wrt that is the cost keeps the seed
            Variable g = total(t, parts);
            if (g != null) {
                grads.add(g.dtype() == w.dtype() || !g.dtype().isFloat() ? g : t.cast(g, w.dtype()));
                continue;
            }
            boolean isConnected = connected.contains(w) && (w == cost || known.containsKey(w) || dependsOn(order, w, constant));
            if (isConnected) {
                // connected, but every path went through integer or random ops: a zero gradient
                grads.add(t.zerosLike(w));
                continue;
            }
            String msg = "cost does not depend on '" + w + "'";
            switch (mode) {
                case RAISE -> throw new GraphError(ErrorKind.DISCONNECTED_INPUT_ERROR, msg,
                        "if that is intended, pass disconnected_inputs='ignore' (or 'warn') to grad");
                case WARN -> warnings.add("DisconnectedInputError: " + msg + "; its gradient is zero");
                case IGNORE -> { }
            }
            grads.add(t.zerosLike(w));
        }
        return new GradResult(grads, warnings);
    }

    private static boolean cutsGradient(Variable v) {
        return v.owner() != null && v.owner().op() instanceof GradModifierOp m && m.kind() == GradModifierOp.Kind.DISCONNECTED;
    }

    /** Whether some on-path node reads {@code w}, i.e. there is a path from w to the cost. */
    private static boolean dependsOn(List<Apply> order, Variable w, Set<Variable> constant) {
        if (constant.contains(w)) return false;
        for (Apply a : order) for (Variable in : a.inputs()) if (in == w) return true;
        return false;
    }

    private static Variable total(TensorOps t, List<Variable> parts) {
        if (parts == null || parts.isEmpty()) return null;
        Variable sum = parts.get(0);
        for (int i = 1; i < parts.size(); i++) sum = t.add(sum, parts.get(i));
        return sum;
    }
}
