package tdl.lib.theano;

import java.util.function.Predicate;
import tdl.graph.Constant;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.interp.BuiltinType;
import tdl.interp.Runtime;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * Theano's variable classes as types for isinstance and type(), answering as its class hierarchy
 * does (theano/tensor/var.py, sharedvar.py, compile/sharedvalue.py):
 * <pre>
 * Variable ── TensorVariable                 (graph inputs and op outputs)
 *          ├─ Constant ── TensorConstant
 *          └─ SharedVariable ── TensorSharedVariable   (theano.shared of an array)
 *                            └─ ScalarSharedVariable   (theano.shared of a Python number)
 * </pre>
 * A shared variable or a constant is not a TensorVariable: both classes take the tensor operators
 * from a mixin, not from TensorVariable. theano.shared of a list is the generic SharedVariable.
 * Each type is registered under the name {@link SymbolicHooks#typeName} gives, so
 * {@code type(x) is theano.tensor.TensorVariable} holds.
 */
final class TheanoTypes {
    private TheanoTypes() {}

    /** The class names SymbolicHooks#typeName gives a variable. */
    static String typeName(Object v) {
        if (v instanceof Constant) return "TensorConstant";
        if (v instanceof SharedVariable s) {
            return switch (s.kind()) {
                case TENSOR -> "TensorSharedVariable";
                case SCALAR -> "ScalarSharedVariable";
                case GENERIC -> "SharedVariable";
            };
        }
        return "TensorVariable";
    }

    /** Puts the types in theano, theano.gof, theano.compile(.sharedvalue), theano.tensor(.var, .sharedvar). */
    static void install(Runtime rt, TdlModule theano, TdlModule gof, TdlModule compile, TdlModule tensor) {
        // a random draw's rng and its new state are Theano Variables too (RandomStateSharedVariable is a SharedVariable)
        BuiltinType variable = type(rt, "Variable", v -> v instanceof Variable || v instanceof RandomStateShared || v instanceof RandomStateShared.NewState);
        BuiltinType constant = type(rt, "Constant", v -> v instanceof Constant);
        BuiltinType tensorVariable = type(rt, "TensorVariable",
                v -> v instanceof Variable && !(v instanceof Constant) && !(v instanceof SharedVariable));
        BuiltinType tensorConstant = type(rt, "TensorConstant", v -> v instanceof Constant);
        BuiltinType sharedVariable = type(rt, "SharedVariable", v -> v instanceof SharedVariable || v instanceof RandomStateShared);
        BuiltinType tensorShared = type(rt, "TensorSharedVariable",
                v -> v instanceof SharedVariable s && s.kind() == SharedVariable.Kind.TENSOR);
        BuiltinType scalarShared = type(rt, "ScalarSharedVariable",
                v -> v instanceof SharedVariable s && s.kind() == SharedVariable.Kind.SCALAR);

        for (TdlModule m : new TdlModule[] {theano, gof}) m.put("Variable", variable).put("Constant", constant);
        compile.put("SharedVariable", sharedVariable);
        TdlModule sharedvalue = new TdlModule("theano.compile.sharedvalue");
        sharedvalue.put("SharedVariable", sharedVariable).put("shared", theano.members().get("shared"));
        compile.put("sharedvalue", sharedvalue);
        tensor.put("TensorVariable", tensorVariable).put("TensorConstant", tensorConstant);
        TdlModule var = new TdlModule("theano.tensor.var");
        var.put("TensorVariable", tensorVariable).put("TensorConstant", tensorConstant);
        // importable only: theano.tensor.var is T.var, the variance (Theano's star import shadows the module)
        TdlModule sharedvar = new TdlModule("theano.tensor.sharedvar");
        sharedvar.put("TensorSharedVariable", tensorShared).put("ScalarSharedVariable", scalarShared);
        tensor.put("sharedvar", sharedvar);
        for (TdlModule m : new TdlModule[] {sharedvalue, var, sharedvar}) rt.registerModule(m);
    }

    /** A class scripts test against; calling it is an error (variables come from T.matrix, theano.shared, ...). */
    private static BuiltinType type(Runtime rt, String name, Predicate<Object> test) {
        return rt.registerType(new BuiltinType(name, test, (r, a) -> {
            throw new TdlError(ErrorKind.TYPE_ERROR, "TDL does not construct " + name + " objects directly",
                    "make variables with T.matrix(...), theano.shared(...) or T.constant(...)");
        }));
    }
}
