package tdl.lib.theano;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tdl.function.GraphPrinter;
import tdl.graph.Apply;
import tdl.graph.Variable;
import tdl.interp.Runtime;
import tdl.interp.TypeHooks;

/** v.owner in scripts: Theano's Apply node, with its op, inputs and outputs (graph introspection). */
final class ApplyHooks implements TypeHooks {
    @Override
    public String typeName(Object self) { return "Apply"; }

    @Override
    public String str(Runtime rt, Object self) {
        Apply a = (Apply) self;
        // Theano's Apply.__str__ writes str() of each input: a constant is TensorConstant{...}
        return a.op().name() + "(" + a.inputs().stream().map(v -> v instanceof tdl.graph.Constant c ? ConstantText.of(rt, c) : label(v))
                .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public Object getAttr(Runtime rt, Object self, String name) {
        Apply a = (Apply) self;
        return switch (name) {
            case "op" -> a.op();
            case "inputs" -> new ArrayList<Object>(a.inputs());
            case "outputs" -> new ArrayList<Object>(a.outputs());
            case "nin" -> (long) a.inputs().size();
            case "nout" -> (long) a.outputs().size();
            default -> UNSUPPORTED;
        };
    }

    @Override
    public List<String> attributeNames(Object self) { return List.of("op", "inputs", "outputs", "nin", "nout"); }

    private static String label(Variable v) { return v.name() != null ? v.name() : GraphPrinter.pp(v); }
}
