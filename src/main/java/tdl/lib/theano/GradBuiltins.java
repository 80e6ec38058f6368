package tdl.lib.theano;

import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.vocab.OnUnused;
import tdl.grad.Grad;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlTuple;
import tdl.scan.Jacobians;
import tdl.syntax.TdlError;

/** grad / jacobian / hessian with Theano's argument conventions (a variable or a list in, same form out). */
final class GradBuiltins {
    private GradBuiltins() {}

    static Object grad(Runtime rt, Args a) {
        a.check(4, "cost", "wrt", "consider_constant", "disconnected_inputs", "known_grads", "return_disconnected");
        Object costArg = a.get(0, "cost");
        Object knownArg = a.get(4, "known_grads", null);
        Map<Variable, Variable> known = knownArg == null ? Map.of() : DirectionalGrads.knownGrads(rt, knownArg);
        Variable cost = costArg == null && !known.isEmpty() ? null : Symbolic.lift(rt, costArg, "the cost");
        Object wrtSpec = a.get(1, "wrt");
        boolean many = Sequences.isListOrTuple(wrtSpec);
        List<Variable> wrt = variables(rt, wrtSpec, "wrt");
        Set<Variable> constants = new LinkedHashSet<>(variables(rt, a.get(2, "consider_constant", new ArrayList<>()),
                "consider_constant"));
        OnUnused mode = switch (String.valueOf(a.get(3, "disconnected_inputs", "raise"))) {
            case "raise" -> OnUnused.RAISE;
            case "warn" -> OnUnused.WARN;
            case "ignore" -> OnUnused.IGNORE;
            default -> throw new TdlError(ErrorKind.VALUE_ERROR, "disconnected_inputs must be 'raise', 'warn' or 'ignore'");
        };
        Object rd = a.get(5, "return_disconnected", "zero");
        if (!"zero".equals(rd)) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "grad(return_disconnected=" + rt.repr(rd) + ") is not supported",
                    "TDL returns zeros for disconnected inputs (return_disconnected='zero')");
        }
        tdl.grad.GradResult result = Grad.gradWithWarnings(cost, wrt, constants, mode, rt.currentPos(), known);
        for (String w : result.warnings()) rt.err().println("warning: " + w);
        List<Variable> grads = result.grads();
        if (!many) return grads.get(0);
        if (wrtSpec instanceof TdlTuple) return new TdlTuple(new ArrayList<Object>(grads)); // Theano: tuple in, tuple out
        return new ArrayList<Object>(grads);
    }

    static Object jacobian(Runtime rt, Args a) {
        a.check(4, "expression", "wrt", "consider_constant", "disconnected_inputs");
        Variable y = Symbolic.lift(rt, a.get(0, "expression"), "the expression");
        if (y.rank() == 0) { // Theano: the jacobian of a scalar is its gradient (grad's own parameter names)
            Map<String, Object> options = new java.util.LinkedHashMap<>();
            if (a.has(2, "consider_constant")) options.put("consider_constant", a.get(2, "consider_constant"));
            if (a.has(3, "disconnected_inputs")) options.put("disconnected_inputs", a.get(3, "disconnected_inputs"));
            return grad(rt, new Args(a.function(), java.util.Arrays.asList(y, a.get(1, "wrt")), options));
        }
        rejectGradOptions(a, "jacobian");
        return perWrt(rt, a.get(1, "wrt"), wrt -> Jacobians.jacobian(y, wrt, OnUnused.RAISE, rt.currentPos()));
    }

    /** Jacobians of vectors and Hessians are built without grad's options: refuse them rather than ignore them. */
    private static void rejectGradOptions(Args a, String fn) {
        if (a.has(2, "consider_constant") || a.has(3, "disconnected_inputs")) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, fn + "() with consider_constant or disconnected_inputs is not supported",
                    "build it from T.grad, which takes them, inside theano.scan over the elements");
        }
    }

    static Object hessian(Runtime rt, Args a) {
        a.check(4, "cost", "wrt", "consider_constant", "disconnected_inputs");
        rejectGradOptions(a, "hessian");
        Variable cost = Symbolic.lift(rt, a.get(0, "cost"), "the cost");
        return perWrt(rt, a.get(1, "wrt"), wrt -> Jacobians.hessian(cost, wrt, OnUnused.RAISE, rt.currentPos()));
    }

    /** Theano's convention: a list of wrt variables gives a list of results, a single one a single result. */
    private static Object perWrt(Runtime rt, Object wrtSpec, java.util.function.Function<List<Variable>, List<Variable>> f) {
        List<Variable> results = f.apply(variables(rt, wrtSpec, "wrt"));
        if (wrtSpec instanceof TdlTuple) return new TdlTuple(new ArrayList<Object>(results));
        return wrtSpec instanceof List<?> ? new ArrayList<Object>(results) : results.get(0);
    }

    static List<Variable> variables(Runtime rt, Object spec, String what) {
        if (spec == null) throw new TdlError(ErrorKind.TYPE_ERROR, what + " must hold symbolic variables, got None");
        List<?> items = Sequences.itemsOrSingle(spec);
        List<Variable> out = new ArrayList<>();
        for (Object o : items) {
            if (!(o instanceof Variable v)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, what + " must hold symbolic variables, got " + Symbolic.typeName(rt, o));
            }
            out.add(v);
        }
        return out;
    }
}
