package tdl.lib.theano;

import java.util.List;
import java.util.stream.Collectors;
import tdl.function.CompiledFunction;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TypeHooks;

/** Compiled functions in scripts: callable, printable, with Theano's few attributes. */
final class FunctionHooks implements TypeHooks {
    @Override
    public String typeName(Object self) { return "Function"; }

    @Override
    public Object call(Runtime rt, Object self, Args args) {
        return Functions.call(rt, (Functions.ScriptFunction) self, args);
    }

    @Override
    public String str(Runtime rt, Object self) {
        CompiledFunction f = ((Functions.ScriptFunction) self).compiled();
        return "<compiled function " + (f.name() == null ? "" : f.name()) + "(" + names(f.inputs()) + ") -> ["
                + names(f.outputs()) + "]>";
    }

    @Override
    public Object getAttr(Runtime rt, Object self, String name) {
        Functions.ScriptFunction sf = (Functions.ScriptFunction) self;
        CompiledFunction f = sf.compiled();
        return switch (name) {
            case "name" -> f.name();
            case "maker" -> new FunctionMaker.Maker(sf);
            case "copy" -> (tdl.interp.TdlCallable) (r, a) -> FunctionMaker.copy(r, sf, a);
            case "inputs" -> new java.util.ArrayList<Object>(f.inputs());
            case "outputs" -> new java.util.ArrayList<Object>(f.outputs());
            case "trust_input" -> sf.trustInput().get();
            default -> UNSUPPORTED;
        };
    }

    /**
     * f.trust_input = True: Theano then skips its input checks (a wrong input gives a wrong result
     * or a crash). TDL keeps checking, which costs little next to a call and can never be silently wrong.
     */
    @Override
    public Object setAttr(Runtime rt, Object self, String name, Object value) {
        if (!name.equals("trust_input")) return UNSUPPORTED;
        if (!(value instanceof Boolean b)) {
            throw new tdl.syntax.TdlError(tdl.vocab.ErrorKind.TYPE_ERROR, "trust_input must be True or False, got " + rt.repr(value));
        }
        ((Functions.ScriptFunction) self).trustInput().set(b);
        return null;
    }

    @Override
    public List<String> attributeNames(Object self) { return List.of("name", "inputs", "outputs", "maker", "copy", "trust_input"); }

    private static String names(List<Variable> vs) {
        return vs.stream().map(v -> v.name() != null ? v.name() : tdl.function.GraphPrinter.pp(v)).collect(Collectors.joining(", "));
    }
}
