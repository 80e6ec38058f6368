package tdl.lib.theano;

import java.util.List;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.In and theano.Out, the wrappers function() reads: an input with a name (keyword calls), a
 * default value, strict (the value must already be an array of the input's dtype) and
 * allow_downcast; an output with a borrow flag. mutable and borrow are permissions in Theano (the
 * function may overwrite the argument, may return its own buffer); TDL never computes in an
 * argument's buffer and always returns a fresh copy, which honours both.
 */
final class InOut {
    private InOut() {}

    /** theano.In(variable, name=None, value=None, ...): value is null when the input has no default. */
    record In(Variable variable, String name, Object value, Flags flags) {}

    /** In(strict=, allow_downcast=, mutable=); allowDowncast null: function()'s allow_input_downcast decides. */
    record Flags(boolean strict, Boolean allowDowncast, boolean mutable) {
        static final Flags PLAIN = new Flags(false, null, false);
    }

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
        Object downcast = a.get(6, "allow_downcast", null);
        boolean mutable = rt.truth(a.get(4, "mutable", false));
        Object borrowArg = a.get(8, "borrow", null);
        boolean borrow = borrowArg == null ? mutable : rt.truth(borrowArg);
        if (mutable && !borrow) { // Theano's own check: overwriting an argument implies it may be aliased
            throw new TdlError(ErrorKind.ASSERTION_ERROR, "Symbolic input for variable " + var + " has flags mutable=True, borrow=False."
                    + " This combination is incompatible since mutable=True implies that the input variable may be both"
                    + " aliased (borrow=True) and overwritten.", "drop borrow=False");
        }
        Object name = a.get(1, "name", null);
        boolean autoname = rt.truth(a.get(7, "autoname", true));
        String n = name != null ? rt.str(name) : autoname ? var.name() : null;
        Object value = a.get(2, "value", null);
        // kept as given: the call filters it like a value passed in (a Python float may fill a float32 input)
        Flags flags = new Flags(rt.truth(a.get(5, "strict", false)), downcast == null ? null : rt.truth(downcast), mutable);
        return new In(var, n, value, flags);
    }

    /**
     * In(x, strict=True): Theano's TensorType.filter(strict=True) takes only an ndarray of exactly
     * the input's dtype (no list, no Python number, no conversion).
     */
    static void checkStrict(Runtime rt, Object value, Variable input, String where) {
        if (!(value instanceof tdl.graph.NDArray arr)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, where + ": " + input.type() + " expected a ndarray object (strict=True), got "
                    + Symbolic.typeName(rt, value), "pass np.asarray(value, dtype='" + input.dtype().pyName() + "'), or drop strict=True");
        }
        if (arr.dtype() != input.dtype()) {
            throw new TdlError(ErrorKind.TYPE_ERROR, where + ": " + input.type() + " expected a ndarray object with dtype = "
                    + input.dtype().pyName() + " (got " + arr.dtype().pyName() + ")", "convert it with .astype('"
                    + input.dtype().pyName() + "'), or drop strict=True");
        }
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
                    case "strict" -> in.flags().strict();
                    case "mutable" -> in.flags().mutable();
                    case "allow_downcast" -> in.flags().allowDowncast();
                    default -> UNSUPPORTED;
                };
            }

            @Override public List<String> attributeNames(Object self) { return List.of("variable", "name", "value", "strict", "mutable", "allow_downcast"); }
        });
        rt.registerHooks(Out.class, new TypeHooks() {
            @Override public String typeName(Object self) { return "Out"; }

            @Override public String str(Runtime r, Object self) { return "Out(" + r.str(((Out) self).variable()) + "," + (((Out) self).borrow() ? "True" : "False") + ")"; }

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
