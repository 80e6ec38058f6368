package tdl.lib.theano;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tdl.graph.GraphWalk;
import tdl.graph.Rebuild;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.Sequences;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/** Graph introspection and rewriting as Theano scripts use it: theano.gof.graph.inputs and theano.clone. */
final class GraphModule {
    private GraphModule() {}

    /** theano.gof (with its graph submodule); registers both. */
    static TdlModule gof(Runtime rt) {
        TdlModule graph = new TdlModule("theano.gof.graph");
        graph.put("inputs", (TdlCallable) GraphModule::inputs);
        TdlModule gof = new TdlModule("theano.gof");
        gof.put("graph", graph);
        TdlModule op = new TdlModule("theano.gof.op");
        op.put("get_test_value", (TdlCallable) (r, a) -> {
            a.check(1, "v");
            Object v = a.get(0, "v");
            // Theano: as_tensor_variable first, so numbers and arrays are constants whose test value is themselves
            return TestValues.of(r).get(Symbolic.lift(r, v, "the argument of get_test_value"));
        });
        gof.put("op", op);
        rt.registerModule(op);
        rt.registerModule(graph);
        rt.registerModule(gof);
        return gof;
    }

    /** graph.inputs(variable_list): the leaves the variables depend on (inputs, shared variables, constants). */
    static Object inputs(Runtime rt, Args a) {
        a.check(2, "variable_list", "blockers");
        if (a.get(1, "blockers", null) != null) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "theano.gof.graph.inputs(blockers=...) is not supported");
        }
        return new ArrayList<Object>(GraphWalk.leaves(variables(rt, a.get(0, "variable_list"), "variable_list")));
    }

    /**
     * theano.clone(output, replace=None, strict=True): the output(s) over a graph in which each key of
     * replace is replaced by its value; with strict, a replacement must have the replaced type.
     */
    static Object clone(Runtime rt, Args a) {
        a.check(4, "output", "replace", "strict", "share_inputs");
        Object out = a.get(0, "output");
        List<Variable> outs = variables(rt, out, "output");
        boolean strict = rt.truth(a.get(2, "strict", true));
        Map<Variable, Variable> replace = new IdentityHashMap<>();
        Object spec = a.get(1, "replace", null);
        if (spec instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) put(rt, replace, e.getKey(), e.getValue(), strict);
        } else if (spec != null) {
            List<?> pairs = Sequences.items(spec);
            if (pairs == null) throw new TdlError(ErrorKind.TYPE_ERROR, "clone(): replace must be a dict or a list of (old, new) pairs");
            for (Object p : pairs) {
                List<?> kv = Sequences.items(p);
                if (kv == null || kv.size() != 2) throw new TdlError(ErrorKind.TYPE_ERROR, "clone(): replace pairs are (old, new)");
                put(rt, replace, kv.get(0), kv.get(1), strict);
            }
        }
        List<Variable> cloned = Rebuild.substitute(outs, replace);
        return out instanceof Variable ? cloned.get(0) : new ArrayList<Object>(cloned);
    }

    private static void put(Runtime rt, Map<Variable, Variable> replace, Object k, Object v, boolean strict) {
        Variable old = Symbolic.lift(rt, k, "a replaced variable"), now = Symbolic.lift(rt, v, "a replacement");
        if (old.rank() != now.rank() || (strict && old.dtype() != now.dtype())) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "clone(): cannot replace " + old.type() + " by " + now.type(),
                    old.rank() != now.rank() ? "a replacement must have the same number of dimensions"
                            : "cast the replacement (T.cast) or pass strict=False");
        }
        replace.put(old, strict || old.dtype() == now.dtype() ? now : Symbolic.ops(rt).cast(now, old.dtype()));
    }

    private static List<Variable> variables(Runtime rt, Object spec, String what) {
        List<?> items = Sequences.items(spec);
        List<Variable> out = new ArrayList<>();
        if (items == null) out.add(Symbolic.lift(rt, spec, what));
        else for (Object o : items) out.add(Symbolic.lift(rt, o, what));
        return out;
    }
}
