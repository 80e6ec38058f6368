package tdl.lib.theano;

import java.util.List;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;
import tdl.vocab.Operator;

/**
 * {@code v.type} as Theano's TensorType object: prints as {@code TensorType(float64, matrix)}, has
 * {@code dtype} and {@code ndim}, compares with ==, and called ({@code x.type('name')}) makes a new
 * input of the same type, as Theano scripts do to build a variable like another.
 */
final class TensorTypeHooks implements TypeHooks {
    private static final List<String> ATTRIBUTES = List.of("dtype", "ndim", "broadcastable");

    @Override
    public String typeName(Object self) { return "TensorType"; }

    @Override
    public String str(Runtime rt, Object self) { return self.toString(); }

    @Override
    public Object getAttr(Runtime rt, Object self, String name) {
        TensorType t = (TensorType) self;
        return switch (name) {
            case "dtype" -> t.dtype().pyName();
            case "ndim" -> (long) t.rank();
            case "broadcastable" -> throw noBroadcastable();
            default -> UNSUPPORTED;
        };
    }

    /** Refused rather than guessed: an all-False tuple would be wrong for T.row(), T.col() and dimshuffle('x'). */
    static TdlError noBroadcastable() {
        return new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR,
                "TDL types have no broadcastable pattern: broadcasting is decided from the shapes when the function runs",
                "use x.ndim for the rank and x.shape[i] (or T.eq(x.shape[i], 1)) for a length; only inputs and shared"
                        + " variables have one (all False unless declared: T.row, T.col, T.tensor(dtype, broadcastable),"
                        + " theano.shared(..., broadcastable=)), computed variables do not; see docs/decisions.md");
    }

    @Override
    public Object call(Runtime rt, Object self, Args a) {
        Object name = a.check(1, "name").get(0, "name", null);
        return new Variable((TensorType) self, name == null ? null : rt.str(name));
    }

    @Override
    public Object binary(Runtime rt, Operator op, Object a, Object b) {
        return switch (op) {
            case EQ -> PatternedType.same(a, b);
            case NE -> !PatternedType.same(a, b);
            default -> UNSUPPORTED;
        };
    }

    @Override
    public List<String> attributeNames(Object self) { return ATTRIBUTES; }
}
