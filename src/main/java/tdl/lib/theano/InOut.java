package tdl.lib.theano;

import java.util.List;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.In and theano.Out, the wrappers function() reads: an input with a name (keyword calls)
 * and a default value; an output with a borrow flag. TDL never computes in an input's buffer
 * (mutable has no effect) and copies outputs unless borrowed elsewhere (borrow has no effect).
 */
final class InOut {
    private InOut() {}

    /** theano.In(variable, name=None, value=None, ...): value is null when the input has no default. */
    record In(Variable variable, String name, Object value) {}

    record Out(Variable variable, boolean borrow) {}

    static Object in(Runtime rt, Args a) {
        a.check(9, "variable", "name", "value", "update", "mutable", "strict", "allow_downcast", "autoname", "borrow");
        Object v = a.get(0, "variable");
        if (!(v instanceof Variable var) || var instanceof tdl.graph.SharedVariable || var instanceof tdl.graph.Constant) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "In() wraps a symbolic input variable, got " + Symbolic.typeName(rt, v),
                    "e.g. theano.In(x, value=1.0)");
        }
        if (a.get(3, "update", null) != null) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "In(update=...) (an input that keeps its state between calls) is not supported",
                    "use a shared variable and function(updates=...)");
        }
        if (a.get(6, "allow_downcast", null) != null) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "In(allow_downcast=...) is not supported",
                    "pass allow_input_downcast to function()");
        }
        Object name = a.get(1, "name", null);
        boolean autoname = rt.truth(a.get(7, "autoname", true));
        String n = name != null ? rt.str(name) : autoname ? var.name() : null;
        Object value = a.get(2, "value", null);
        // kept as given: the call filters it like a value passed in (a Python float may fill a float32 input)
        return new In(var, n, value);
    }

    static Object out(Runtime rt, Args a) {
        a.check(2, "variable", "borrow");
        Variable v = Symbolic.lift(rt, a.get(0, "variable"), "Out() variable");
        return new Out(v, rt.truth(a.get(1, "borrow", false)));
    }

    static void register(Runtime rt) {
        rt.registerHooks(In.class, new TypeHooks() {
            @Override public String typeName(Object self) { return "In"; }

            @Override public String str(Runtime r, Object self) { return "In(" + r.str(((In) self).variable()) + ")"; }

            @Override public Object getAttr(Runtime r, Object self, String name) {
                In in = (In) self;
                return switch (name) {
                    case "variable" -> in.variable();
                    case "name" -> in.name();
                    case "value" -> in.value();
                    default -> UNSUPPORTED;
                };
            }

            @Override public List<String> attributeNames(Object self) { return List.of("variable", "name", "value"); }
        });
        rt.registerHooks(Out.class, new TypeHooks() {
            @Override public String typeName(Object self) { return "Out"; }

            @Override public String str(Runtime r, Object self) { return "Out(" + r.str(((Out) self).variable()) + ")"; }

            @Override public Object getAttr(Runtime r, Object self, String name) {
                Out o = (Out) self;
                return switch (name) {
                    case "variable" -> o.variable();
                    case "borrow" -> o.borrow();
                    default -> UNSUPPORTED;
                };
            }

            @Override public List<String> attributeNames(Object self) { return List.of("variable", "borrow"); }
        });
    }
}
