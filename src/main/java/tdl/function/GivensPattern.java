package tdl.function;

import java.util.LinkedHashMap;
import java.util.Map;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.GraphError;
import tdl.graph.Variable;
import tdl.graph.ops.BroadcastCheckOp;
import tdl.vocab.ErrorKind;

/**
 * givens={x: r} where x was declared with broadcastable axes (T.row, T.col, broadcastable=):
 * Theano refuses at build time any r whose type is not broadcastable there (a TypeError). TDL
 * types carry no flags, so a constant r is checked now and any other r when the function runs;
 * without the check a T.row key replaced by a (2, n) value would compute on it silently.
 */
final class GivensPattern {
    private GivensPattern() {}

    static Map<Variable, Variable> checked(Map<Variable, Variable> givens) {
        Map<Variable, Variable> out = null;
        for (Map.Entry<Variable, Variable> g : givens.entrySet()) {
            Variable k = g.getKey(), r = g.getValue();
            boolean[] p = k.broadcastable();
            int mask = 0;
            if (p != null) for (int i = 0; i < p.length; i++) if (p[i]) mask |= 1 << i;
            if (mask == 0 || covers(r, p)) continue;
            String hint = "replace '" + k + "' by a value of length 1 on that axis (e.g. W[i:i + 1]), or declare it"
                    + " without the broadcastable axis (T.matrix instead of T.row/T.col)";
            BroadcastCheckOp check = new BroadcastCheckOp("givens", "the replacement of '" + k + "'", mask, true, hint);
            if (r instanceof Constant c) {  // the value is known: refuse it now, as Theano would
                String problem = check.problem(c.value().shape());
                if (problem != null) throw new GraphError(ErrorKind.TYPE_ERROR, problem, hint);
                continue;
            }
            if (out == null) out = new LinkedHashMap<>(givens);
            out.put(k, Apply.make(check, java.util.List.of(r), null).output());
        }
        return out == null ? givens : out;
    }

    /** Whether r is itself declared broadcastable wherever {@code p} is (its own values are checked). */
    private static boolean covers(Variable r, boolean[] p) {
        boolean[] q = r.broadcastable();
        if (q == null || q.length != p.length) return false;
        for (int i = 0; i < p.length; i++) if (p[i] && !q[i]) return false;
        return true;
    }
}
