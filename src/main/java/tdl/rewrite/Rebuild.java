package tdl.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.graph.Apply;
import tdl.graph.Variable;

/** Rebuilding nodes through a substitution map (old variable -> new variable). */
public final class Rebuild {
    private Rebuild() {}

    /** {@code a} itself when none of its inputs is mapped, else a copy over the mapped inputs (same op and origin). */
    public static Apply withMappedInputs(Apply a, Map<Variable, Variable> memo) {
        List<Variable> ins = a.inputs();
        List<Variable> mapped = null;
        for (int i = 0; i < ins.size(); i++) {
            Variable m = memo.get(ins.get(i));
            if (m != null && m != ins.get(i)) {
                if (mapped == null) mapped = new ArrayList<>(ins);
                mapped.set(i, m);
            }
        }
        if (mapped == null) return a;
        Apply b = a.withInputs(mapped);
        for (int i = 0; i < a.outputs().size(); i++) {
            String n = a.outputs().get(i).name();
            if (n != null) b.outputs().get(i).setName(n);
        }
        return b;
    }

    static List<Variable> map(List<Variable> vars, Map<Variable, Variable> memo) {
        List<Variable> out = new ArrayList<>(vars.size());
        for (Variable v : vars) out.add(memo.getOrDefault(v, v));
        return out;
    }
}
