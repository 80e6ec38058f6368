package tdl.lib.theano;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.grad.Grad;
import tdl.graph.Rebuild;
import tdl.graph.Variable;
import tdl.graph.ops.TensorOps;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.Sequences;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;
import tdl.vocab.OnUnused;

/**
 * grad(known_grads=), Lop and Rop on top of reverse mode:
 * <ul>
 *   <li>known gradients start the reverse pass at their variables ({@link Grad}'s known map; the
 *       given values are not differentiated, as Theano);</li>
 *   <li>Lop(f, wrt, u) is grad with known_grads {f: u}: u^T J;</li>
 *   <li>Rop(f, wrt, v) = J v is the gradient of (u^T J) v with respect to a stand-in u (the
 *       "double Lop" trick): u^T J is linear in u, so the result does not depend on u, and u is
 *       replaced by zeros in case it still appears in the graph.</li>
 * </ul>
 */
final class DirectionalGrads {
    private DirectionalGrads() {}

    /** The dict {variable: gradient} of grad(known_grads=), keyed by identity. */
    static Map<Variable, Variable> knownGrads(Runtime rt, Object knownGrads) {
        if (!(knownGrads instanceof Map<?, ?> m)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "known_grads must be a dict {variable: gradient}, got " + Symbolic.typeName(rt, knownGrads));
        }
        Map<Variable, Variable> out = new IdentityHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof Variable v)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "known_grads keys must be symbolic variables, got " + Symbolic.typeName(rt, e.getKey()));
            }
            out.put(v, Symbolic.lift(rt, e.getValue(), "a known gradient"));
        }
        return out;
    }

    /** {f_i: u_i}, one eval point per output. */
    private static Map<Variable, Variable> pairs(List<Variable> fs, List<Variable> us) {
        Map<Variable, Variable> out = new IdentityHashMap<>();
        for (int i = 0; i < fs.size(); i++) {
            Variable prev = out.put(fs.get(i), us.get(i));
            if (prev != null) throw new TdlError(ErrorKind.VALUE_ERROR, "the same output is listed twice in f");
        }
        return out;
    }

    static Object lop(Runtime rt, Args a) {
        a.check(5, "f", "wrt", "eval_points", "consider_constant", "disconnected_inputs");
        List<Variable> fs = GradBuiltins.variables(rt, a.get(0, "f"), "f");
        List<Variable> us = GradBuiltins.variables(rt, a.get(2, "eval_points"), "eval_points");
        if (fs.size() != us.size()) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "Lop: " + fs.size() + " output(s) but " + us.size() + " eval point(s)", "give one eval point per f");
        }
        Object wrtSpec = a.get(1, "wrt");
        List<Variable> wrt = GradBuiltins.variables(rt, wrtSpec, "wrt");
        Set<Variable> constants = new java.util.LinkedHashSet<>(GradBuiltins.variables(rt, a.get(3, "consider_constant", new ArrayList<>()),
                "consider_constant"));
        List<Variable> res = Grad.gradWithWarnings(null, wrt, constants, mode(rt, a.get(4, "disconnected_inputs", "raise")), rt.currentPos(),
                pairs(fs, us)).grads();
        return sameForm(wrtSpec, res);
    }

    static Object rop(Runtime rt, Args a) {
        a.check(5, "f", "wrt", "eval_points", "disconnected_outputs", "return_disconnected");
        Object fSpec = a.get(0, "f");
        List<Variable> fs = GradBuiltins.variables(rt, fSpec, "f");
        List<Variable> wrt = GradBuiltins.variables(rt, a.get(1, "wrt"), "wrt");
        List<Variable> vs = GradBuiltins.variables(rt, a.get(2, "eval_points"), "eval_points");
        if (wrt.size() != vs.size()) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "Rop: " + wrt.size() + " wrt variable(s) but " + vs.size() + " eval point(s)",
                    "give one eval point per wrt variable, shaped like it");
        }
        for (int j = 0; j < wrt.size(); j++) {
            if (vs.get(j).rank() != wrt.get(j).rank()) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "Rop: the eval point for " + wrt.get(j) + " has rank " + vs.get(j).rank()
                        + ", the variable has rank " + wrt.get(j).rank());
            }
        }
        Object rd = a.get(4, "return_disconnected", "zero");
        if (!"zero".equals(rd)) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "Rop(return_disconnected=" + rt.repr(rd) + ") is not supported",
                    "TDL returns zeros for outputs that do not depend on wrt (return_disconnected='zero')");
        }
        TensorOps t = Symbolic.ops(rt);
        List<Variable> us = new ArrayList<>();
        for (Variable f : fs) {
            if (!f.dtype().isFloat()) throw new TdlError(ErrorKind.TYPE_ERROR, "Rop: " + f + " is not a float expression");
            us.add(new Variable(f.type(), "u"));
        }
        List<Variable> lops = Grad.gradWithWarnings(null, wrt, Set.of(), OnUnused.IGNORE, rt.currentPos(), pairs(fs, us)).grads();
        Variable inner = null;
        for (int j = 0; j < wrt.size(); j++) {
            Variable term = t.sum(t.mul(lops.get(j), vs.get(j)));
            inner = inner == null ? term : t.add(inner, term);
        }
        List<Variable> res = Grad.grad(inner, us, Set.of(), mode(rt, a.get(3, "disconnected_outputs", "raise")), rt.currentPos());
        Map<Variable, Variable> zeros = new IdentityHashMap<>();
        for (int i = 0; i < us.size(); i++) zeros.put(us.get(i), t.zerosLike(fs.get(i)));
        return sameForm(fSpec, Rebuild.substitute(res, zeros));
    }

    private static OnUnused mode(Runtime rt, Object spec) {
        OnUnused m = OnUnused.fromName(String.valueOf(spec));
        if (m == null) throw new TdlError(ErrorKind.VALUE_ERROR, "disconnected_inputs must be 'raise', 'warn' or 'ignore', got " + rt.repr(spec));
        return m;
    }

    private static Object sameForm(Object spec, List<Variable> res) {
        if (spec instanceof TdlTuple) return new TdlTuple(new ArrayList<Object>(res));
        return Sequences.isListOrTuple(spec) ? new ArrayList<Object>(res) : res.get(0);
    }
}
